"""'Respectively' lists: "120, 80 and 58 models in economy, culture and defence respectively".

A clause with a respectively word (respectively, lần lượt, respectivement, respectivamente,
jeweils, respectievelijk, 分别, соответственно, rendre, على التوالي) that lists as many numbers as
it names fields of one indicator gives the k-th number the k-th field, in every language. The
fields are the keywords of indicators that refine the same general one (dvk_models_economic,
..._culture_society, ...), in text order, one per field ("culture-society" is one field).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dvk_analysis.text.keywords import Hit

RESPECTIVELY = re.compile(
    r"respectively|lần lượt|respectivement|respectivamente|jeweils|respectievelijk|分别|分別"
    r"|соответственно|rendre|على التوالي",
    re.IGNORECASE,
)


def respective_fields(
    clause: str, hits: Sequence[Hit], allowed: frozenset[str], numbers: Sequence[int]
) -> dict[int, Hit]:
    """Number start -> the field keyword it takes; empty when the clause is no such list.

    ``numbers`` are the starts of the clause's quantities (text offsets, in order); one more
    number than fields is a total before the list, left to the general indicator.
    """
    if len(numbers) < 2 or RESPECTIVELY.search(clause) is None:
        return {}
    fields: list[Hit] = []
    for hit in sorted(hits, key=lambda h: h.start):
        rule = hit.rule
        if rule is None or rule.refines is None or rule.name not in allowed:
            continue
        if fields and fields[-1].rule is not None and fields[-1].rule.name == rule.name:
            continue  # "culture-society", "国防安全": one field, two keywords
        fields.append(hit)
    if len(numbers) == len(fields) + 1 and len(fields) >= 2:
        numbers = numbers[1:]  # "258 models, of which 120, 80 and 58 ... respectively": a total
    if len(fields) != len(numbers):
        return {}
    if len({h.rule.refines for h in fields if h.rule is not None}) != 1:
        return {}
    return dict(zip(numbers, fields, strict=True))
