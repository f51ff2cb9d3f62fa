"""Tests of han_names: Vietnamese place names in Han characters inside Chinese text."""

from __future__ import annotations

import pytest

from dvk_analysis.text.han_names import glossed_name
from dvk_analysis.text.places import find_places


@pytest.mark.parametrize(
    ("text", "name", "level"),
    [
        ("据介绍，前江省Cai Lay（丐礼）县15/15个乡均已达标。", "Cai Lay", "district"),
        ("包括富禄（Phu Loc）县在内的各县", "富禄", "district"),
        ("永庆（Vinh Khanh）乡党委", "永庆", "commune"),
        # as many characters as the gloss has syllables
        ("在黄树皮（Hoàng Su Phì）县，", "黄树皮", "district"),
        ("美隆南（My Long Nam）乡有100户捐地。", "美隆南", "commune"),
    ],
)
def test_a_name_glossed_before_its_level_character_is_found(text, name, level):
    found = [(p.name, p.admin_level) for p in find_places(text, "zh")]
    assert (name, level) in found
    mention = next(p for p in find_places(text, "zh") if p.name == name)
    assert "（" in mention.text  # the gloss stays in the place as written


def test_no_gloss_no_name_end():
    assert glossed_name("兴安省", 2) is None
    assert glossed_name("永庆（Vinh Khanh）乡", 14) == 2


@pytest.mark.parametrize("text", ["县领导指导县各乡建设模式。", "一条通往村里的道路"])
def test_a_verb_before_a_level_character_is_no_name(text):
    assert not [p for p in find_places(text, "zh") if p.admin_level in ("district", "village")]


def test_a_han_place_glossed_at_another_mention_carries_the_gloss():
    from dvk_analysis.text.extract import extract_text

    text = (
        "宁美（Ninh Mỹ）乡位于海港县。\n\n截至目前，宁美乡部分农户已献出400平方米土地。"
        "\n\nCai Lay（丐礼）县已有15个乡。丐礼县已修建道路3公里。"
    )
    places = {c.value: c.place for c in extract_text(text, article_id="a", lang="zh")}
    assert places[400] == "宁美（Ninh Mỹ）乡"
    assert places[3000] == "Cai Lay（丐礼）县"


def test_a_three_syllable_glossed_name_is_read_whole_at_its_other_mentions():
    text = "在黄树皮（Hoàng Su Phì）县，全部面积并入。调整后，黄树皮县共有24个乡级行政单位。"
    assert [p.name for p in find_places(text, "zh")] == ["黄树皮", "黄树皮"]
    # a bare gloss of two syllables keeps the two characters before it
    assert [p.name for p in find_places("在鹏福（Bằng Phúc）乡，", "zh")] == ["鹏福"]
