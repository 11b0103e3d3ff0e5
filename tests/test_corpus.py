"""Reading corpora in every format, and every bad-input message."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.corpus import read_corpus
from framing.errors import CorpusError, InputError

ROWS = [
    {"id": "a1", "outlet": "Ostwind", "published": "2024-03-01", "body":
        "Russland betrachtet den Konflikt als Stellvertreterkrieg.", "extra": "x"},
    {"id": "a2", "outlet": "Harbour", "published": "2024-03-02T10:00:00Z", "body":
        "The invasion continues in Kyiv.", "extra": "y"},
]
MAPPING = {"text": "body", "source": "outlet", "date": "published", "doc_id": "id"}


def write_csv(path, rows, sep=","):
    pd.DataFrame(rows).to_csv(path, index=False, sep=sep)
    return path


def check_standard(df):
    assert df.columns.tolist()[:5] == ["doc_id", "source", "date", "lang", "text"]
    assert df["doc_id"].tolist() == ["a1", "a2"]
    assert df["source"].tolist() == ["Ostwind", "Harbour"]
    assert df["lang"].tolist() == ["de", "en"]
    assert str(df["date"].dt.tz) == "UTC"
    assert df["date"].iloc[1] == pd.Timestamp("2024-03-02T10:00:00Z")
    assert df["extra"].tolist() == ["x", "y"]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet", "frame"])
def test_read_every_format_with_column_mapping(tmp_path, fmt):
    if fmt == "csv":
        src = write_csv(tmp_path / "c.csv", ROWS)
    elif fmt == "tsv":
        src = write_csv(tmp_path / "c.tsv", ROWS, sep="\t")
    elif fmt == "jsonl":
        src = tmp_path / "c.jsonl"
        src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n",
                       encoding="utf-8")
    elif fmt == "parquet":
        src = tmp_path / "c.parquet"
        pd.DataFrame(ROWS).to_parquet(src)
    else:
        src = pd.DataFrame(ROWS)
    check_standard(read_corpus(src, **MAPPING))


def test_read_folder_of_text_files_with_front_matter(tmp_path):
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "a.txt").write_text("Der Stellvertreterkrieg geht weiter.",
                                           encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nsource: Harbour\ndate: 2024-01-02\n---\n"
                                   "The invasion continues.", encoding="utf-8")
    df = read_corpus(tmp_path)
    assert df["doc_id"].tolist() == ["b", "de/a"]
    assert df["text"].tolist()[0] == "The invasion continues."
    assert df["source"].tolist()[0] == "Harbour"
    assert df["lang"].tolist() == ["en", "de"]


def test_csv_with_bom_and_quoted_newlines(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes("\ufeffdoc_id,text\n1,\"line one\nline two\"\n2,plain text here\n"
                     .encode("utf-8"))
    df = read_corpus(path, infer_lang=False)
    assert df["text"].tolist() == ["line one\nline two", "plain text here"]


def test_ids_made_when_absent_and_sample_readable():
    df = read_corpus(pd.DataFrame({"text": ["A proxy war.", "Another one."]}))
    assert df["doc_id"].tolist() == ["1", "2"]
    sample = read_corpus("sample")
    assert len(sample) >= 100 and sample["doc_id"].is_unique


# ------------------------------------------------------------------------ bad input


def test_missing_text_column_names_columns_found(tmp_path):
    path = write_csv(tmp_path / "c.csv", [{"id": 1, "content": "x"}])
    with pytest.raises(InputError, match=r"c.csv: no text column 'text' \(pass text="
                                         r"'<column>'\); columns found: id, content"):
        read_corpus(path)
    with pytest.raises(InputError, match="no text column 'body'; columns found: id, content"):
        read_corpus(path, text="body")
    with pytest.raises(InputError, match="no source column 'outlet'; columns found"):
        read_corpus(path, text="content", source="outlet")


def test_duplicate_ids_listed_with_lines(tmp_path):
    path = write_csv(tmp_path / "c.csv", [{"doc_id": "x", "text": "one"},
                                          {"doc_id": "y", "text": "two"},
                                          {"doc_id": "x", "text": "three"}])
    with pytest.raises(CorpusError, match=r"c.csv:4: duplicate doc_id 'x' \(2 times, lines "
                                          r"2, 4\)"):
        read_corpus(path, infer_lang=False)


def test_empty_and_non_string_text_reported_by_row():
    df = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "text": ["ok", "", 3, None]})
    with pytest.raises(CorpusError) as info:
        read_corpus(df, infer_lang=False)
    assert info.value.problems == [
        "corpus: row 2: text is empty",
        "corpus: row 3: text must be a string; got a int (3)",
        "corpus: row 4: text must be a string; got nothing",
    ]
    assert str(info.value).startswith("3 problems in corpus:")
    assert str(info.value).endswith("\nTo skip the documents with empty text, pass "
                                    "empty='drop' (on the command line: --drop-empty).")
    with pytest.raises(CorpusError) as info:                 # no empty text, no hint
        read_corpus(df.iloc[2:], infer_lang=False)
    assert info.value.hint is None and str(info.value).endswith("got nothing")


def test_a_corpus_whose_texts_are_all_empty_points_to_the_other_columns(tmp_path):
    path = write_csv(tmp_path / "h.csv", [{"id": "a", "title": "Kiev regime", "text": ""},
                                          {"id": "b", "title": "Proxy war", "text": " "}])
    with pytest.raises(CorpusError) as info:
        read_corpus(path, infer_lang=False)
    assert str(info.value).endswith(
        "\nEvery text is empty: is the text in another column? Pass text='<column>' (--text "
        "on the command line); the text column read was 'text', the others are doc_id, title.")
    assert read_corpus(path, text="title", infer_lang=False)["text"].tolist() == \
        ["Kiev regime", "Proxy war"]


def test_empty_text_can_be_dropped_with_a_warning():
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["A proxy war.", "  "]})
    with pytest.warns(UserWarning, match="dropped 1 document"):
        out = read_corpus(df, empty="drop", infer_lang=False)
    assert out["doc_id"].tolist() == ["a"]


def test_unparseable_dates_give_line_numbers(tmp_path):
    path = write_csv(tmp_path / "c.csv", [{"text": "a", "date": "2024-01-01"},
                                          {"text": "b", "date": "yesterday"}])
    with pytest.raises(CorpusError, match=r"c.csv:3: date 'yesterday' cannot be read as a "
                                          r"date \(use ISO 8601"):
        read_corpus(path, infer_lang=False)


def test_numbers_are_not_read_as_dates(tmp_path):
    """pandas reads the number 2022 as 2022 nanoseconds after 1970: a JSON year or a Unix
    time would silently become 1970-01-01. They are reported, with how to convert them."""
    path = tmp_path / "c.jsonl"
    path.write_text('{"doc_id": "a", "text": "x", "date": "2022-03-01"}\n'
                    '{"doc_id": "b", "text": "y", "date": 2022}\n'
                    '{"doc_id": "c", "text": "z", "date": null}\n'
                    '{"doc_id": "d", "text": "w", "date": 1646092800.5}\n', encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_corpus(path, infer_lang=False)
    assert info.value.problems == [
        f"{path}:2: date 2022 is a number, not a date; write dates as text (ISO 8601, e.g. "
        "2024-03-05), or convert Unix times first (pd.to_datetime(df['date'], unit='s'))",
        f"{path}:4: date 1646092800.5 is a number, not a date; write dates as text (ISO "
        "8601, e.g. 2024-03-05), or convert Unix times first (pd.to_datetime(df['date'], "
        "unit='s'))"]
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"],
                       "date": [1646092800, 1646179200]})          # an int64 column
    with pytest.raises(CorpusError, match=r"row 1: date 1646092800 is a number"):
        read_corpus(df, infer_lang=False)
    df["date"] = pd.to_datetime(df["date"], unit="s")                # as the message says
    assert read_corpus(df, infer_lang=False)["date"].dt.strftime("%F").tolist() == \
        ["2022-03-01", "2022-03-02"]
    df["date"] = [float("nan"), None]                                # missing: no date, fine
    assert read_corpus(df, infer_lang=False)["date"].isna().all()


def test_invalid_utf8_reports_file_line_column_and_offset(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes("doc_id,text\n1,Gr\u00fc\u00dfe\n".encode("utf-8") + b"2,Kiew\xe4\n")
    with pytest.raises(InputError, match=r"c.csv:3:7: bytes are not valid utf-8 at byte "
                                         r"offset 28 \(0xe4\); pass encoding="):
        read_corpus(path)
    path.write_bytes("doc_id,text\n1,Kiew\u00e4\n".encode("cp1252"))
    assert read_corpus(path, encoding="cp1252", infer_lang=False)["text"][0] == "Kiew\u00e4"


@pytest.mark.parametrize("content, message", [
    ('{"text": "a"}\n{"text": "b",}\n', r"c.jsonl:2:14: invalid JSON: Expecting property name"),
    ('["a"]\n', r"c.jsonl:1:1: each line must be a JSON object; got list"),
    ("\n\n", r"c.jsonl: the file holds no JSON records"),
])
def test_bad_jsonl(tmp_path, content, message):
    path = tmp_path / "c.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_corpus(path)


@pytest.mark.parametrize("name, content, message", [
    ("c.csv", "", r"c.csv:1: the file is empty"),
    ("c.csv", 'text\n"unclosed\n', r"c.csv.*malformed CSV"),
    ("c.csv", "doc_id\ttext\n1\thello\n", r"only one column found, and the header holds tabs"),
    ("c.csv", "text,text\na,b\n", r"c.csv:1: duplicate column name\(s\) in the header: text"),
    ("c.xlsx", "x", r"cannot tell the corpus format from the extension '.xlsx'"),
    ("c.parquet", "not parquet", r"c.parquet: cannot read as Parquet"),
])
def test_bad_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_corpus(path)


def test_missing_path_and_bad_options(tmp_path):
    with pytest.raises(InputError, match=r"nope.csv: no such file or folder"):
        read_corpus(tmp_path / "nope.csv")
    with pytest.raises(InputError, match=r"the folder holds no .txt or .md files"):
        read_corpus(tmp_path)
    with pytest.raises(InputError, match=r"empty must be 'error' or 'drop'"):
        read_corpus(pd.DataFrame({"text": ["a"]}), empty="skip")
    with pytest.raises(InputError, match=r"unknown encoding 'klingon'"):
        (tmp_path / "c.csv").write_text("text\na\n")
        read_corpus(tmp_path / "c.csv", encoding="klingon")


def test_bad_language_code_and_front_matter(tmp_path):
    with pytest.raises(CorpusError, match=r"row 1: lang 'English!' is not a language code"):
        read_corpus(pd.DataFrame({"text": ["a"], "lang": ["English!"]}))
    (tmp_path / "a.txt").write_text("---\ntitle: [unclosed\n---\nbody", encoding="utf-8")
    with pytest.raises(InputError, match=r"a.txt:\d+: invalid YAML front matter"):
        read_corpus(tmp_path)
    (tmp_path / "a.txt").write_text("---\ntitle: x\nbody never closed", encoding="utf-8")
    with pytest.raises(InputError, match=r"a.txt:1: front matter opened with '---' is never "
                                         "closed"):
        read_corpus(tmp_path)


def test_duplicate_ids_in_a_dataframe_listed_by_row():
    df = pd.DataFrame({"doc_id": [7, 8, 7, 7], "text": ["a", "b", "c", "d"]})
    with pytest.raises(CorpusError, match=r"corpus: row 3: duplicate doc_id '7' \(3 times, "
                                          r"rows 1, 3, 4\)"):
        read_corpus(df, infer_lang=False)


def test_select_corpus_by_group_and_dates():
    from framing.corpus import select_corpus

    sample = read_corpus("sample")
    june = select_corpus(sample, groups=["Lindenblatt"], since="2024-06-01", until="2024-06-30")
    assert set(june["source"]) == {"Lindenblatt"}
    assert june["date"].min() >= pd.Timestamp("2024-06-01", tz="UTC")
    assert june["date"].max() < pd.Timestamp("2024-07-01", tz="UTC")
    with pytest.raises(InputError, match=r"no articles from 'Nope' in column 'source'"):
        select_corpus(sample, groups=["Nope"])
    with pytest.raises(InputError, match="since/until must be dates"):
        select_corpus(sample, since="soon")


def test_mapping_to_a_column_whose_name_is_taken():
    df = pd.DataFrame({"doc_id": ["a"], "text": [""], "title": ["The invasion continues."]})
    out = read_corpus(df, text="title", infer_lang=False)
    assert out["text"].tolist() == ["The invasion continues."]
    assert out["text_original"].tolist() == [""]
    assert "title" not in out.columns


# ------------------------------------------------------------------------ dates


def read_dates(values, **options):
    df = pd.DataFrame({"text": ["x"] * len(values), "date": values})
    return read_corpus(df, infer_lang=False, **options)["date"]


@pytest.mark.parametrize("value, expected", [
    ("2022-03-04", "2022-03-04 00:00:00+00:00"),
    ("2022-03-04T10:00:00Z", "2022-03-04 10:00:00+00:00"),
    ("2022-03-04T10:00", "2022-03-04 10:00:00+00:00"),
    ("2022-03-04 10:00:00+02:00", "2022-03-04 08:00:00+00:00"),
    ("2022-03-04T10:00:00.250-0500", "2022-03-04 15:00:00.250000+00:00"),
    ("2022-03-04 10:00:00 UTC", "2022-03-04 10:00:00+00:00"),
    ("Fri, 04 Mar 2022 10:00:00 +0000", "2022-03-04 10:00:00+00:00"),
    ("Fri, 4 Mar 2022 10:00:00 GMT", "2022-03-04 10:00:00+00:00"),
    ("Fri, 04 Mar 2022 23:30:00 EST", "2022-03-05 04:30:00+00:00"),
    ("4 March 2022", "2022-03-04 00:00:00+00:00"),
    ("4. March 2022", "2022-03-04 00:00:00+00:00"),
    ("March 4, 2022", "2022-03-04 00:00:00+00:00"),
    ("Friday, March 4th, 2022 at 10:15 PM", "2022-03-04 22:15:00+00:00"),
    ("  Sept 30 2022  ", "2022-09-30 00:00:00+00:00"),
])
def test_unambiguous_dates_are_read(value, expected):
    assert str(read_dates([value]).iloc[0]) == expected


def test_dates_are_utc_and_missing_dates_stay_missing():
    dates = read_dates(["2022-03-04", None, "  ", "4 March 2022"])
    assert str(dates.dtype) == "datetime64[us, UTC]"
    assert dates.isna().tolist() == [False, True, True, False]


@pytest.mark.parametrize("value, message", [
    ("03/04/2022", "date '03/04/2022' does not say whether the day or the month comes "
                   "first; pass date_format='%d/%m/%Y' (day first) or '%m/%d/%Y' (month "
                   "first), or write dates as ISO 8601 (YYYY-MM-DD)"),
    ("31/12/2022", "date '31/12/2022' does not say whether the day or the month comes "
                   "first; pass date_format='%d/%m/%Y' (day first) or '%m/%d/%Y' (month "
                   "first), or write dates as ISO 8601 (YYYY-MM-DD)"),
    ("04.03.2022", "date '04.03.2022' does not say whether the day or the month comes "
                   "first; pass date_format='%d.%m.%Y' (day first) or '%m.%d.%Y' (month "
                   "first), or write dates as ISO 8601 (YYYY-MM-DD)"),
    ("1/2/22", "date '1/2/22' does not say whether the day or the month comes first; pass "
               "date_format='%d/%m/%y' (day first) or '%m/%d/%y' (month first), or write "
               "dates as ISO 8601 (YYYY-MM-DD)"),
    ("04.03.2022 10:30", "date '04.03.2022 10:30' does not say whether the day or the month "
                         "comes first; pass date_format='%d.%m.%Y %H:%M' (day first) or "
                         "'%m.%d.%Y %H:%M' (month first), or write dates as ISO 8601 "
                         "(YYYY-MM-DD)"),
    ("2022/03/04", "date '2022/03/04' does not say whether the day or the month comes "
                   "first; pass date_format='%Y/%d/%m' (day first) or '%Y/%m/%d' (month "
                   "first), or write dates as ISO 8601 (YYYY-MM-DD)"),
    ("2022", "date '2022' has no day; pass date_format='%Y' to read such dates as the first "
             "day of the year, or write full dates (ISO 8601, e.g. 2024-03-05)"),
    ("March 2022", "date 'March 2022' has no day; pass date_format='%B %Y' to read such "
                   "dates as the first day of the month, or write full dates (ISO 8601, "
                   "e.g. 2024-03-05)"),
    ("Mar 2022", "date 'Mar 2022' has no day; pass date_format='%b %Y' to read such dates "
                 "as the first day of the month, or write full dates (ISO 8601, e.g. "
                 "2024-03-05)"),
    ("2022-03", "date '2022-03' has no day; pass date_format='%Y-%m' to read such dates as "
                "the first day of the month, or write full dates (ISO 8601, e.g. "
                "2024-03-05)"),
    ("20220304", "date '20220304' is written without separators; pass date_format='%Y%m%d' "
                 "if it is year, month, day, or write dates as ISO 8601 (YYYY-MM-DD)"),
    ("4. März 2022", "date '4. März 2022' cannot be read as a date: month names are read in "
                     "English only; write dates as ISO 8601 (e.g. 2024-03-05)"),
    ("2022-02-30", "date '2022-02-30' is not a valid date or time (day, month, hour or minute "
                   "out of range)"),
    ("31 April 2022", "date '31 April 2022' is not a valid date or time (day, hour or minute "
                      "out of range)"),
    ("1646092800", "date '1646092800' is a number, not a date; write dates as text (ISO "
                   "8601, e.g. 2024-03-05), or convert Unix times first "
                   "(pd.to_datetime(df['date'], unit='s'))"),
    ("yesterday", "date 'yesterday' cannot be read as a date (use ISO 8601, e.g. 2024-03-05 "
                  "or 2024-03-05T14:30:00Z)"),
])
def test_ambiguous_and_partial_dates_are_refused_with_how_to_fix(value, message):
    with pytest.raises(CorpusError) as info:
        read_dates(["2022-03-04", value])
    assert info.value.problems == [f"corpus: row 2: {message}"]


def test_date_format_reads_every_date_with_exactly_that_format():
    assert read_dates(["04.03.2022", "4.3.2022", None], date_format="%d.%m.%Y").tolist()[:2] \
        == [pd.Timestamp("2022-03-04", tz="UTC")] * 2
    assert read_dates(["03/04/2022"], date_format="%m/%d/%Y").iloc[0] == \
        pd.Timestamp("2022-03-04", tz="UTC")
    assert read_dates(["2021", "2022"], date_format="%Y").tolist() == [
        pd.Timestamp("2021-01-01", tz="UTC"), pd.Timestamp("2022-01-01", tz="UTC")]
    with pytest.raises(CorpusError) as info:
        read_dates(["04.03.2022", "2022-03-04", "13.13.2022"], date_format="%d.%m.%Y")
    assert info.value.problems == [
        "corpus: row 2: date '2022-03-04' does not match date_format '%d.%m.%Y'",
        "corpus: row 3: date '13.13.2022' does not match date_format '%d.%m.%Y'"]
    with pytest.raises(InputError, match=r"date_format must be a strptime format such as "
                                         r"'%d.%m.%Y' or '%m/%d/%Y'; got 'DD.MM.YYYY'\."):
        read_dates(["04.03.2022"], date_format="DD.MM.YYYY")
    with pytest.raises(InputError, match=r"date_format must be a strptime format .*; got 3\."):
        read_corpus(pd.DataFrame({"text": ["x"]}), date_format=3)


def test_date_problems_in_a_file_give_lines_and_the_command_line_option(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("doc_id,text,date\n1,a,04.03.2022\n\n2,b,2022\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_corpus(path, infer_lang=False)
    assert [p.split(": date")[0] for p in info.value.problems] == [f"{path}:2", f"{path}:4"]
    assert str(info.value).endswith("\nOn the command line, give the date format with "
                                    "--date-format (for example --date-format '%d.%m.%Y').")
    path.write_text("doc_id,text,date\n1,a,04.03.2022\n", encoding="utf-8")
    assert read_corpus(path, infer_lang=False, date_format="%d.%m.%Y")["date"].iloc[0] == \
        pd.Timestamp("2022-03-04", tz="UTC")


def test_dates_from_yaml_front_matter_are_dates(tmp_path):
    (tmp_path / "a.txt").write_text("---\ndate: 2022-03-04\n---\nText.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\ndate: 04.03.2022\n---\nText.", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_corpus(tmp_path, infer_lang=False)
    assert info.value.problems == [
        f"{tmp_path}/b.txt: date '04.03.2022' does not say whether the day or the month "
        "comes first; pass date_format='%d.%m.%Y' (day first) or '%m.%d.%Y' (month first), "
        "or write dates as ISO 8601 (YYYY-MM-DD)"]
    (tmp_path / "b.txt").unlink()
    assert read_corpus(tmp_path, infer_lang=False)["date"].iloc[0] == \
        pd.Timestamp("2022-03-04", tz="UTC")


# ------------------------------------------------------------ lines, files, CSV errors


def test_blank_lines_keep_file_line_numbers(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("id,text\n1,a\n\n2,\n1,x\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_corpus(path, doc_id="id", infer_lang=False)
    assert info.value.problems == [f"{path}:4: text is empty",
                                   f"{path}:5: duplicate doc_id '1' (2 times, lines 2, 5)"]
    # quoted line breaks, a line of spaces and blank lines before the header
    path.write_text('\n\nid,text\n1,"multi\n\nline"\n   \n2,\n', encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_corpus(path, doc_id="id", infer_lang=False)
    assert info.value.problems == [f"{path}:8: text is empty"]


def test_csv_fields_longer_than_128_kib_are_read(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text\n1,"' + "a" * 200_000 + '"\n2,\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c.csv:3: text is empty"):
        read_corpus(path, infer_lang=False)


def test_folder_messages_name_the_file(tmp_path):
    folder = tmp_path / "fold2"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("The invaders.", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("", encoding="utf-8")
    (folder / "c.md").write_text("---\ndoc_id: a\n---\nText.", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_corpus(folder, infer_lang=False)
    assert info.value.problems == [
        f"{folder}/sub/b.txt: text is empty",
        f"{folder}/c.md: duplicate doc_id 'a' (2 times, files a.txt, c.md)"]


@pytest.mark.parametrize("content, where, message", [
    ('id,text\n1,a\n2,"b\n3,c\n', ":3:3:", "malformed CSV: a quoted field starts here and "
     "its closing '\"' is missing, so the rest of the file would be read as one field; add "
     "the closing quote (a quote inside a quoted field is written twice: \"\")"),
    ('text\n"unclosed\n', ":2:1:", "malformed CSV: a quoted field starts here"),
    ('id,text\n1,"a ""quoted"" word\nover lines",x\n2,"open\n', ":4:3:",
     "malformed CSV: a quoted field starts here"),
    ('id,text\n1,"a\nb"\n\n2,b,c\n', ":5:", "malformed CSV: this record has 3 fields, but "
     "the header has 2; a field that holds commas must be quoted (\"...\")"),
    # every row one field longer than the header: pandas would take the first as an index
    ("id,text\n1,2,3\n4,5,6\n", ":2:", "malformed CSV: this record has 3 fields, but the "
     "header has 2"),
])
def test_malformed_csv_names_the_line_where_the_bad_field_starts(tmp_path, content, where,
                                                                   message):
    path = tmp_path / "c.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_corpus(path)
    assert str(info.value).startswith(f"{path}{where} {message}")


def test_malformed_tsv_says_tabs(tmp_path):
    path = tmp_path / "c.tsv"
    path.write_text("id\ttext\n1\ta\tb\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"c.tsv:2: malformed TSV: this record has 3 fields, "
                                         r"but the header has 2; a field that holds tabs must "
                                         r"be quoted"):
        read_corpus(path)


def test_read_corpus_names_a_wrong_type():
    with pytest.raises(InputError, match=r"^data must be the path of a corpus file or folder "
                                         r"\(a str or Path\), a DataFrame, or 'sample'; got "
                                         r"int\.$"):
        read_corpus(42)


# ----------------------------------- truncated files, whole-sentence messages (read_corpus)


def test_a_csv_cut_inside_a_quoted_field_says_the_file_may_be_truncated(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text\n1,"one\ntwo"\n2,"the file is cut o', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_corpus(path)
    assert str(info.value) == (
        f"{path}:4:3: malformed CSV: the file ends inside a quoted field that starts at line "
        "4, column 3 (is the file truncated?); if the file is complete, the field's closing "
        "'\"' is missing: add it (a quote inside a quoted field is written twice: \"\")")


def test_a_malformed_csv_does_not_give_pandas_record_count_as_a_line(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text\n1,"multi\nline"\n2,b,c\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_corpus(path)
    assert str(info.value) == (f"{path}:4: malformed CSV: this record has 3 fields, but the "
                               "header has 2; a field that holds commas must be quoted "
                               "(\"...\")")


def test_a_header_after_blank_lines_is_checked(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("\n   \ntext,text\na,b\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_corpus(path)
    assert str(info.value) == f"{path}:3: duplicate column name(s) in the header: text"


def test_a_file_cut_inside_a_character_says_so(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes('{"text": "Kiew"}\n{"text": "Stra\u00df'.encode()[:-1])
    with pytest.raises(InputError) as info:
        read_corpus(path)
    assert str(info.value) == (
        f"{path}:2:15: the file ends in the middle of a character: its last byte (0xc3, at "
        "byte offset 31) begins a utf-8 character that is never completed; is the file "
        "truncated?")


@pytest.mark.parametrize("content, message", [
    ('{"text": "a"}\n{"text": "cut o', "c.jsonl:2:10: invalid JSON: the file ends inside a "
     "string that starts here; is the file truncated?"),
    ('{"text": "cut o\n{"text": "b"}\n', "c.jsonl:1:10: invalid JSON: a string starts here "
     "and is not closed before the end of the line (its closing '\"' is missing)"),
    ('{"text": "a"} x\n', "c.jsonl:1:15: invalid JSON: more text after the end of the JSON "
     "object; each line must hold exactly one object"),
])
def test_json_problems_are_whole_sentences(tmp_path, content, message):
    path = tmp_path / "c.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_corpus(path)
    assert str(info.value) == f"{tmp_path}/{message}"
