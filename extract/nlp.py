"""The spaCy frame: a blank ``zh`` pipeline with character segmentation.

No pretrained Chinese model can be downloaded here, and none is needed: extractors add
PhraseMatcher/Matcher components over vocabularies read from the ontology. Character
segmentation keeps every label matchable (jieba's word boundaries cut through labels such as
保障性住房) and is fast.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# a character, and the one space after it that spaCy keeps as the token's trailing whitespace; or
# a run of whitespace, which is a token of its own
_CHAR_TOKEN = re.compile(r"(\S)( ?)|(\s+)")


@lru_cache(maxsize=1)
def blank_zh() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.max_length = 5_000_000
    return nlp


def char_tokens(text: str) -> tuple[list[str], list[bool]]:
    """The words and trailing-space flags spaCy's character segmenter gives ``text``, found in one
    pass: its own alignment (util.get_words_and_spaces) searches the rest of the text again for
    every character, quadratic time (a 5 MB text: minutes)."""
    words: list[str] = []
    spaces: list[bool] = []
    for char, space, run in _CHAR_TOKEN.findall(text):
        words.append(char or run)
        spaces.append(bool(space))
    return words, spaces


def make_doc(text: str) -> Doc:
    """Tokenise only (no components): one token per character, offsets = character offsets.
    Built directly from char_tokens, so no max_length applies: callers bound the text."""
    words, spaces = char_tokens(text)
    return Doc(blank_zh().vocab, words=words, spaces=spaces)
