"""The public API: ``import dvk_analysis as dvk`` is light, and each name is its module's."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module

import pytest

import dvk_analysis as dvk


def test_import_loads_no_heavy_library():
    code = (
        "import sys, dvk_analysis as dvk; dvk.__all__; dir(dvk); "
        "print(sorted(m for m in ('numpy', 'pandas', 'matplotlib', 'statsmodels', 'pandera') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_public_name_is_listed_and_is_the_object_of_its_module():
    assert sorted(dvk.__all__) == sorted(dvk._API)
    for name, (module, attribute) in dvk._API.items():
        assert getattr(dvk, name) is getattr(import_module(module), attribute), name
        assert name in dir(dvk)


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'build_pannel'"):
        dvk.build_pannel  # noqa: B018


def test_load_dataset_then_build_panel():
    data = dvk.load_dataset()
    assert {"observation_id", "story_id", "province_2025"} <= set(data.columns)
    panel = dvk.build_panel(data)
    long = panel.panel_long()
    assert len(long) > 0
    assert (long["low"] <= long["mid"]).all() and (long["mid"] <= long["high"]).all()
    used = {i for ids in long["observation_ids"] for i in str(ids).split(";")}
    assert used <= set(data["observation_id"])
