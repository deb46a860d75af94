"""A parsed sentence -> the spans of its atomic assertions; a paragraph -> the length of a byline or
dateline glued onto its first sentence.

Splitting is conservative: a sentence is cut only where it coordinates full clauses, each with a
verb and a subject of its own ("Police arrested three men, and the court charged two of them").
A shared subject ("He resigned and left the country"), a relative or adverbial clause, or a list
of objects leaves the sentence whole. Which of the parts are claims is decided later
(`extract.claims`); this module only reads the parse.
"""

from __future__ import annotations

import re

from claimcheck.lexicon import lexicon

__all__ = ["clause_spans", "opening_end", "preamble_length"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
VERB_POS = frozenset({"VERB", "AUX"})
# Tokens that open the second clause without belonging to what it asserts: 'and', 'but', 'that', ','.
JOINERS = frozenset({"cc", "mark", "punct", "preconj"})
# A dateline ('KYIV, Ukraine (Reuters) — ') or a run of header fields cut by backslashes or bars
# ('Washington DC \ Jane Doe \ Evening Edition \ '): page furniture in front of the first sentence.
DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?\s*(?:\([^)]{1,30}\))?\s*[-–—]+\s+(?=[A-Z0-9“\"])"
)
HEADER_FIELDS = re.compile(r"^(?:[^\\|\n]{1,60}?\s[\\|]\s+)+(?=\S)")


def preamble_length(paragraph: str) -> int:
    """How many characters of a paragraph a dateline or header fields take up before its first sentence
    (0 when it has none). Cut before parsing: the parser would make sentences of the fields."""
    match = HEADER_FIELDS.match(paragraph) or DATELINE.match(paragraph)
    if match is None or len(paragraph) - match.end() < 20:
        return 0
    return match.end()


def _asserted_verb(sent):
    """The verb whose clause the sentence asserts: the root, or the clause a reporting verb introduces."""
    root = sent.root
    if root.lemma_.lower() in lexicon().reporting_verbs:
        for child in root.children:
            if child.dep_ == "ccomp" and child.pos_ in VERB_POS:
                return child
    return root


def _has_subject(verb) -> bool:
    return any(child.dep_ in SUBJECT_DEPS and child.lower_ not in {"there"} for child in verb.children)


def opening_end(sent) -> int:
    """The index of the token that ends the sentence's opening adverbial ('Meanwhile, in the Kherson region,'
    before 'a strike hit ...'): the first word of the asserted verb's subject; the sentence start when none."""
    verb = _asserted_verb(sent)
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    return min(subjects[0].left_edge.i, verb.i) if subjects else sent.start


def clause_spans(sent) -> list:
    """The spans of the full clauses the sentence coordinates, in order; [] when it makes one assertion.

    The first clause runs from the sentence start to the word that joins the second; each later one from
    its own first word (after 'and', 'but', 'that') to the start of the next, the last to the sentence end,
    so that a trailing attribution (', officials said.') stays with the last clause.
    """
    verb = _asserted_verb(sent)
    if verb.pos_ not in VERB_POS or not _has_subject(verb):
        return []
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in VERB_POS and _has_subject(c)]
    if not conjuncts:
        return []
    doc = sent.doc
    starts = [sent.start]
    for conjunct in conjuncts:
        first = conjunct.left_edge.i
        while first < conjunct.i and doc[first].dep_ in JOINERS:
            first += 1
        if first <= starts[-1]:
            return []
        starts.append(first)
    spans = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else sent.end
        # the joining words and punctuation before the next clause belong to neither clause
        while end > start + 1 and index + 1 < len(starts) and (doc[end - 1].dep_ in JOINERS or doc[end - 1].is_punct):
            end -= 1
        spans.append(doc[start:end])
    return spans
