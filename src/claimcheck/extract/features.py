"""One parsed sentence (a spaCy Span) -> the features a stance decision needs, as a Statement.

This is the only module that reads spaCy tokens; nothing spaCy leaves it.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from claimcheck.extract.quantities import find_quantities
from claimcheck.lexicon import Lexicon, lexicon
from claimcheck.models import EntityMention, Quantity, Statement

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
SKIP_ENTITY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
QUANTITY_SKIP_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
# Words too common in news to say what a sentence is about.
GENERIC_LEMMAS = frozenset({
    "be", "have", "do", "make", "take", "get", "go", "come", "give", "include", "become", "remain", "seem",
    "also", "new", "other", "many", "much", "more", "most", "such", "own", "last", "first", "recent",
    "year", "time", "day", "week", "month", "way", "thing", "part", "lot", "number", "people's",
    "mr", "ms", "mrs", "percent", "-", "—", "–",
})
MODALS = frozenset({"may", "might", "could", "would", "should", "must"})
BRITISH = {"defence": "defense", "neighbour": "neighbor", "neighbourhood": "neighborhood", "armour": "armor",
           "armoured": "armored", "centre": "center", "programme": "program", "organisation": "organization",
           "utilise": "utilize", "favour": "favor", "labour": "labor", "honour": "honor", "offence": "offense"}


def entity_key(text: str, words: Lexicon) -> str:
    cleaned = re.sub(r"^(the)\s+", "", text.strip().lower())
    cleaned = re.sub(r"(’s|'s|’|')$", "", cleaned).strip()
    if cleaned in words.aliases:
        return words.aliases[cleaned]
    return re.sub(r"[^0-9a-z]+", "_", cleaned).strip("_")


def lemma_term(token, words: Lexicon) -> str:
    lemma = token.lemma_.lower()
    lemma = BRITISH.get(lemma, lemma)
    return words.canonical_lemma(lemma)


# spaCy's stop list holds verbs and nouns that carry a claim ("show", "fire", "call", "front").
STOP_WORDS_KEPT = frozenset({
    "show", "fire", "call", "move", "name", "front", "back", "top", "bottom", "full", "serious", "empty",
    "give", "put", "see", "find", "thick", "thin", "bill", "amount", "sixty", "fifty", "forty",
})


def _is_stop(token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in STOP_WORDS_KEPT or token.lower_ in STOP_WORDS_KEPT:
        return False
    return token.is_stop or lemma in STOP_WORDS


def _is_content(token) -> bool:
    return (
        token.pos_ in CONTENT_POS
        and not _is_stop(token)
        and not token.is_punct
        and not token.like_num
        and token.dep_ not in {"aux", "auxpass"}
        and len(token.text) > 1
    )


def _entity_terms(ent, words: Lexicon) -> tuple[list[str], str]:
    """Terms for one entity: its alias key when known, else the keys of known parts plus its other words."""
    key = entity_key(ent.text, words)
    if key in words.alias_labels or len(ent) == 1:
        return [key], key
    terms: list[str] = []
    index = 0
    tokens = list(ent)
    while index < len(tokens):
        for width in range(len(tokens) - index, 0, -1):
            part = ent.doc[tokens[index].i : tokens[index].i + width].text.lower()
            if part in words.aliases:
                terms.append(words.aliases[part])
                index += width
                break
        else:
            token = tokens[index]
            if _is_content(token) or token.pos_ == "PROPN":
                terms.append(lemma_term(token, words))
            index += 1
    return terms, key


@lru_cache(maxsize=None)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")


@lru_cache(maxsize=None)
def _any_phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _phrases_in(text_lower: str, phrases: tuple[str, ...]) -> list[str]:
    """The phrases the text contains as whole words, in the list's order. One combined search
    first: most sentences contain none of a cue list."""
    if not phrases or not _any_phrase_pattern(phrases).search(text_lower):
        return []
    return [phrase for phrase in phrases if _phrase_pattern(phrase).search(text_lower)]


def _phrase_in(text_lower: str, phrases: tuple[str, ...]) -> str | None:
    """The first phrase of the list that the text contains as whole words."""
    found = _phrases_in(text_lower, phrases)
    return found[0] if found else None


def _main_predicate(sent, words: Lexicon):
    """The verb the sentence asserts: the root, or the clause a reporting verb introduces."""
    root = sent.root
    if root.lemma_.lower() in words.reporting_verbs or root.lemma_.lower() in {"claim", "believe", "suggest"}:
        for child in root.children:
            if child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"}:
                return child, root
    return root, None


def _negation(predicate) -> str | None:
    """The negation cue on the predicate, in text order: 'has not sent', 'will no longer play', 'sent no troops'."""
    for child in predicate.children:
        negated = child.dep_ == "neg" or child.lower_ == "never"
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            negated = True
        if negated:
            aux = [c for c in predicate.children if c.dep_ in {"aux", "auxpass"}]
            tokens = sorted([*aux, child, predicate], key=lambda t: t.i)
            if child.lower_ == "longer":
                tokens = sorted([*tokens, *(g for g in child.children if g.lower_ == "no")], key=lambda t: t.i)
            return " ".join(t.text for t in tokens)
        if child.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"}:
            for grand in child.children:
                if grand.dep_ == "det" and grand.lower_ == "no":
                    return f"{predicate.text} no {child.text}" if child.i > predicate.i else f"no {child.text}"
    return None


def _attribution(sent, root, reporting_root, words: Lexicon) -> str | None:
    text_lower = sent.text.lower()
    text_lower = text_lower.rstrip(" .")
    match = re.search(r"according to ([^,;]+?)(?:,|;|$)", text_lower) or re.search(
        r"\b(?:reports?|reporting|sources?) (?:from|by|in|at) ((?:the )?[a-z][\w.’' -]{2,40}?)(?= have| has| say| said| suggest| indicate|,|$)",
        text_lower,
    )
    if match:
        start = sent.text.lower().index(match.group(1))
        return sent.text[start : start + len(match.group(1))].strip()
    if reporting_root is not None:
        for child in reporting_root.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return sent.doc[child.left_edge.i : child.right_edge.i + 1].text
    return None


def _background_tokens(sent, words: Lexicon) -> set[int]:
    """Token indexes inside a secondary role: 'based on X', 'comparable to X', 'X design'."""
    inside: set[int] = set()
    heads = words.secondary_role_heads
    for token in sent:
        phrase = f"{token.head.lemma_.lower()} {token.lower_}"
        if token.dep_ == "prep" and (_phrase_in(phrase, heads) or f"{token.head.lower_} {token.lower_}" in heads):
            inside.update(t.i for t in token.subtree)
        if token.lemma_.lower() in {"design", "version", "variant"}:
            inside.update(t.i for t in token.subtree if t.i != token.i)
    return inside


# The tagger sometimes calls "Some 12k" a date: only spans with a time word are dates for sure.
TIME_WORDS = re.compile(
    r"\b(?:\d{4}|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|ago|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|"
    r"spring|summer|autumn|fall|winter|morning|evening|night|noon|midnight|[ap]\.?m\.?)\b",
    re.IGNORECASE,
)
SIDE_CLAUSES = frozenset({"advcl", "relcl", "appos", "parataxis", "acl", "npadvmod"})


def _core_tokens(predicate, reporting_root) -> set[int]:
    """Token indexes of the main clause: the predicate and its arguments, without side clauses."""
    core: set[int] = set()
    stack = [predicate]
    while stack:
        token = stack.pop()
        core.add(token.i)
        for child in token.children:
            if child.dep_ in SIDE_CLAUSES or child.lower_ == "according":
                continue
            if reporting_root is not None and child.i == reporting_root.i:
                continue
            stack.append(child)
    return core


def _quantities(sent, words: Lexicon, dated_text: str) -> list[Quantity]:
    skip_spans = [
        (e.start_char, e.end_char) for e in sent.ents
        if e.label_ in QUANTITY_SKIP_LABELS and (e.label_ == "ORDINAL" or TIME_WORDS.search(e.text))
    ]
    found = []
    offset = sent.start_char
    for raw in find_quantities(sent.text):
        start, end = offset + raw.start, offset + raw.end
        if any(s <= start < e or s < end <= e for s, e in skip_spans):
            continue
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        counted = governor = None
        if span is not None and len(span):
            counted, governor = _counted_and_governor(span, words)
        before = dated_text[max(0, raw.start - 40) : raw.start]
        after = dated_text[raw.end : raw.end + 40]
        dated = _phrase_in(before + " " + after, words.dated_markers) is not None
        found.append(Quantity(
            text=raw.text, value=raw.value, low=raw.low, high=raw.high, qualifier=raw.qualifier,
            unit=raw.unit, counted=counted, governor=governor, dated=dated,
        ))
    return found


def _counted_and_governor(span, words: Lexicon) -> tuple[str | None, str | None]:
    last = span[-1]
    noun = None
    if last.head.pos_ in {"NOUN", "PROPN"} and last.head.i >= last.i:
        noun = last.head
    else:
        for token in span.doc[last.i + 1 : min(last.i + 6, span.sent.end)]:
            if token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ not in {"NORP", "GPE"}:
                noun = token
                break
            if token.pos_ in {"VERB", "AUX", "ADP"} and token.lower_ != "of" or token.is_punct:
                break
    counted = lemma_term(noun, words) if noun is not None else None
    governor = None
    node = noun if noun is not None else last
    for _ in range(8):
        if node.pos_ == "VERB" or (node.pos_ == "AUX" and node.dep_ not in {"aux", "auxpass"}):
            governor = lemma_term(node, words)
            break
        if node.head is node:
            break
        node = node.head
    return counted, governor


def statement_from_span(sent, *, source: str, base_offset: int, context_terms: list[str]) -> Statement:
    """Build the Statement of one sentence. base_offset maps span offsets to the source text."""
    words = lexicon()
    text = " ".join(sent.text.split())
    lower = text.lower()
    background = _background_tokens(sent, words)
    predicate, reporting_root = _main_predicate(sent, words)
    core = _core_tokens(predicate, reporting_root)
    terms: list[str] = []
    core_terms: list[str] = []
    background_terms: list[str] = []
    entities: list[EntityMention] = []
    seen_entity_tokens: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in SKIP_ENTITY_LABELS:
            if ent.label_ in {"DATE", "TIME"}:
                # kept as a mention (a dated statement is concrete) but never as a term: dates are too common
                entities.append(EntityMention(text=ent.text, key=entity_key(ent.text, words), label=ent.label_))
            seen_entity_tokens.update(t.i for t in ent)
            continue
        ent_terms, key = _entity_terms(ent, words)
        entities.append(EntityMention(text=ent.text, key=key, label=ent.label_))
        target = background_terms if all(t.i in background for t in ent) else terms
        implied = [k for term in ent_terms for k in words.implies.get(term, ())]
        target.extend(ent_terms + implied)
        if target is terms and any(t.i in core for t in ent):
            core_terms.extend(ent_terms + implied)
        seen_entity_tokens.update(t.i for t in ent)
    for token in sent:
        if token.i in seen_entity_tokens or not _is_content(token) or token.lower_ == "according":
            continue
        term = lemma_term(token, words)
        if term in GENERIC_LEMMAS or term in words.reporting_verbs:
            continue
        (background_terms if token.i in background else terms).append(term)
        if token.i in core and token.i not in background:
            core_terms.append(term)
    terms = list(dict.fromkeys(terms))
    background_terms = [t for t in dict.fromkeys(background_terms) if t not in terms]

    hedges = [h for h in _phrases_in(lower, words.hedge_words) if h not in MODALS]
    # In reported speech "would" is the future of the past ("said the route would stay closed"), not a hedge.
    hedging_modals = MODALS - {"should", "must"} - ({"would"} if reporting_root is not None else set())
    hedges += [t.lower_ for t in sent if t.tag_ == "MD" and t.lower_ in hedging_modals]
    opinion = _phrase_in(lower, words.opinion_markers)
    kind = "fact"
    if text.endswith("?"):
        kind = "question"
    elif opinion:
        kind = "opinion"
    elif re.match(r"^(if|whether|unless)\b", lower) or any(
        c.tag_ == "MD" and c.lower_ in hedging_modals for c in predicate.children
    ):
        kind = "speculation"
    start = base_offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    end = base_offset + sent.end_char - (len(sent.text) - len(sent.text.rstrip()))
    statement_id = hashlib.sha1(f"{source}\x00{start}\x00{text}".encode()).hexdigest()[:16]
    return Statement(
        id=statement_id,
        source=source,
        text=text,
        start=start,
        end=end,
        terms=terms,
        core_terms=list(dict.fromkeys(core_terms)),
        context_terms=[t for t in dict.fromkeys(context_terms) if t not in terms],
        background_terms=background_terms,
        entities=entities,
        quantities=_quantities(sent, words, sent.text),
        predicate=lemma_term(predicate, words) if predicate.pos_ in {"VERB", "AUX"} else None,
        negation=_negation(predicate),
        denial=_phrase_in(lower, words.denial_phrases),
        correction=_phrase_in(lower, words.correction_phrases),
        hedges=list(dict.fromkeys(hedges)),
        attribution=_attribution(sent, predicate, reporting_root, words),
        kind=kind,
    )
