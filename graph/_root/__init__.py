"""disclosure-kg: a linked-data knowledge graph of government information-disclosure reports."""

__version__ = "0.1.0"


def __getattr__(name: str):
    # the API is imported on first use, so `import disclosure_kg` stays cheap for the CLI
    if name == "KnowledgeGraph":
        from .graph.api import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)


__all__ = ["KnowledgeGraph", "__version__"]
