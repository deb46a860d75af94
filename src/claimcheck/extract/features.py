"""One parsed sentence (a spaCy Span) -> the features a stance decision needs, as a Statement.

This is the only module that reads spaCy tokens; nothing spaCy leaves it. It runs for every
sentence of a corpus when indexing, so it reads the span's text, tokens and entities once per
sentence (spaCy rebuilds `span.text` and `span.ents` on every read), searches cue lists with
patterns compiled once (`extract.cues`), and caches what depends on a word alone.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from claimcheck.extract.attribution import clauses_said, find_attribution, party_named, quoted_as_saying
from claimcheck.extract.cues import cues
from claimcheck.extract.quantities import find_quantities
from claimcheck.lexicon import dispute_words, lexicon
from claimcheck.models import EntityMention, NegatedAction, Quantity, RelayedClause, Statement

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
AUX_DEPS = frozenset({"aux", "auxpass"})
SKIP_ENTITY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
QUANTITY_SKIP_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})

LEADING_THE = re.compile(r"^(the)\s+")
TRAILING_POSSESSIVE = re.compile(r"(’s|'s|’|')$")
NOT_KEY_CHARS = re.compile(r"[^0-9a-z]+")
INNER_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
SIDE_CLAUSES = frozenset({"advcl", "relcl", "appos", "parataxis", "acl", "npadvmod"})
# Words before a person's name that only describe the person ("Oscar winner Christian Bale", "Russian
# President Vladimir Putin"): the person is the participant. Not a relation ("Baghdadi's wife Saja"), nor
# an apposition after the name ("Saja, Baghdadi's ex-wife,"): news asserts those.
DESCRIPTOR_DEPS = frozenset({"compound", "amod"})


@lru_cache(maxsize=65_536)
def entity_key(text: str) -> str:
    """An entity's key: its alias ('the DPRK' -> 'north_korea'), else its words joined by '_'."""
    cleaned = LEADING_THE.sub("", text.strip().lower())
    cleaned = TRAILING_POSSESSIVE.sub("", cleaned).strip()
    aliases = lexicon().aliases
    if cleaned in aliases:
        return aliases[cleaned]
    return NOT_KEY_CHARS.sub("_", cleaned).strip("_")


@lru_cache(maxsize=65_536)
def term_of_lemma(lemma: str) -> str:
    """A spaCy lemma as a term: lower case, American spelling, its synonym class. An apostrophe inside a word
    becomes '_', as in an entity's key: "O’neal" the parser missed is the same term as the name "O'Neal"."""
    lemma = INNER_APOSTROPHE.sub("_", lemma.lower())
    words = lexicon()
    return words.canonical_lemma(words.american(lemma))


def lemma_term(token) -> str:
    return term_of_lemma(token.lemma_)


def _is_content(token, lemma: str, lower: str) -> bool:
    """A word that says what the sentence is about. lemma and lower: the token's, lower-cased."""
    if token.pos_ not in CONTENT_POS:
        return False
    kept_words = lexicon().kept_stop_words
    kept = lemma in kept_words or lower in kept_words
    if not kept and (token.is_stop or lemma in STOP_WORDS):
        return False
    return not token.is_punct and not token.like_num and token.dep_ not in AUX_DEPS and len(token.text) > 1


def _span_text(texts_with_ws: list[str], start: int, end: int, last_has_space: bool) -> str:
    """What spaCy's Span.text gives for tokens start..end-1, from their texts with whitespace."""
    text = "".join(texts_with_ws[start:end])
    return text[:-1] if last_has_space else text


def _entity_terms(ent) -> tuple[list[str], str]:
    """Terms for one entity: its alias key when known, else the keys of known parts plus its other words."""
    key = entity_key(ent.text)
    aliases = lexicon().aliases
    if key in lexicon().alias_labels or len(ent) == 1:
        return [key], key
    tokens = list(ent)
    texts = [token.text_with_ws for token in tokens]
    spaced = [bool(token.whitespace_) for token in tokens]
    terms: list[str] = []
    index = 0
    while index < len(tokens):
        for width in range(len(tokens) - index, 0, -1):
            part = _span_text(texts, index, index + width, spaced[index + width - 1]).lower()
            if part in aliases:
                terms.append(aliases[part])
                index += width
                break
        else:
            token = tokens[index]
            # A hyphen the parser tagged as part of a name ("al-Baghdadi") is no word of it.
            if _is_content(token, token.lemma_.lower(), token.lower_) or (token.pos_ == "PROPN" and not token.is_punct):
                terms.append(lemma_term(token))
            index += 1
    return terms, key


@lru_cache(maxsize=16_384)
def _opens_secondary_role(head_lemma: str, head_lower: str, preposition: str) -> bool:
    """'based on', 'comparable to': a preposition after this head puts its object in the background."""
    heads = cues().secondary_role_heads
    return heads.first_in(f"{head_lemma} {preposition}") is not None or f"{head_lower} {preposition}" in heads.phrases


_CLOSING_QUOTES = "\"'”’)»"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def main_predicate(sent):
    """The verb the sentence asserts: the root, or the clause a reporting verb introduces."""
    root = sent.root
    if root.pos_ in {"NOUN", "PROPN"}:
        root = _misparsed_verb(root) or root
    if root.lemma_.lower() in lexicon().saying_verbs:
        for child in root.children:
            if child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"}:
                return child, root
        said = _that_clause_hung_lower(root)
        if said is not None:
            return said, root
    for child in root.children:
        if _reports_in_order_to(child):
            said = clauses_said(child)
            if said:
                return said[0], root
    said = _what_a_message_says(root)
    if said is not None:
        return said, root
    alleged = _accused_action(root)
    if alleged is not None:
        return alleged, root
    quoted = quoted_as_saying(root)
    if quoted is not None:
        return quoted, root
    return root, None


def _that_clause_hung_lower(root):
    """'The army said in a statement posted online that Y', 'HRW said in a report that Y': the parser hangs 'that Y'
    on the participle inside the reporting verb's phrase, or on its noun as a clause describing it; it is still what
    the verb reports. A clause that 'that' opens as its conjunction, with a subject of its own, is a content clause,
    not a relative one ('a report that was published')."""
    for phrase in root.children:
        if phrase.dep_ != "prep":
            continue
        for clause in phrase.subtree:
            if clause.pos_ not in {"VERB", "AUX"} or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                continue
            if clause.dep_ == "ccomp" or (
                clause.dep_ == "acl" and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)
            ):
                return clause
    return None


def _accused_action(root):
    """'Ukraine accused Russia of shelling the plant': the action a party is accused of (the verb after the
    accusing verb's preposition, which the parser may hang on the accused), or None."""
    accusing = lexicon().accusing_verbs
    for head in (root, *(c for c in root.children if c.dep_ == "dobj")):
        for preposition in head.children:
            if preposition.dep_ == "prep" and f"{root.lemma_.lower()} {preposition.lower_}" in accusing:
                for action in preposition.children:
                    if action.dep_ == "pcomp" and action.pos_ == "VERB":
                        return action
    return None


def _accused(reporting_root) -> set[int]:
    """Token indexes of who is accused ('Russia' in 'Ukraine accused Russia of ...', 'Russia was accused of ...'):
    a participant of the action, not part of the attribution."""
    if reporting_root is None or _accused_action(reporting_root) is None:
        return set()
    return {t.i for c in reporting_root.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree}


def _what_a_message_says(root):
    """'issued a statement saying that Y', 'posted a video claiming Y': the root only puts out a message, and
    what the message says is the assertion, told by the root's subject. The parser hangs the participle on
    the message or on the root; a root with no message for object ('defended the decision, saying that Y')
    asserts its own action."""
    messages = [c for c in root.children if c.dep_ == "dobj"]
    if not any(message.lemma_.lower() in lexicon().falsifiable_nouns for message in messages):
        return None
    for clause in [*(c for m in messages for c in m.children if c.dep_ == "acl"),
                   *(c for c in root.children if c.dep_ == "advcl")]:
        if clause.tag_ != "VBG" or clause.lemma_.lower() not in lexicon().saying_verbs:
            continue
        said = clauses_said(clause)
        if said:
            return said[0]
    return None


def _misparsed_verb(root):
    """A finite verb the parser hung under a noun root ('The next day the customer called ...' rooted on 'day',
    'the club that X belongs to sent ...' on 'club'): the sentence's verb, a modifying clause's only failing that."""
    verbs = [c for c in root.children if c.pos_ in {"VERB", "AUX"}]
    # a past form is tagged a participle when hung under a noun ('The company, which ..., announced ...')
    main = [c for c in verbs if c.dep_ != "relcl" and c.tag_ in {*FINITE_TAGS, "VBN"}]
    return (main or [c for c in verbs if c.tag_ in FINITE_TAGS] or [None])[0]


def _tense(predicate) -> str | None:
    """The tense of the asserted verb, read on its first auxiliary: 'present' ('is', 'has killed', 'are
    threatening'), 'past' ('sent', 'had been demanding', 'was detained'), 'modal' ('will send', 'would fly')."""
    auxiliaries = [c for c in predicate.children if c.dep_ in {"aux", "auxpass"} and c.i < predicate.i]
    finite = auxiliaries[0] if auxiliaries else predicate
    if finite.tag_ == "MD":
        return "modal"
    if finite.tag_ in {"VBZ", "VBP"}:
        return "present"
    if finite.tag_ == "VBD":
        return "past"
    return None


def _negation(predicate) -> str | None:
    """The negation cue on the predicate, in text order: 'has not sent', 'will no longer play', 'sent no troops'."""
    for child in predicate.children:
        negated = child.dep_ == "neg" or child.lower_ == "never"
        if negated and child.i + 1 < len(child.doc) and child.doc[child.i + 1].lower_ in lexicon().additive_after_not:
            negated = False  # "it's not just about the money", "not only troops but tanks": more, not less
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            negated = True
        if negated:
            aux = [c for c in predicate.children if c.dep_ in AUX_DEPS]
            tokens = sorted([*aux, child, predicate], key=lambda t: t.i)
            if child.lower_ == "longer":
                tokens = sorted([*tokens, *(g for g in child.children if g.lower_ == "no")], key=lambda t: t.i)
            return " ".join(t.text for t in tokens)
        if child.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"}:
            for grand in child.children:
                if grand.dep_ == "det" and grand.lower_ == "no":
                    return f"{predicate.text} no {child.text}" if child.i > predicate.i else f"no {child.text}"
    return None


# Clauses a verb introduces whose action the sentence still asserts or denies: "it seems that they did not
# send", "decided not to play", "it looks like he will no longer play".
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
_LIKENESS_MARKS = frozenset({"like", "as", "if"})


def _reports_in_order_to(clause) -> bool:
    """'updated her page to say that ...', 'took to Twitter to claim that ...': a reporting or belief verb in a
    clause of purpose introduces what is said, as 'went on to say that' does (which the parser calls xcomp)."""
    return (
        clause.dep_ == "advcl"
        and clause.lemma_.lower() in lexicon().saying_verbs
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


_DESCRIBING_CLAUSES = frozenset({"relcl", "acl"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _relayed_clauses(sent, predicate) -> list[tuple[str, set[int]]]:
    """(party, token indexes of what it reports) for each clause describing a party that reports, believes
    or found something: 'Carol Leonnig, who found that Y', 'a tweet that said Y', 'the lawyer who claimed Y'.
    Not a clause holding the sentence's own predicate."""
    words = lexicon()
    found = []
    for clause in sent:
        if clause.dep_ not in _DESCRIBING_CLAUSES:
            continue
        lemma = clause.lemma_.lower()
        if lemma not in words.saying_verbs and lemma not in words.finding_verbs:
            continue
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        # 'the mill, which the mayor said had stood since 1820': the mayor speaks, and the mill is what is said
        speaker_apart = subject is not None and subject.tag_ not in _RELATIVE_TAGS
        for said in clauses_said(clause):
            reported = {t.i for t in said.subtree}
            if speaker_apart:
                described = {t.i for t in clause.subtree}
                reported.update(t.i for t in clause.head.subtree if t.i not in described)
            if predicate.i not in reported:
                found.append((party_named(subject if speaker_apart else clause.head), reported))
    return found


def _negated_actions(predicate, depth: int = 3) -> list[NegatedAction]:
    """The actions negated in the clauses the main verb introduces, below a main verb that is not negated.
    A clause below a negated verb keeps that verb's polarity and is not searched."""
    found: list[NegatedAction] = []
    for child in predicate.children:
        if child.pos_ not in {"VERB", "AUX"}:
            continue
        introduced = child.dep_ in _COMPLEMENT_DEPS or (
            child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _LIKENESS_MARKS for c in child.children)
        ) or _reports_in_order_to(child)
        if not introduced:
            continue
        if (cue := _negation(child)) is not None:
            found.append(NegatedAction(action=lemma_term(child), cue=cue))
        elif depth > 1:
            found.extend(_negated_actions(child, depth - 1))
    return found


def _denial(tokens, lower: str) -> str | None:
    """The sentence's first denial cue, leaving out a one-word cue that only describes a thing before its
    noun: 'fake ID' and 'false identity papers' deny nothing, 'a fake story' and 'a hoax photo' do. Failing
    one, a verb that disputes a report ('disputed Hunter's claim')."""
    for cue in cues().denial.all_in(lower):
        if " " in cue:
            return cue
        uses = [t for t in tokens if t.lower_ == cue]
        if not uses or not all(_describes_a_thing(t) for t in uses):
            return cue
    # most sentences name no report, and need no look at the parse
    return _report_disputed(tokens) if cues().report_nouns.first_in(lower) else None


def _report_disputed(tokens) -> str | None:
    """The words of a verb that disputes a report ('disputed', 'pushed back against', lexicon
    `disputing_verbs`) when its object, or its passive subject with the agent named, is a report noun: 'disputed
    Hunter's claim', 'the reports were rejected by the ministry'; None otherwise ('disputed the election result'
    disputes no report, 'the story is being widely disputed' names nobody who disputes it)."""
    verbs = lexicon().disputing_verbs
    reports = dispute_words().report_nouns
    particle_words = cues().disputing_particles
    for token in tokens:
        if token.pos_ != "VERB":
            continue
        # the parser tags 'back' of 'pushing back against' as an adverb
        particles = [child for child in token.children if child.i > token.i and (
            child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in particle_words))]
        phrase = " ".join([token.lemma_.lower(), *(particle.lower_ for particle in particles)])
        words = [token, *particles]
        # A report "being widely disputed" with nobody named tells of a controversy; "rejected by the ministry" denies.
        named_agent = any(child.dep_ == "agent" for child in token.children)
        objects = [child for child in token.children if child.dep_ == "dobj" or (child.dep_ == "nsubjpass" and named_agent)]
        if phrase not in verbs:
            preposition = next((child for child in token.children if child.dep_ == "prep"
                                and f"{phrase} {child.lower_}" in verbs), None)
            if preposition is None:
                continue
            words.append(preposition)
            objects = [child for child in preposition.children if child.dep_ == "pobj"]
        if any(obj.lower_ in reports or obj.lemma_.lower() in reports for obj in objects):
            return " ".join(word.text for word in sorted(words, key=lambda word: word.i))
    return None


def _describes_a_thing(token) -> bool:
    head = token.head
    return token.dep_ == "amod" and head.i > token.i and head.pos_ in {"NOUN", "PROPN"} \
        and head.lemma_.lower() not in lexicon().falsifiable_nouns


def _action(predicate) -> tuple[str | None, str | None, str | None]:
    """The sentence's action (its predicate term), the negation on it, and the words saying it did not take place.

    A support verb's action is the noun it carries out ('the downing ... was carried out', 'conducted a
    raid'); a prevention verb's is the noun whose action it says did not happen ('police foiled an attack',
    'the concert was called off'), or the verb of what it stopped ('prevented militants from attacking').
    A negated prevention negates nothing: 'did not prevent the attack' says the attack took place."""
    negation = _negation(predicate)
    if predicate.pos_ not in {"VERB", "AUX"}:
        return None, negation, None
    noun = next((c for c in predicate.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"), None)
    if noun is not None:
        particles = [child for child in predicate.children if child.dep_ == "prt"]
        phrase = " ".join([predicate.lemma_.lower(), *(particle.lower_ for particle in particles)])
        words = lexicon()
        if phrase in words.support_verbs:
            return lemma_term(noun), negation, None
        if phrase in words.prevention_verbs:
            stopped = _stopped_action(predicate, noun)
            if negation:
                return lemma_term(stopped), None, None
            ends = [stopped.i, predicate.i, *(particle.i for particle in particles)]
            first, last = min(ends), max(ends)
            prevented = predicate.doc[first:last + 1].text if last - first < 8 else f"{predicate.text} {stopped.text}"
            return lemma_term(stopped), None, prevented
    return lemma_term(predicate), negation, None


def _stopped_action(verb, noun):
    """The word naming what a prevention verb stopped: the verb of 'prevented militants from attacking' and of
    'thwarted an attempt to bomb the bridge', else its noun ('foiled an attack')."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            gerund = next((g for g in child.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
            if gerund is not None:
                return gerund
    return next((c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"), noun)


def _describing_tokens(ents) -> set[int]:
    """Token indexes of what describes a named person before the name ('Oscar winner Christian Bale')."""
    describing: set[int] = set()
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        for child in ent.root.children:
            if child.dep_ in DESCRIPTOR_DEPS and child.i < ent.start:
                described = [t for t in child.subtree if t.i < ent.start]
                if not any(t.dep_ == "poss" for t in described):
                    describing.update(t.i for t in described)
    return describing


def _background_tokens(tokens, lemmas: list[str]) -> set[int]:
    """Token indexes inside a secondary role: 'based on X', 'comparable to X', 'X design'."""
    inside: set[int] = set()
    role_nouns = lexicon().secondary_role_nouns
    for token, lemma in zip(tokens, lemmas, strict=True):
        if token.dep_ == "prep":
            head = token.head
            if _opens_secondary_role(head.lemma_.lower(), head.lower_, token.lower_):
                inside.update(t.i for t in token.subtree)
        if lemma in role_nouns:
            inside.update(t.i for t in token.subtree if t.i != token.i)
    return inside


def _core_tokens(predicate, reporting_root, attributing: frozenset[int]) -> set[int]:
    """Token indexes of the main clause: the predicate and its arguments, without side clauses or attribution."""
    core: set[int] = set()
    stack = [predicate]
    skip = reporting_root.i if reporting_root is not None else None
    while stack:
        token = stack.pop()
        core.add(token.i)
        for child in token.children:
            if child.dep_ in SIDE_CLAUSES or child.i == skip or child.lower_ == "according" or child.i in attributing:
                continue
            if not _absolute(child):
                stack.append(child)
    return core


_ABSOLUTE_OPENERS = frozenset({"with", "without"})


def _absolute(token) -> bool:
    """'with Jason Bonham filling in on drums', 'with the roads closed': a clause of its own after 'with',
    the circumstance of the main clause, not part of what it asserts."""
    return token.dep_ == "prep" and token.lower_ in _ABSOLUTE_OPENERS and any(
        clause.dep_ == "pcomp" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
        for clause in token.children
    )


def _quantities(sent, raw_text: str, ents) -> list[Quantity]:
    """The quantities of the sentence, without dates, times and ordinals. raw_text: the span's text."""
    raws = find_quantities(raw_text)
    if not raws:
        return []
    skip_spans = [
        (e.start_char, e.end_char) for e in ents
        if e.label_ in QUANTITY_SKIP_LABELS and (e.label_ == "ORDINAL" or cues().time_words.search(e.text))
    ]
    dated_markers = cues().dated
    found = []
    offset = sent.start_char
    for raw in raws:
        start, end = offset + raw.start, offset + raw.end
        if any(s <= start < e or s < end <= e for s, e in skip_spans):
            continue
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        counted = governor = None
        if span is not None and len(span):
            counted, governor = _counted_and_governor(span)
        before = raw_text[max(0, raw.start - 40) : raw.start]
        after = raw_text[raw.end : raw.end + 40]
        dated = dated_markers.first_in(before + " " + after) is not None
        found.append(Quantity(
            text=raw.text, value=raw.value, low=raw.low, high=raw.high, qualifier=raw.qualifier,
            unit=raw.unit, counted=counted, governor=governor, dated=dated,
        ))
    return found


def _counted_and_governor(span) -> tuple[str | None, str | None]:
    last = span[-1]
    noun = None
    if last.head.pos_ in {"NOUN", "PROPN"} and last.head.i >= last.i:
        noun = last.head
    else:
        for token in span.doc[last.i + 1 : min(last.i + 6, span.sent.end)]:
            if token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ not in {"NORP", "GPE", "DATE", "TIME"}:
                noun = token
                break
            if (token.pos_ in {"VERB", "AUX", "ADP"} and token.lower_ != "of") or token.is_punct:
                break
    # "two million of the retailer's customers", "dozens of refugee families": the possessor and the
    # modifier describe what is counted, the noun they hang on is it.
    while noun is not None and noun.dep_ in {"poss", "compound"} and noun.head.pos_ in {"NOUN", "PROPN"} \
            and noun.head.i > noun.i:
        noun = noun.head
    counted = lemma_term(noun) if noun is not None else None
    governor = None
    node = noun if noun is not None else last
    for _ in range(8):
        if node.pos_ == "VERB" or (node.pos_ == "AUX" and node.dep_ not in AUX_DEPS):
            governor = lemma_term(node)
            break
        if node.head is node:
            break
        node = node.head
    return counted, governor


def statement_from_span(sent, *, source: str, base_offset: int, context_terms: list[str]) -> Statement:
    """Build the Statement of one sentence. base_offset maps span offsets to the source text."""
    # Long on purpose: it runs for every corpus sentence, reading the span's tokens, lemmas and
    # entities once and deciding every feature from those reads (spaCy rebuilds them on each access).
    words = lexicon()
    cue_lists = cues()
    raw_text = sent.text
    text = " ".join(raw_text.split())
    lower = text.lower()
    tokens = list(sent)
    ents = sent.ents
    lowers = [token.lower_ for token in tokens]
    lemmas = [token.lemma_.lower() for token in tokens]
    background = _background_tokens(tokens, lemmas)
    predicate, reporting_root = main_predicate(sent)
    attribution = find_attribution(sent, predicate, reporting_root, raw_text)
    accused = _accused(reporting_root)
    attributing = attribution.tokens - accused if attribution is not None else frozenset()
    # what describes a person is said, and a source saying it covers it, but it is not the claim's core
    core = (_core_tokens(predicate, reporting_root, attributing) | accused) - _describing_tokens(ents)
    action, negation, prevented = _action(predicate)
    said_by: list[str] = []  # terms of words that only attribute
    asserted: set[str] = set()  # terms of the other words (a term in both is asserted)
    terms: list[str] = []
    core_terms: list[str] = []
    background_terms: list[str] = []
    entities: list[EntityMention] = []
    seen_entity_tokens: set[int] = set()
    relaying = _relayed_clauses(sent, predicate)
    term_tokens: dict[str, set[int]] = {}  # where each term is said, to tell what only a relayed clause says
    for ent in ents:
        ent_indexes = range(ent.start, ent.end)
        if ent.label_ in SKIP_ENTITY_LABELS:
            if ent.label_ in {"DATE", "TIME"}:
                # kept as a mention (a dated statement is concrete) but never as a term: dates are too common
                entities.append(EntityMention(text=ent.text, key=entity_key(ent.text), label=ent.label_))
            seen_entity_tokens.update(ent_indexes)
            continue
        ent_terms, key = _entity_terms(ent)
        entities.append(EntityMention(text=ent.text, key=key, label=ent.label_))
        target = background_terms if all(i in background for i in ent_indexes) else terms
        implied = [k for term in ent_terms for k in words.implies.get(term, ())]
        target.extend(ent_terms + implied)
        if relaying:
            for term in ent_terms + implied:
                term_tokens.setdefault(term, set()).update(ent_indexes)
        (said_by.extend if all(i in attributing for i in ent_indexes) else asserted.update)(ent_terms)
        if target is terms and any(i in core for i in ent_indexes):
            core_terms.extend(ent_terms + implied)
        seen_entity_tokens.update(ent_indexes)
    for token, token_lower, lemma in zip(tokens, lowers, lemmas, strict=True):
        index = token.i
        if index in seen_entity_tokens or token_lower == "according" or not _is_content(token, lemma, token_lower):
            continue
        term = term_of_lemma(lemma)
        if term in words.generic_terms or term in words.reporting_verbs:
            continue
        (background_terms if index in background else terms).append(term)
        if relaying:
            term_tokens.setdefault(term, set()).add(index)
        (said_by.append if index in attributing else asserted.add)(term)
        if index in core and index not in background:
            core_terms.append(term)
    # A word of no Latin letter or digit ('Чувак', a stray byte-order mark) has an empty key: not a term.
    terms = [t for t in dict.fromkeys(terms) if t]
    background_terms = [t for t in dict.fromkeys(background_terms) if t and t not in terms]
    core_terms = [t for t in core_terms if t]

    relayed_clauses = [
        RelayedClause(by=party, terms=[t for t in terms if term_tokens.get(t, set()) <= reported])
        for party, reported in relaying
    ]
    hedges = [h for h in cue_lists.hedges.all_in(lower) if h not in words.modal_verbs]
    if accused and (attribution is None or not attribution.name):
        hedges.append("accused of")  # 'Russia has been accused of shelling the plant': by no one named
    # In reported speech "would" is the future of the past ("said the route would stay closed"), not a hedge.
    hedging_modals = words.modal_verbs - words.non_hedging_modals - ({"would"} if reporting_root is not None else set())
    hedges += [
        token_lower for token, token_lower in zip(tokens, lowers, strict=True)
        if token_lower in hedging_modals and token.tag_ == "MD"
    ]
    # "the reported arrest of his wife": an event only reported; "police reported the arrest" asserts it
    hedges += [token_lower for token, token_lower in zip(tokens, lowers, strict=True)
               if token_lower == "reported" and token.dep_ == "amod"]
    opinion = cue_lists.opinion.first_in(lower)
    kind = "fact"
    if text.rstrip(_CLOSING_QUOTES).endswith("?"):  # 'He asks, "Is Kim opening a restaurant?"' asks too
        kind = "question"
    elif opinion:
        kind = "opinion"
    elif cue_lists.conditional_start.match(lower) or any(
        c.tag_ == "MD" and c.lower_ in hedging_modals for c in predicate.children
    ):
        kind = "speculation"
    start = base_offset + sent.start_char + (len(raw_text) - len(raw_text.lstrip()))
    end = base_offset + sent.end_char - (len(raw_text) - len(raw_text.rstrip()))
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
        quantities=_quantities(sent, raw_text, ents),
        predicate=action,
        negation=negation,
        negated_actions=[] if negation or prevented else _negated_actions(predicate),
        prevented=prevented,
        denial=_denial(tokens, lower),
        correction=cue_lists.correction.first_in(lower),
        hedges=list(dict.fromkeys(hedges)),
        attribution=attribution.name if attribution is not None else None,
        attribution_terms=[t for t in dict.fromkeys(said_by) if t and t not in asserted],
        relayed_clauses=[clause for clause in relayed_clauses if clause.terms],
        vouched=attribution is not None and bool(attribution.name) and attribution.verb in words.vouching_verbs,
        kind=kind,
        tense=_tense(predicate),
    )
