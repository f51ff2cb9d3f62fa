"""The whole-data validation: the committed data is valid; each kind of breakage is reported
as one specific line naming the file, the line, the column and the rule."""

from __future__ import annotations

import pytest
from conftest import rewrite_csv

from dvk_analysis.data.validate import check_checksums, validate_all


def _messages(folder) -> list[str]:
    return [str(p) for p in validate_all(folder)]


def test_committed_data_is_valid(data_copy):
    assert _messages(data_copy) == []


def _edit_observations(folder, edit):
    rewrite_csv(folder / "curated" / "observations.csv", edit)


def _col(rows, name):
    return rows[0].index(name)


def test_missing_column_is_named(data_copy):
    def drop_quote(rows):
        i = _col(rows, "quote")
        return [r[:i] + r[i + 1 :] for r in rows]

    _edit_observations(data_copy, drop_quote)
    (msg,) = _messages(data_copy)
    assert msg.startswith("data/curated/observations.csv: column 'quote': missing column")


def test_renamed_column_suggests_the_name(data_copy):
    def rename(rows):
        rows[0][_col(rows, "qualifier")] = "qualifiers"
        return rows

    _edit_observations(data_copy, rename)
    messages = _messages(data_copy)
    assert any(
        "column 'qualifier': missing column (a column is named 'qualifiers'" in m for m in messages
    )
    assert any("column 'qualifiers': unexpected column" in m for m in messages)


def test_wrong_type_names_line_and_column(data_copy):
    def bad_value(rows):
        rows[3][_col(rows, "value")] = "about 40"
        return rows

    _edit_observations(data_copy, bad_value)
    (msg,) = _messages(data_copy)
    assert msg == "data/curated/observations.csv:4: column 'value': 'about 40' is not a number"


def test_unknown_indicator(data_copy):
    def bad_indicator(rows):
        rows[2][_col(rows, "indicator")] = "propaganda_session"
        return rows

    _edit_observations(data_copy, bad_indicator)
    (msg,) = _messages(data_copy)
    assert msg.startswith(
        "data/curated/observations.csv:3: column 'indicator': 'propaganda_session' "
        "must be a codebook indicator: one of propaganda_sessions,"
    )


def test_duplicate_article_id(data_copy):
    def duplicate(rows):
        return [*rows, rows[1]]

    rewrite_csv(data_copy / "raw" / "manifest.csv", duplicate)
    messages = _messages(data_copy)
    dup = [m for m in messages if "duplicate value" in m]
    assert dup and all("manifest.csv" in m and "column 'article_id'" in m for m in dup)


def test_quote_not_in_article(data_copy):
    def bad_quote(rows):
        q = _col(rows, "quote")
        row = next(r for r in rows[1:] if r[q])
        row[q] = row[q] + " (edited)"
        return rows

    _edit_observations(data_copy, bad_quote)
    (msg,) = _messages(data_copy)
    assert "column 'quote': not found verbatim in articles/" in msg


def test_offset_span_not_the_number(data_copy):
    def shift(rows):
        s, e = _col(rows, "start"), _col(rows, "end")
        row = next(r for r in rows[1:] if r[s])
        row[s], row[e] = str(int(row[s]) + 1), str(int(row[e]) + 1)
        return rows

    _edit_observations(data_copy, shift)
    (msg,) = _messages(data_copy)
    assert "column 'start': text[" in msg and "not the number as written" in msg


def test_offsets_out_of_range(data_copy):
    def far(rows):
        s, e = _col(rows, "start"), _col(rows, "end")
        row = next(r for r in rows[1:] if r[s])
        row[s], row[e] = "10000000", "10000004"
        return rows

    _edit_observations(data_copy, far)
    (msg,) = _messages(data_copy)
    assert "out of range" in msg


def test_denominator_below_value(data_copy):
    def bad(rows):
        d, v = _col(rows, "denominator"), _col(rows, "value")
        row = next(r for r in rows[1:] if r[d])
        row[d] = str(float(row[v]) - 1)
        return rows

    _edit_observations(data_copy, bad)
    (msg,) = _messages(data_copy)
    assert "column 'denominator'" in msg and "is below the value" in msg


def test_period_out_of_order(data_copy):
    def bad(rows):
        s, e = _col(rows, "period_start"), _col(rows, "period_end")
        rows[1][s], rows[1][e] = "2024", "2023-06"
        return rows

    _edit_observations(data_copy, bad)
    (msg,) = _messages(data_copy)
    assert msg.endswith("period ends (2023-06) before it starts (2024)")


def test_manifest_row_without_file_and_file_without_row(data_copy):
    articles = data_copy / "raw" / "articles"
    (articles / "zz_new_article.txt").write_text("Một bài báo mới.", encoding="utf-8")
    messages = _messages(data_copy)
    assert any("articles/zz_new_article.txt has no manifest row" in m for m in messages)
    assert any("articles/zz_new_article.txt is not recorded" in m for m in messages)


def test_edited_raw_file_breaks_checksums(data_copy):
    raw = data_copy / "raw"
    target = sorted((raw / "articles").glob("*.txt"))[0]
    target.write_bytes(target.read_bytes() + b"\n")
    (msg,) = [str(p) for p in check_checksums(raw)]
    assert f"articles/{target.name} changed since it was recorded" in msg


@pytest.mark.parametrize("content", [b"", b"   \n"])
def test_empty_observations_file(data_copy, content):
    (data_copy / "curated" / "observations.csv").write_bytes(content)
    (msg,) = _messages(data_copy)
    assert msg == "data/curated/observations.csv: file is empty (expected a header row)"


def test_a_row_that_lost_a_comma_is_named_not_shifted(data_copy):
    # pandas would fill the last column with nothing and shift every later cell one column
    path = data_copy / "raw" / "manifest.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.append("zz_short,vi,https://example.org,outlet,2024-01-01,title,Nam Định,notes,test\n")
    path.write_text("".join(lines), encoding="utf-8")
    messages = _messages(data_copy)
    line = len(lines)
    assert any(
        m.startswith(f"data/raw/manifest.csv:{line}: 9 fields, the header has 10") for m in messages
    ), messages


def test_non_utf8_file(data_copy):
    path = data_copy / "curated" / "observations.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    (msg,) = _messages(data_copy)
    assert "observations.csv: not UTF-8" in msg and "save it as UTF-8" in msg


def test_bom_and_crlf_are_accepted(data_copy):
    path = data_copy / "curated" / "observations.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert _messages(data_copy) == []


def test_duplicate_observation_id(data_copy):
    def duplicate(rows):
        return [*rows, rows[5]]

    _edit_observations(data_copy, duplicate)
    messages = _messages(data_copy)
    assert messages
    assert all("column 'observation_id': duplicate value" in m for m in messages)


def test_unknown_qualifier(data_copy):
    def bad(rows):
        rows[4][_col(rows, "qualifier")] = "roughly"
        return rows

    _edit_observations(data_copy, bad)
    (msg,) = _messages(data_copy)
    assert msg.startswith(
        "data/curated/observations.csv:5: column 'qualifier': 'roughly' must be a codebook "
        "qualifier: one of exact, more_than"
    )


def test_manifest_row_without_file(data_copy):
    (data_copy / "raw" / "articles" / "004_0ce8fcdb2e1cb020.txt").unlink()
    messages = _messages(data_copy)
    assert any(
        m.startswith("data/raw/manifest.csv:") and "no file articles/004_0ce8fcdb2e1cb020.txt" in m
        for m in messages
    )
    assert any("004_0ce8fcdb2e1cb020.txt is recorded but missing" in m for m in messages)


def test_reference_table_missing_a_province(data_copy):
    def drop_quang_binh(rows):
        return [r for r in rows if r[_col(rows, "name")] != "Quảng Bình"]

    rewrite_csv(data_copy / "reference" / "provinces_legacy.csv", drop_quang_binh)
    messages = _messages(data_copy)
    assert any(
        m.startswith("data/reference/ntm_status.csv:")
        and "'Quảng Bình' is missing from the province tables" in m
        for m in messages
    )
    assert any(
        "column 'province': 'Quảng Bình' is not in data/reference/provinces_legacy.csv" in m
        for m in messages
    )


def test_extra_column(data_copy):
    def extra(rows):
        return [[*r, "x"] for r in rows[:1]] + [[*r, ""] for r in rows[1:]]

    rewrite_csv(data_copy / "raw" / "manifest.csv", extra)
    (msg,) = [m for m in _messages(data_copy) if "unexpected column" in m]
    assert msg.startswith("data/raw/manifest.csv: column 'x': unexpected column; expected only:")


# -- issue 15: values against their digits, one article reader, symlinks, population ----------
def _first_article_row(rows) -> int:
    return next(i for i, r in enumerate(rows[1:], 1) if r[_col(rows, "article_id")])


def test_value_that_contradicts_its_quoted_number(data_copy):
    def change_value(rows):
        i = _first_article_row(rows)
        rows[i][_col(rows, "value")] = str(float(rows[i][_col(rows, "value")]) + 1)
        return rows

    _edit_observations(data_copy, change_value)
    (msg,) = _messages(data_copy)
    assert msg.startswith("data/curated/observations.csv:2: column 'value': 5 is not the quoted")
    assert "(read as 4)" in msg


def test_article_with_a_byte_order_mark_keeps_its_offsets(data_copy):
    """Extract drops a BOM; validate reads through the same reader, so offsets still match."""
    from dvk_analysis.data.validate import write_checksums
    from dvk_analysis.text.extract import extract_paths

    path = data_copy / "raw" / "articles" / "000_4ee1c2397929bc3a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    write_checksums(data_copy / "raw")
    assert _messages(data_copy) == []
    extracted = extract_paths([path], manifest=data_copy / "raw" / "manifest.csv")
    assert 1507 in set(extracted["start"])  # the curated offset of the first claim


def test_symlinked_article_outside_the_data_folder_is_refused(data_copy, tmp_path):
    from dvk_analysis.data.validate import write_checksums

    path = data_copy / "raw" / "articles" / "000_4ee1c2397929bc3a.txt"
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)
    write_checksums(data_copy / "raw")
    messages = _messages(data_copy)
    assert any("articles/000_4ee1c2397929bc3a.txt is a symlink to" in m for m in messages)
    assert all("not found verbatim" not in m for m in messages)


def test_population_of_zero_is_refused(data_copy):
    rewrite_csv(
        data_copy / "reference" / "provinces_legacy.csv",
        lambda rows: [rows[0], [*rows[1][:5], "0", *rows[1][6:]], *rows[2:]],
    )
    (msg,) = _messages(data_copy)
    assert msg == (
        "data/reference/provinces_legacy.csv:2: column 'population': 0 is not a population "
        "(must be > 0)"
    )


@pytest.mark.parametrize(
    ("text", "word", "lang", "expected"),
    [
        # the parser reads "trois" as the denominator of "deux": a gold row may still code it
        ("Il s'agit de deux des trois communes reconnues.", "trois", "fr", True),
        ("twee van de zes districten voldeden", "zes", "nl", True),
        ("Il s'agit de deux des trois communes reconnues.", "communes", "fr", False),
    ],
)
def test_a_number_word_read_as_a_denominator_is_still_a_number(text, word, lang, expected):
    from dvk_analysis.data.validate import is_number_span

    start = text.index(word)
    assert is_number_span(text, start, start + len(word), lang) is expected
