"""Candidate retrieval ranks as a reader would expect, and both corpus indexes rank alike.

Every behaviour is checked on the in-memory StatementIndex and on the SQLite CorpusStore, which
share one ranking (match/ranking.py).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from claimcheck.match import StatementIndex, match_claim
from claimcheck.match.index import Retriever
from claimcheck.models import Article, Claim, Statement
from claimcheck.store import CorpusStore

Corpus = dict[str, list[str]]  # source -> the terms of each of its sentences, space-separated
MakeIndex = Callable[[Corpus], Retriever]


def statements_of(corpus: Corpus) -> dict[str, list[Statement]]:
    return {
        source: [
            Statement(
                id=f"{source}#{position}",
                source=source,
                text=sentence,
                start=position * 100,
                end=position * 100 + len(sentence),
                terms=sentence.split(),
            )
            for position, sentence in enumerate(sentences)
        ]
        for source, sentences in corpus.items()
    }


@pytest.fixture(params=["memory", "store"])
def make_index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[MakeIndex]:
    opened: list[CorpusStore] = []

    def make(corpus: Corpus) -> Retriever:
        by_source = statements_of(corpus)
        if request.param == "memory":
            return StatementIndex(s for source in sorted(by_source) for s in by_source[source])
        store = CorpusStore.open(tmp_path / f"store{len(opened)}")
        opened.append(store)
        for source, found in by_source.items():
            store.put(Article(source=source, text="x", content_hash=source), found)
        return store

    yield make
    for store in opened:
        store.close()


def ids(found: Sequence[Statement]) -> list[str]:
    return [statement.id for statement in found]


# Ten filler sentences make "say" and "official" common (in more than a fifth of all sentences).
FILLER = {f"filler{n}.txt": [f"official say weather{n}"] for n in range(10)}


def test_more_shared_rare_terms_rank_higher(make_index: MakeIndex) -> None:
    index = make_index(
        {
            "all.txt": ["north_korea troop kursk"],
            "two.txt": ["north_korea troop"],
            "one.txt": ["troop parade"],
            "none.txt": ["weather sunny"],
        }
    )
    assert ids(index.candidates(["north_korea", "troop", "kursk"])) == ["all.txt#0", "two.txt#0", "one.txt#0"]


def test_a_rarer_shared_term_outweighs_a_more_frequent_one(make_index: MakeIndex) -> None:
    index = make_index(
        {
            "rare.txt": ["kursk border"],
            "frequent.txt": ["troop border"],
            "more.txt": ["troop parade"],
            "other.txt": ["troop drill"],
        }
    )
    assert ids(index.candidates(["kursk", "troop"]))[:2] == ["rare.txt#0", "frequent.txt#0"]
    assert index.idf("kursk") > index.idf("troop") > 0


def test_common_words_only_add_weight_to_sentences_rarer_words_found(make_index: MakeIndex) -> None:
    index = make_index(
        {**FILLER, "kursk.txt": ["troop kursk", "official say troop kursk"], "parade.txt": ["official say parade"]}
    )
    # Every filler sentence says "official say", but none mentions Kursk: none is proposed.
    assert ids(index.candidates(["official", "say", "kursk"])) == ["kursk.txt#1", "kursk.txt#0"]


def test_a_query_of_common_words_only_still_finds_sentences(make_index: MakeIndex) -> None:
    index = make_index({**FILLER, "x.txt": ["official parade"]})
    found = ids(index.candidates(["official", "say"]))
    assert len(found) == 11
    assert "x.txt#0" in found[-1:]  # it shares one of the two words, every filler sentence both


def test_equal_scores_come_in_source_then_sentence_order_and_limit_cuts_there(make_index: MakeIndex) -> None:
    index = make_index({"b.txt": ["troop", "troop"], "a.txt": ["troop"], "c.txt": ["troop"]})
    assert ids(index.candidates(["troop"])) == ["a.txt#0", "b.txt#0", "b.txt#1", "c.txt#0"]
    assert ids(index.candidates(["troop"], limit=2)) == ["a.txt#0", "b.txt#0"]
    assert index.candidates(["troop"], limit=0) == []


def test_unknown_and_empty_queries_find_nothing(make_index: MakeIndex) -> None:
    index = make_index({"a.txt": ["troop kursk"]})
    assert index.candidates([]) == []
    assert index.candidates(["", "submarine"]) == []


def test_the_claims_own_source_does_not_take_the_places_of_other_sources(make_index: MakeIndex) -> None:
    own = [f"north_korea troop kursk region{n}" for n in range(5)]
    index = make_index({"a_own.txt": own, "b_other.txt": ["north_korea troop kursk"], "c_third.txt": ["troop kursk"]})
    query = ["north_korea", "troop", "kursk"]
    # Without exclusion the own article fills the first places...
    assert all(s.source == "a_own.txt" for s in index.candidates(query, limit=3))
    # ...excluded in the query, the places go to the other sources.
    found = index.candidates(query, limit=3, exclude_source="a_own.txt")
    assert ids(found) == ["b_other.txt#0", "c_third.txt#0"]


def test_match_claim_hears_other_sources_when_its_own_article_matches_more_than_the_limit() -> None:
    sentence = "North Korean troops are fighting in Kursk."
    terms = ["north_korea", "troop", "fight", "kursk"]

    def statement(source: str, position: int) -> Statement:
        return Statement(
            id=f"{source}#{position}", source=source, text=sentence, start=position * 50,
            end=position * 50 + len(sentence), terms=terms, core_terms=terms,
        )

    own = [statement("a_own.txt", position) for position in range(5)]
    index = StatementIndex([*own, statement("b_other.txt", 0)])
    claim = Claim(id="c1", text=sentence, name="troops in Kursk", typed=False, source="a_own.txt", statement=own[0])
    evidence = match_claim(claim, index, origin_of=lambda source: source, limit=3)
    assert [e.source for e in evidence] == ["b_other.txt"]


def test_store_and_memory_propose_the_same_candidates_for_a_random_corpus(tmp_path: Path) -> None:
    rng = random.Random(7)
    vocabulary = [f"t{number}" for number in range(40)] + ["say", "north_korea", "RS-26"]
    by_source: dict[str, list[Statement]] = {}
    for number in range(30):
        source = f"s{number:02d}.txt"
        by_source[source] = [
            Statement(
                id=f"{source}-{position}",
                source=source,
                text=f"sentence {position}",
                start=position * 20,
                end=position * 20 + 10,
                terms=["say", *rng.sample(vocabulary, 4)],
                background_terms=rng.sample(vocabulary, 1) if position % 3 == 0 else [],
            )
            for position in range(rng.randint(1, 6))
        ]
    memory = StatementIndex(s for source in sorted(by_source) for s in by_source[source])
    shuffled = list(by_source)
    rng.shuffle(shuffled)  # the store's answers must not depend on the order files were indexed in
    with CorpusStore.open(tmp_path / "store") as store:
        for source in shuffled:
            store.put(Article(source=source, text="x", content_hash=source), by_source[source])
        assert store.statement_count() == memory.statement_count()
        for query in (["t1", "t2", "say"], ["say"], ["north_korea", "RS-26", "t5"], ["t3"], ["unknown"]):
            for limit in (3, 10, 200):
                for exclude in (None, "s03.txt", shuffled[0]):
                    expected = ids(memory.candidates(query, limit=limit, exclude_source=exclude))
                    found = ids(store.candidates(query, limit=limit, exclude_source=exclude))
                    assert found == expected, (query, limit, exclude)
                    assert bool(expected) == (query != ["unknown"]), query
            for term in query:
                assert store.idf(term) == pytest.approx(memory.idf(term))
