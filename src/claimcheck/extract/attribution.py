"""Who a sentence attributes its assertion to, and which of its words only say so.

"According to X, Y", "Y, X said", "X confirmed that Y", "Y, as reported by X", "Y, citing X",
"X told Reuters that Y": the assertion is Y; X is the attribution. The attribution's tokens are
kept apart so that what is matched against other sources is Y alone (Statement.attribution_terms),
and X gets a type: person, organisation, outlet, or unnamed ("officials said", "sources told").

Reads spaCy tokens; used by extract/features.py (every sentence) and extract/slots.py (claims).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.lexicon import lexicon, slot_words
from claimcheck.models import Attribution, AttributionType

__all__ = ["AttributionSpan", "clauses_said", "find_attribution", "party_named", "quoted_as_saying"]

SIDE_DEPS = frozenset({"advcl", "parataxis", "prep", "conj", "npadvmod"})
WHO_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "agent"})
ORGANISATION_LABELS = frozenset({"ORG", "GPE", "NORP"})
# A phrase of the text itself: "according to X" and "reports from X suggest" name X without a clause.
ACCORDING_TO = re.compile(r"according to ([^,;]+?)(?:,|;|$)")
REPORTS_FROM = re.compile(
    r"\b(?:reports?|reporting|sources?) (?:from|by|in|at) ((?:the )?[a-z][\w.’' -]{2,40}?)"
    r"(?= have| has| say| said| suggest| indicate|,|$)"
)
LEADING_THE = re.compile(r"^the\s+")


@dataclass(frozen=True, slots=True)
class AttributionSpan:
    tokens: frozenset[int]  # doc indexes of every word that only attributes: 'X said', 'according to X'
    who: tuple[int, ...]  # doc indexes of X
    name: str | None  # X as written
    verb: str | None = None  # lemma of the word that attributes: 'say', 'confirm', 'according'


def _subtree(token) -> set[int]:
    return {t.i for t in token.subtree}


def _phrase(token) -> tuple[int, ...]:
    """The words of a noun phrase naming who speaks, without the relative clauses that say more of them
    ('Islam, who trades mainly in gold futures, told ...': the trading is asserted, not attribution)."""
    asserted = {i for t in token.subtree if t.dep_ in {"relcl", "acl"} for i in _subtree(t)}
    words = sorted(i for i in _subtree(token) if i not in asserted)
    doc = token.doc
    while words and doc[words[-1]].is_punct:
        words.pop()
    return tuple(words)


def party_named(token) -> str:
    """The noun phrase of a party as written, without the clauses that say more of it."""
    words = _phrase(token)
    return token.doc[words[0] : words[-1] + 1].text if words else token.text


def clauses_said(token) -> list:
    """The clauses a verb introduces as what is said ('saying that Y', 'claiming Y'): its verbal ccomp children."""
    return [c for c in token.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]


def quoted_as_saying(root):
    """'The minister was quoted (or cited) as saying that Y', 'the paper quoted an official as saying Y': Y's verb,
    or None."""
    if root.lemma_.lower() not in {"quote", "cite"}:
        return None
    for preposition in root.children:
        if preposition.dep_ == "prep" and preposition.lower_ == "as":
            for saying in preposition.children:
                if saying.dep_ == "pcomp" and saying.lemma_.lower() in lexicon().reporting_verbs:
                    said = clauses_said(saying)
                    if said:
                        return said[0]
    return None


def _who(head) -> tuple[int, ...]:
    """X of a reporting word: its subject, 'by X' (passive), the object of 'citing X', 'to X' of 'according'."""
    for child in head.children:
        if child.dep_ == "nsubj":
            return _phrase(child)
    for child in head.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "to"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return _phrase(grand)
        if child.dep_ == "dobj" and head.lemma_.lower() in {"cite", "quote"}:
            return _phrase(child)
    return ()


def _side_clause(predicate):
    """A side clause of the predicate that attributes it: 'as reported by X', 'citing X', ', X said'."""
    verbs = slot_words().attribution_clause_verbs | lexicon().reporting_verbs
    for child in predicate.children:
        if child.dep_ in SIDE_DEPS and child.lemma_.lower() in verbs and child.i != predicate.i:
            if child.dep_ == "prep" and child.lower_ != "according":
                continue
            if any(grand.dep_ in {"ccomp", "xcomp"} for grand in child.children):
                continue  # 'X defends it, saying that Y': the clause reports Y, it does not attribute the sentence
            return child
    # 'according to X' hanging from another word than the verb ("troops, according to X, are ...")
    for token in predicate.sent:
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            return token
    return None


def find_attribution(sent, predicate, reporting_root, raw_text: str) -> AttributionSpan | None:
    """The attribution of a sentence (a spaCy Span) whose asserted verb is `predicate`, or None."""
    doc = sent.doc
    quoted = [] if reporting_root is None or quoted_as_saying(reporting_root) is None else [
        c for c in reporting_root.children if c.dep_ in {"nsubjpass", "dobj"}
    ]
    if quoted:
        # who is quoted speaks: 'the minister' of 'The minister was quoted as saying', not who quotes
        tokens = _subtree(reporting_root) - _subtree(predicate)
        head = reporting_root
    elif reporting_root is not None:
        # 'X is believed to be seeking ...': X is who seeks, not who believes
        passive_subjects = [c for c in reporting_root.children if c.dep_ == "nsubjpass"]
        tokens = _subtree(reporting_root) - _subtree(predicate) - {i for c in passive_subjects for i in _subtree(c)}
        head = reporting_root
    else:
        head = _side_clause(predicate)
        if head is None:
            return _named_only(raw_text)
        tokens = _subtree(head)
    who = _phrase(quoted[0]) if quoted else _who(head)
    if head.lower_ == "according" and not who:
        who = tuple(sorted(i for i in tokens if i != head.i and doc[i].lower_ != "to"))
    named = _named_only(raw_text)
    name = named.name if named else (doc[who[0] : who[-1] + 1].text if who else None)
    # punctuation between the clause and the assertion belongs to neither; a relative clause about the
    # speaker is asserted
    described = {i for t in doc[sent.start : sent.end] if t.dep_ in {"relcl", "acl"} and t.i in tokens for i in _subtree(t)}
    tokens = {i for i in tokens if not doc[i].is_punct and i not in described}
    # the word Y hangs from attributes it: the reporting root, or its clause 'X posted a notice to confirm that Y'
    verb = predicate.head if reporting_root is not None else head
    return AttributionSpan(frozenset(tokens), who, name, verb.lemma_.lower())


def _named_only(raw_text: str) -> AttributionSpan | None:
    """'according to X' or 'reports from X' the parser did not attach as a clause: a name, no tokens."""
    lower = raw_text.lower().rstrip(" .")
    match = ACCORDING_TO.search(lower) or REPORTS_FROM.search(lower)
    if match is None:
        return None
    start = raw_text.lower().index(match.group(1))
    return AttributionSpan(frozenset(), (), raw_text[start : start + len(match.group(1))].strip())


def attribution_type(doc, span: AttributionSpan) -> AttributionType:
    """person, organisation, outlet or unnamed, from X's words and the parser's entity labels."""
    words = slot_words()
    name = LEADING_THE.sub("", (span.name or "").lower().strip())
    if name in words.outlets or any(outlet in name.split(" ") for outlet in words.outlets if " " not in outlet):
        return "outlet"
    tokens = [doc[i] for i in span.who]
    if not tokens:
        return "unnamed"
    head = next((t for t in tokens if t.head.i not in span.who or t.head.i == t.i), tokens[-1])
    labels = {t.ent_type_ for t in tokens if t.ent_type_}
    if head.lemma_.lower() in words.outlet_nouns:
        return "outlet"
    if "PERSON" in labels or head.lemma_.lower() in words.person_titles or (
        head.pos_ == "PROPN" and head.ent_type_ not in ORGANISATION_LABELS
    ):
        return "person"
    if head.lemma_.lower() in words.unnamed_sources:
        return "unnamed"
    return "organisation"


def attribution_slot(doc, span: AttributionSpan | None) -> Attribution | None:
    if span is None or not span.name:
        return None
    return Attribution(name=span.name, type=attribution_type(doc, span))
