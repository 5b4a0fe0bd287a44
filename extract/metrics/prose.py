"""Figures in running text — placeholder."""
from __future__ import annotations


def find(doc, fmt, readings):
    return []
