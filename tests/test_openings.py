"""The unit an article's headline or dateline names without a level word."""

from __future__ import annotations

from dvk_analysis.text.openings import dateline_units, headline_unit


def test_the_province_name_in_the_headline_is_no_district():
    # Cao Bằng city is a district-level unit named like its province: not "the district"
    assert headline_unit("Cao Bang: a report\n\nbody", "Cao Bằng", "district") is None
    assert headline_unit("Hoa An: a report\n\nbody", "Cao Bằng", "district") == (
        "Hoa An",
        "Cao Bằng",
    )


def test_the_dateline_unit_before_a_bracket_is_the_unit_reported_on():
    text = "Tam Duong: a lakosok\n\nTAM DUONG (Vinh Phuc tartomány) – A járás 500 háztartást."
    (unit,) = dateline_units(text, "Vĩnh Phúc")
    assert (text[unit.start : unit.end], unit.admin_level) == ("TAM DUONG", "district")
    assert dateline_units("VINH PHUC (tin) – 5 xã", "Vĩnh Phúc") == []  # the province itself
