"""Statements -> Claims: which sentences of an article are checkable factual claims, and the atomic
claims a sentence makes.

A claim asserts something concrete: a name, a figure or a date, its own or, for a sentence that opens
on 'He' or 'These troops', the sentence before's; a person the story named before, by the surname alone or
as 'he' or 'she' right after the sentence that names them; the source of a report in indirect speech, even
an unnamed one ('Witnesses said that ...'); an organisation speaking as 'we', also in the sentences that go
on with its statement. Not claims: questions, opinion, analysis and commentary, predictions and
conditionals, prescriptions, headings and teasers (no sentence punctuation), list items in lower case after
a lead-in colon, page furniture ('Title:', 'Photo:'), bylines and editorial notes, the writer speaking
('We can only guess'), words to the reader ('You can watch'), quoted feelings ('"We never wanted
this," she said'). Each rule's words live in claims.json; `not_claim_reason` says which one fired.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from claimcheck.extract.cues import STRAIGHT, PhraseList, alternatives, cues
from claimcheck.extract.naming import claim_name
from claimcheck.extract.reference import NAME_WORD, known_names, person_referred
from claimcheck.lexicon import lexicon
from claimcheck.models import Claim, Statement

__all__ = ["claims_from_statements", "is_claim", "known_names", "not_claim_reason"]

MIN_CLAIM_WORDS = 5  # 'The customer refused to answer.': a subject, a verb and what was done
MIN_CLAUSE_WORDS = 4  # a clause of a split sentence: 'the court charged two men'
MAX_CLAIM_WORDS = 80
MAX_HEADING_WORDS = 20
SPEECH_TAG_WORDS = 12  # 'X wrote in today's post:'; a longer sentence before a colon asserts something itself
SPECULATION = "speculation or a condition"
QUOTE_MARKS = ('"', "“", "”", "„")
FIRST_PERSON = PhraseList(("i", "i'm", "i've", "i'd", "we", "we're", "we've", "my", "our", "me", "us"))
# A sentence ends with punctuation (or a closing quote or bracket); a line that does not is a heading,
# a teaser, a caption or a navigation link.
SENTENCE_END = re.compile(r"[.!?:;…\"”’')\]]$")
DIRECT_QUOTE = re.compile(r"""^[\s(\[]*["']|[:,] *["']""")  # in straight-quoted text
QUOTED_QUESTION = re.compile(r'^"[^"]*\?"')  # straight-quoted text that opens on a quotation ending in '?'
# a closing quote right after a word ends a quoted phrase, not a sentence ("Vatican praises 'gifts and qualities'"):
# a sentence puts its full stop inside the quote (American style) or after it (British style)
QUOTED_PHRASE_END = re.compile(r"\w[\"”’']$")
QUOTED = re.compile(r'"[^"]*"?')  # a quotation in straight-quoted text, to its end or the sentence's
# a quotation in single quotes (British style: "as saying: 'We will ...'"), in straight-quoted text: it opens
# on a quote mark before a word, after a space, a colon or a bracket (not an apostrophe: "don't", "Peter's"), and
# ends on a quote mark after a word or punctuation and before a space or punctuation, or with the sentence
SINGLE_QUOTED = re.compile(r"(?:^|(?<=[\s:(\[]))'(?=\w).*?(?:(?<=[\w.,!?])'(?=[\s.,;:!?)\]]|$)|$)")
# 'you' as the object of a preposition ('due to you violating the rules') is anyone, not the reader addressed
OBJECT_YOU = re.compile(r"\b(?:to|for|with|at|of|by|from|on|about|against|toward|towards)\s+you\b")
# a word of a person's name as written: capitalised, two letters or more ('Plant'; 'Mo' in 'Mo's')
SINGLE_QUOTE = re.compile(r"(?:^|\s)['‘]\w|\w[’']\s*$|[,.!?][’']")  # opening, or closing after punctuation
FIRST_PLURAL = re.compile(r"\b(?:we|we're|we've|we'd|we'll)\b")  # the organisation speaking: 'we' as subject
# a person referred to by a pronoun ('he', 'her'), as subject or not
PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|he's|she's)\b")
# 'should' before its subject opens a condition ('an option of 45 more shows should the band agree'), not advice
INVERTED_SHOULD = re.compile(
    r"\bshould (?:the|a|an|any|either|this|that|these|those|his|her|its|their|our|my|he|she|it|they|we|i)\b"
)


@dataclass(frozen=True)
class _Rules:
    commentary: PhraseList
    prediction: PhraseList
    editorial: PhraseList
    feeling: PhraseList
    reader: PhraseList
    counterfactual: PhraseList
    writer_start: re.Pattern[str]
    reader_start: re.Pattern[str]
    label_start: re.Pattern[str]
    writer: PhraseList
    appeal: PhraseList
    evaluative: PhraseList
    imperative_start: re.Pattern[str]
    definite_start: re.Pattern[str]
    organisation_start: re.Pattern[str]
    titled_name: re.Pattern[str]
    interjection: re.Pattern[str]
    own_feeling: re.Pattern[str]
    announcing: re.Pattern[str]
    unknown_start: re.Pattern[str]


def _opening(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternatives(words)})(?![\w'-])")


@cache
def _rules() -> _Rules:
    words = lexicon().claim_words
    return _Rules(
        commentary=PhraseList(words.commentary_markers),
        prediction=PhraseList(words.prediction_markers),
        editorial=PhraseList(words.editorial_phrases),
        feeling=PhraseList(words.feeling_words),
        reader=PhraseList(tuple(w for w in words.reader_words if w not in words.reader_possessives)),
        counterfactual=PhraseList(words.counterfactual_perfect),
        writer_start=_opening(words.writer_openers),
        reader_start=_opening((*words.reader_words, *words.reader_possessives)),
        label_start=re.compile(rf"^(?:{alternatives(words.label_prefixes)})\s*:"),
        writer=PhraseList(words.writer_phrases),
        appeal=PhraseList(words.appeal_phrases),
        evaluative=PhraseList(words.evaluative_words),
        imperative_start=_opening(words.imperative_openers),
        definite_start=_opening(words.definite_openers),
        organisation_start=_opening(words.organisation_openers),
        titled_name=_titled(words.name_titles),
        own_feeling=_own_feeling(words.feeling_words),
        unknown_start=_opening(words.unknown_openers),
        # the formula announces only when what it announces follows ('to inform this audience that ...')
        announcing=re.compile(rf"(?i)(?<![\w'-])(?:{alternatives(words.announcing_phrases)})(?= +(?:[\w']+ +){{0,3}}that\b)"),
        interjection=re.compile(rf"(?:^|,) *(?:{alternatives(words.reader_interjections)}) *(?:,|$)"),
    )


def _own_feeling(feelings: Iterable[str]) -> re.Pattern[str]:
    """A feeling word close to a first person word, with only lower-case words between ('I was so glad',
    'we never wanted', 'a sad day for our city'), in straight-quoted text of any case."""
    person = rf"(?i:{alternatives(FIRST_PERSON.phrases)})"
    feeling = rf"(?i:{alternatives(sorted(feelings, key=len, reverse=True))})"
    between = r"[a-z][\w'-]*,?"
    return re.compile(
        rf"(?<![\w-])(?<!\w')(?:{person}(?: +{between}){{0,3}} +{feeling}|{feeling}(?: +{between}){{0,4}} +{person})"
        rf"(?![\w-])(?!'\w)"
    )


def _titled(titles: Iterable[str]) -> re.Pattern[str]:
    """'Father O’Neal', 'Dr. Lee': a title with its capital, an optional full stop, then a capitalised word."""
    written = alternatives(title[:1].upper() + title[1:] for title in titles)
    return re.compile(rf"\b(?:{written})\.? +([A-Z][\w'’-]*[a-z])\b")


def _plain(text: str) -> str:
    """Lower case with straight quotes, the form the rules' phrases are written in."""
    return text.translate(STRAIGHT).lower()


def _leans_back(statement: Statement) -> bool:
    """The sentence opens on a word that refers to the sentence before ('He', 'These troops', 'It')."""
    return cues().anaphoric_start.match(statement.text.lstrip("\"“‘'([ ")) is not None


def _counterfactual(statement: Statement, plain: str) -> bool:
    """Speculation only by a modal perfect stating an arrangement's terms ('would have paid $5 million')."""
    if cues().conditional_start.match(plain) or _rules().counterfactual.first_in(plain) is None:
        return False
    return all(hedge == "would" for hedge in statement.hedges)


def _kind_reason(statement: Statement, plain: str) -> str | None:
    """Why the sentence's kind or wording makes it something other than a report of fact."""
    rules = _rules()
    if statement.kind == "speculation" and not _counterfactual(statement, plain):
        return SPECULATION
    if statement.kind == "question":
        return statement.kind
    quotation = plain.lstrip("\"' ")
    # a quotation that opens on 'If' is a condition, as the sentence would be ('"If the deal fails, ...," she said')
    if quotation != plain and cues().conditional_start.match(quotation) and not _counterfactual(statement, quotation):
        return SPECULATION
    # a quotation that asks is a question; its speech tag does not make it a claim ('"Who would pay?" he asked.')
    if QUOTED_QUESTION.match(plain):
        return "a quoted question"
    if statement.kind == "opinion" and (
        _is_question(statement) or cues().opinion.first_in(INVERTED_SHOULD.sub(" ", plain)) is not None
    ):
        return statement.kind
    # the writer's own words: a judgement inside quotation marks is the speaker's, and that it was said is a fact
    outside = SINGLE_QUOTED.sub(" ", QUOTED.sub(" ", plain))
    checks = (
        (rules.editorial, plain, "an editorial note"),
        (rules.commentary, plain, "commentary"),
        (rules.prediction, plain, "a prediction"),
        (rules.appeal, plain, "an appeal"),
        (rules.evaluative, outside, "a judgement"),
    )
    if rules.unknown_start.match(plain):
        return "an open question: what is not known"
    for phrases, text, reason in checks:
        found = phrases.first_in(text)
        if found is not None:
            return f"{reason}: '{found}'"
    # 'you' outside a quotation, or opening one: the reader addressed, or a maxim ('"You learn more from ..."')
    # 'You see, ...' or ', you know,' set off by commas only marks the tone: it addresses no one
    opening = rules.interjection.sub(",", plain.lstrip("\"' ")).lstrip(", ")
    outside = rules.interjection.sub(",", outside)
    reader = rules.reader.first_in(OBJECT_YOU.sub(" ", outside)) or rules.reader_start.match(opening)
    if reader or rules.imperative_start.match(opening):
        return "addressed to the reader"
    quoted = _quotes(statement.text)
    if not quoted and (rules.writer_start.match(plain) or rules.writer.first_in(outside) is not None):
        return "the writer speaking"
    if quoted and FIRST_PERSON.first_in(plain) is not None:
        # 'I wish to inform you that ...' announces what follows: its feeling word is a formula
        feeling = rules.feeling.first_in(rules.announcing.sub(" ", plain))
        own = rules.own_feeling.search(rules.announcing.sub(" ", statement.text.translate(STRAIGHT)))
        if feeling is not None and own is not None:
            return f"a quoted feeling: '{feeling}'"
    return None


def not_claim_reason(
    statement: Statement,
    *,
    previous: Statement | None = None,
    clause: bool = False,
    known: frozenset[str] = frozenset(),
) -> str | None:
    """Why the sentence is not a checkable claim, in words; None when it is one.

    previous: the sentence before (or the clause before, for a clause). clause: the statement is one
    clause of a split sentence, so it may be shorter and has no punctuation of its own. known: the
    words of the people the article has named before ('Plant' after 'Robert Plant'), see `known_names`.
    """
    text = statement.text
    words = len(text.split())
    if not (MIN_CLAUSE_WORDS if clause else MIN_CLAIM_WORDS) <= words <= MAX_CLAIM_WORDS:
        return f"{words} words"
    plain = _plain(text)
    if _rules().label_start.match(plain):
        return "page furniture"
    if words <= SPEECH_TAG_WORDS and text.rstrip().endswith(":"):
        # A short sentence ending on a colon introduces what follows ('She then appealed to them:');
        # with a figure of its own ('The ministry listed three sites:') it still states something.
        if statement.predicate in lexicon().reporting_verbs:
            return "a speech tag: what was said follows"
        if not statement.quantities:
            return "a lead-in: what it introduces follows"
    if not clause and _continues_list(statement, previous):
        return "a fragment: an item of what the sentence before introduced"
    if not clause and words <= MAX_HEADING_WORDS and (not SENTENCE_END.search(text) or QUOTED_PHRASE_END.search(text)):
        return "a heading, caption or teaser: no sentence punctuation"
    reason = _kind_reason(statement, plain)
    if reason is not None:
        return reason
    if statement.predicate is None:
        return "no verb"
    if _is_question(previous) and statement.predicate in lexicon().claim_words.question_verbs:
        return "the speech tag of a question"
    # A sentence that opens on 'He' or 'These troops' names its participants in the sentence before; a
    # clause borrows only a person it names clearly ('..., and he resigned'), lest every half-sentence pass.
    leans = _leans_back(statement) or (not clause and _rules().definite_start.match(plain) is not None)
    borrowed = previous is not None and leans and (
        _referent(statement, previous) is not None if clause else bool(previous.entities or previous.quantities)
    )
    # 'We have no policy against X' outside quotation marks: the organisation on record is the named party
    # and so is its next sentence in the first person plural ('And if we're asked by a court, we ...')
    speaker = not clause and (
        _rules().organisation_start.match(plain) is not None
        or (_speaks_for_organisation(previous) and FIRST_PLURAL.search(QUOTED.sub(" ", plain)) is not None)
    )
    # a sentence that names no one but tells of 'him' or 'her' in the writer's own words (no quotation: in '"...,"
    # he said' the pronoun is only the speaker) is about a person the story named before ('While preparing for his
    # first embed, he started a blog')
    person = (
        not clause
        and previous is not None
        and (
            any(m.label == "PERSON" for m in previous.entities)
            or _names_known(previous, known)
            or _titled_names(previous)
        )
        and not _quotes(statement.text)
        and PERSON_PRONOUN.search(plain) is not None
    )
    # a report in indirect speech names its source, even an unnamed one ('Witnesses said that bulldozers ...'): who
    # said what can be checked (a quotation's speech tag does not make an opinion concrete)
    reported = statement.attribution is not None and not _quotes_directly(statement.text)
    named = bool(_titled_names(statement)) or _names_known(statement, known)
    borrowed = borrowed or speaker or person or reported or named
    if not (statement.entities or statement.quantities or borrowed):
        return "nothing concrete: no name, figure or date"
    # the figures and the person or thing referred to back count among the claim's content words
    if len(statement.terms) + len(statement.quantities) + borrowed < 3:
        return "too few content words"
    return None


def _continues_list(statement: Statement, previous: Statement | None) -> bool:
    """After a lead-in that ends on a colon, a sentence opening in lower case ('use or run servers that ...') is an
    item of the list or the text it introduces, with no subject of its own; 'iPhone' or 'eBay' opens a sentence."""
    first = statement.text.lstrip("\"“‘'([ -•*").split(" ", 1)[0]
    return (
        previous is not None
        and previous.text.rstrip("\"”’' ").endswith(":")
        and first.isalpha()
        and first.islower()
    )


def _speaks_for_organisation(statement: Statement | None) -> bool:
    """The sentence opens in the first person plural, also inside a quotation ('"We respect ...'): an
    organisation's statement, which its next sentences may go on with."""
    return statement is not None and _rules().organisation_start.match(_plain(statement.text).lstrip("\"' ")) is not None


def _quotes(text: str) -> bool:
    """The sentence quotes someone: double quotation marks, or single ones opening a quotation ('‘We won,’ he said')."""
    return any(mark in text for mark in QUOTE_MARKS) or SINGLE_QUOTE.search(text) is not None


def _quotes_directly(text: str) -> bool:
    """The sentence quotes someone's words as such: it opens on a quotation, or a quotation follows a colon or a
    comma ('he said: "We ..."'). A quoted phrase inside indirect speech ('said the girls were "in their homes"',
    'described it as a ‘being of light’') leaves the sentence a report of what was said."""
    return DIRECT_QUOTE.search(text.translate(STRAIGHT)) is not None


def _names_known(statement: Statement, known: frozenset[str]) -> bool:
    """The sentence names, by a word of the name only ('Plant', 'Mo'), a person the article introduced
    before: the tagger often misses a lone surname or first name, but it is as concrete as the full name.
    Not in a speech tag: in '"We loved it," Page said' the quotation says nothing about Page."""
    if not known:
        return False
    text = statement.text.translate(STRAIGHT).strip()
    if text.startswith('"') and text.count('"') >= 2:
        text = text[: text.rindex('"')]  # what opens on a quotation says only what the quotation says
    return any(word in known for word in NAME_WORD.findall(text) if word not in (statement.attribution or ""))


def _titled_names(statement: Statement) -> list[str]:
    """The names the sentence writes after a person's title ('Father O’Neal' -> 'O’Neal'), which the tagger
    may miss (an apostrophe in the name)."""
    return _rules().titled_name.findall(statement.text)


def names_in(statement: Statement) -> frozenset[str]:
    """The words of the people the sentence names, the tagger's people and those after a title."""
    titled = (word for name in _titled_names(statement) for word in NAME_WORD.findall(name.translate(STRAIGHT)))
    return known_names([statement]) | frozenset(titled)


def _is_question(statement: Statement | None) -> bool:
    """A question, also one inside quotation marks ('"Why now?"'), which the parser's kind misses."""
    return statement is not None and (statement.kind == "question" or statement.text.rstrip("\"”’' ").endswith("?"))


def is_claim(statement: Statement, *, previous: Statement | None = None) -> bool:
    """A checkable factual claim: a full sentence that asserts something concrete."""
    return not_claim_reason(statement, previous=previous) is None


def _referent(statement: Statement, previous: Statement | None) -> str | None:
    """The person the sentence before names, when the claim opens on 'he', 'she', 'his' or 'her'."""
    person = person_referred(statement, previous)
    return person.text if person is not None else None


def _claim(part: Statement, sentence: Statement, previous: Statement | None) -> Claim:
    leans = _leans_back(part) and previous is not None
    return Claim(
        id=part.id,
        text=part.text,
        name=claim_name(part),
        typed=False,
        source=part.source,
        statement=part,
        sentence=sentence.text,
        context=previous.text if leans and previous is not None else None,
        refers_to=_referent(part, previous) if leans else None,
    )


def _parts(
    statement: Statement, previous: Statement | None, known: frozenset[str] = frozenset()
) -> list[tuple[Statement, Statement | None]]:
    """The claims of one sentence, each with the sentence it leans on: its clauses when two or more of them are
    claims, else the sentence when it is one. A sentence that is not one gives none (a clause of an opinion
    is opinion too), except the clauses that are claims beside a speculating one (a modal is its clause's)."""
    reason = not_claim_reason(statement, previous=previous, known=known)
    if reason is not None and reason != SPECULATION:
        return []
    claimed: list[tuple[Statement, Statement | None]] = []
    before = previous
    for clause in statement.clauses:
        if not_claim_reason(clause, previous=before, clause=True, known=known) is None:
            claimed.append((clause, before))
        before = clause
    if reason is not None or len(claimed) >= 2:
        return claimed
    return [(statement, previous)]


def claims_from_statements(statements: Sequence[Statement]) -> list[Claim]:
    """The claims among an article's statements, in order; a sentence repeated (a headline over its story) once."""
    claims: list[Claim] = []
    seen: set[str] = set()
    previous: Statement | None = None
    known: frozenset[str] = frozenset()  # the people named so far, by the words of their names
    for statement in statements:
        for part, before in _parts(statement, previous, known):
            key = re.sub(r"\W+", " ", part.text.lower()).strip()
            if key not in seen:
                seen.add(key)
                claims.append(_claim(part, statement, before))
        previous = statement
        known |= names_in(statement)
    return claims
