"""disclosure-kg: a linked-data knowledge graph of government information-disclosure reports."""

__version__ = "0.1.0"
