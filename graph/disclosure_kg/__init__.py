"""disclosure-kg: a linked-data knowledge graph of government information-disclosure reports.

The root of the import name. Its parts live in the project's top-level folders
(disclosure_kg.extract in extract/, disclosure_kg.graph in graph/, …: pyproject.toml's
package-dir, and the README's Architecture section); this folder holds only what
``import disclosure_kg`` and ``python -m disclosure_kg`` need."""

from importlib.metadata import version

__version__ = version("disclosure-kg")  # one number, pyproject.toml's


def __getattr__(name: str):
    # the API is imported on first use, so `import disclosure_kg` stays cheap for the CLI
    if name == "KnowledgeGraph":
        from .graph.api import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)


__all__ = ["KnowledgeGraph", "__version__"]
