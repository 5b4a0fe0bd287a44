from disclosure_kg.graph.cli import main

raise SystemExit(main())
