"""Why the learned model decided, in plain words: the feature groups whose tree-path contributions
pushed hardest towards the predicted label, rendered with the words that fired them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from claimcheck.match.learned.features import _FEATURE_INDEX, FEATURE_NAMES, _Evidence

_GROUPS: dict[str, tuple[str, ...]] = {
    "coverage": (
        "cover",
        "cover_prefix",
        "cover_long",
        "cover_bigram",
        "density",
        "sentences_with_two",
        "claim_len",
    ),
    "entities": ("cover_entity",),
    "numbers": ("cover_number", "claim_has_number"),
    "best": ("best_sentence_cover", "top3_sentence_cover", "best_position"),
    "lead": ("lead_cover", "first_cover"),
    "refute": (
        "body_refute_rate",
        "top_refute",
        "lead_refute",
        "near_refute",
        "refute_minus_support",
    ),
    "hedge": ("body_hedge_rate", "top_hedge", "lead_hedge", "near_hedge"),
    "support": ("body_support_rate", "top_support", "lead_support"),
    "report": ("body_report_rate", "top_report", "lead_report"),
    "negation": (
        "body_negation_rate",
        "top_negation",
        "best_negation_mismatch",
        "claim_negation",
    ),
    "claim_refute": ("claim_refute",),
    "claim_hedge": ("claim_hedge", "claim_question", "claim_quote"),
    "body_len": ("body_len", "body_question_rate"),
}
_GROUP_OF = {name: g for g, names in _GROUPS.items() for name in names}


def _quote(words: Sequence[str], limit: int = 4) -> str:
    seen: list[str] = []
    phrases = [w for w in words if " " in w]
    for w in words:
        # a word inside a matched phrase ("according" in "according to") is shown once, as the phrase
        if w not in seen and not any(w in p.split() for p in phrases if p != w):
            seen.append(w)
    return ", ".join(f"'{w}'" for w in seen[:limit])


def _render(group: str, x: np.ndarray, ev: _Evidence, best: int | None) -> str:
    f = _FEATURE_INDEX
    w = ev.words
    def pct(name):
        return f"{x[f[name]]:.0%}"
    if group == "coverage":
        text = f"covers {pct('cover')} of the claim's words"
        if w["missing"] and x[f["cover"]] < 1:
            text += f" (missing {_quote(w['missing'], 3)})"
        return text
    if group == "entities":
        return f"names {pct('cover_entity')} of the claim's capitalised names"
    if group == "numbers":
        if not x[f["claim_has_number"]]:
            return "the claim states no number"
        return f"repeats {pct('cover_number')} of the claim's numbers"
    if group == "best":
        where = f"sentence {best}" if best is not None else "no sentence"
        return f"best-matching {where} holds {pct('best_sentence_cover')} of the claim's words"
    if group == "lead":
        return f"the opening sentences hold {pct('lead_cover')} of the claim's words"
    if group in ("refute", "hedge", "support", "report"):
        found = (
            w[f"near_{group}"]
            if w.get(f"near_{group}")
            else w[f"top_{group}"] or w[f"body_{group}"]
        )
        kind = {
            "refute": "denial or correction words",
            "hedge": "hedged reporting",
            "support": "confirmation words",
            "report": "reporting verbs",
        }[group]
        if not found:
            return f"no {kind} near the claim's terms"
        place = (
            "near the claim's terms"
            if group in ("refute", "hedge") and w.get(f"near_{group}")
            else "in the body"
        )
        return f"{kind} {place}: {_quote(found)}"
    if group == "negation":
        if x[f["best_negation_mismatch"]]:
            return "negation differs between the claim and its best-matching sentence"
        return "claim and best-matching sentence agree on negation"
    if group == "claim_refute":
        if w["claim_refute"]:
            return (
                f"the claim itself calls something false: {_quote(w['claim_refute'])}"
            )
        return "the claim itself uses no denial words"
    if group == "claim_hedge":
        if x[f["claim_question"]]:
            return "the claim is phrased as a question"
        if w["claim_hedge"]:
            return f"the claim is hedged: {_quote(w['claim_hedge'])}"
        return "the claim is stated without hedges"
    return f"body length ({round(math.expm1(x[f['body_len']]))} words)"


def _reasons(
    label: str,
    x: np.ndarray,
    push: np.ndarray,
    ev: _Evidence,
    best: int | None,
    limit: int = 3,
) -> list[str]:
    group_push: dict[str, float] = {}
    for i, name in enumerate(FEATURE_NAMES):
        g = _GROUP_OF[name]
        group_push[g] = group_push.get(g, 0.0) + float(push[i])
    ranked = [g for g, v in sorted(group_push.items(), key=lambda kv: -kv[1]) if v > 0][
        :limit
    ]
    if not ranked:
        ranked = ["coverage"]
    return [_render(g, x, ev, best) for g in ranked]
