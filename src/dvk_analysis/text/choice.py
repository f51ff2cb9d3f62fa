"""Which indicator a number measures, among the keywords near it (its candidates).

:mod:`keywords` finds, for each indicator the clause admits, the keyword nearest to a number
(a :class:`~dvk_analysis.text.keywords.Candidate`); this module picks one: the nearest, unless
a finer indicator's keyword belongs to the number ("233 new models"), a predicate outranks a
description ("74 households along the route agreed to move") or the models turn out to be
honours ("premió a 7 modelos colectivos").
"""

from __future__ import annotations

from dvk_analysis.text.keywords import Candidate, Lexicon

PREDICATES = {"households_affected": "households_mobilized"}
"""A description and the predicate that outranks it: "74 households along the route agreed to
move their gates" are households mobilised, although they live along the route."""


def prefer_predicate(chosen: Candidate | None, candidates: list[Candidate]) -> Candidate | None:
    """The predicate's candidate when ``chosen`` describes and the predicate's verb follows the
    number (``PREDICATES``): what households did tells more than where they live."""
    better = PREDICATES.get(chosen.rule.name) if chosen is not None else None
    after = [c for c in candidates if c.rule.name == better and c.side == "after"]
    return min(after, key=lambda c: c.distance) if after else chosen


HONOURS = frozenset({"collectives_honored", "individuals_honored"})


def _honoured(best: Candidate, candidates: list[Candidate]) -> Candidate:
    """The honours count when the models are honoured ones: an honours noun follows the
    number in its own item ("premió a 7 modelos colectivos y 11 ejemplos individuales") while
    the clause says the honour (the honours rules' ``need``)."""
    if not best.rule.name.startswith("dvk_models"):
        return best
    honours = [c for c in candidates if c.rule.name in HONOURS and c.side == "after"]
    honours = [c for c in honours if not c.between]
    return min(honours, key=lambda c: c.distance) if honours else best


def choose(candidates: list[Candidate], lex: Lexicon) -> Candidate | None:
    """Nearest candidate; an indicator that refines it wins when its keyword is this number's."""
    if not candidates:
        return None
    # A finer indicator is reached through the one it refines: "197 models sustainable, 233
    # new models" must not give 233 the "sustainable" of its neighbour.
    general = [c for c in candidates if c.rule.refines is None] or [
        c for c in candidates if lex.refine_side in (c.side, "both")
    ]
    if not general:
        return None
    # One keyword may name several indicators ("个人": a model individual, an individual
    # honoured): at one distance, the one whose required words the clause holds is meant.
    best = min(general, key=lambda c: (c.distance, c.rule.need is None, c.rule.name))
    best = _honoured(best, general)
    refining = [
        c
        for c in candidates
        if c.rule.refines == best.rule.name
        and not c.between
        and (c.side == "heading" or lex.refine_side in (c.side, "both"))
    ]
    if refining:
        # "197 models maintained, and 233 new models": the refinement after the number (on the
        # language's side) describes it; the one before may describe the previous number.
        return min(refining, key=lambda c: (lex.prefer not in (c.side, "both"), c.distance))
    return best
