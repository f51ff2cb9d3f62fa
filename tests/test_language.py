"""Language detection: the ten supported languages, and None for anything else."""

from __future__ import annotations

import pytest

from dvk_analysis.text.language import SUPPORTED, detect_language

SAMPLES = {
    "vi": "Người dân trong xã đã tự nguyện hiến đất để mở rộng đường giao thông nông thôn.",
    "en": "Residents of the commune voluntarily donated land to widen the rural roads.",
    "hu": "A község lakói önkéntesen földet adományoztak a vidéki utak szélesítéséhez.",
    "nl": "De inwoners van de gemeente schonken vrijwillig grond om de wegen te verbreden.",
    "ar": "تبرع سكان البلدية طوعًا بالأراضي لتوسيع الطرق الريفية في المنطقة.",
    "fr": "Les habitants de la commune ont volontairement cédé des terres pour élargir les routes.",
    "es": "Los habitantes de la comuna donaron voluntariamente tierras para ampliar los caminos.",
    "de": "Die Einwohner der Gemeinde haben freiwillig Land für den Ausbau der Straßen gespendet.",
    "ru": "Жители общины добровольно передали землю для расширения сельских дорог.",
    "zh": "该乡居民自愿捐献土地，用于拓宽农村道路，得到了广泛的支持。",
}


@pytest.mark.parametrize("lang", SUPPORTED)
def test_each_supported_language_is_recognised(lang):
    assert detect_language(SAMPLES[lang]) == lang


@pytest.mark.parametrize(
    "text",
    [
        "I residenti del comune hanno donato volontariamente terreni per allargare le strade.",
        "Os moradores da comuna doaram voluntariamente terras para alargar as estradas rurais.",
        "村の住民は道路を広げるために自発的に土地を寄付しました。",
        "Mieszkańcy gminy dobrowolnie przekazali ziemię na poszerzenie dróg wiejskich.",
    ],
)
def test_unsupported_languages_give_none(text):
    assert detect_language(text) is None


@pytest.mark.parametrize("text", ["", "   \n", "12 345 67,8 %", "!!! ???"])
def test_text_without_letters_gives_none(text):
    assert detect_language(text) is None


def test_mixed_text_gives_the_dominant_language():
    text = SAMPLES["de"] * 5 + " Residents donated land."
    assert detect_language(text) == "de"


def test_only_the_start_of_a_long_text_is_read():
    text = SAMPLES["nl"] * 200 + SAMPLES["ru"] * 400
    assert detect_language(text) == "nl"


def test_non_text_is_a_clear_error():
    with pytest.raises(TypeError, match="expects a str"):
        detect_language(b"bytes")  # type: ignore[arg-type]
