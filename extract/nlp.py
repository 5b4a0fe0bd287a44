"""The spaCy frame: a blank ``zh`` pipeline with character segmentation.

No pretrained Chinese model can be downloaded here, and none is needed: extractors add
PhraseMatcher/Matcher components over vocabularies read from the ontology. Character
segmentation keeps every label matchable (jieba's word boundaries cut through labels such as
保障性住房) and is fast.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def blank_zh() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.max_length = 5_000_000
    return nlp


def make_doc(text: str):
    """Tokenise only (no components): one token per character, offsets = character offsets."""
    return blank_zh().make_doc(text)
