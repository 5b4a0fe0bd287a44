"""disclosure-kg: a linked-data knowledge graph of government information-disclosure reports."""

from importlib.metadata import version

__version__ = version("disclosure-kg")  # one number, pyproject.toml's


def __getattr__(name: str):
    # the API is imported on first use, so `import disclosure_kg` stays cheap for the CLI
    if name == "KnowledgeGraph":
        from .graph.api import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)


__all__ = ["KnowledgeGraph", "__version__"]
