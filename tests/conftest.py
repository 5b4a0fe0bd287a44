"""Shared fixtures: the real corpus and its hand-made answers, which live beside the project."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

SKIP_MESSAGE = "needs ../shared/corpus (the shared corpus is not beside the project)"


def _shared_dir() -> Path:
    return Path(__file__).resolve().parents[1].parent / "shared"


def _corpus_path() -> Path:
    override = os.environ.get("DKG_CORPUS")
    return Path(override) if override else _shared_dir() / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The folder of real documents (env DKG_CORPUS overrides); skips the test when absent."""
    path = _corpus_path()
    if not path.is_dir():
        pytest.skip(SKIP_MESSAGE)
    return path


@pytest.fixture(scope="session")
def gold(corpus_dir: Path) -> dict[str, dict]:
    """Hand-made answers keyed by source file name (``000_e12181306ca0a942.txt`` → its gold json).

    The gold folder sits beside the corpus folder (../shared/gold)."""
    gold_dir = corpus_dir.parent / "gold"
    if not gold_dir.is_dir():
        pytest.skip("needs ../shared/gold (the hand-made answers are not beside the project)")
    answers: dict[str, dict] = {}
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        answers[data.get("source") or path.stem] = data
    return answers
