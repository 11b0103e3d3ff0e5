"""The framing command: each sub-command on small inputs, and its error messages."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main, read_table


@pytest.fixture
def corpus_csv(tmp_path, tiny_corpus):
    path = tmp_path / "corpus.csv"
    tiny_corpus.rename(columns={"text": "body", "source": "outlet"}).to_csv(path, index=False)
    return path


def test_hits_score_compare_round_trip(tmp_path, corpus_csv, capsys):
    lexicon = tmp_path / "tiny.yaml"
    from tests.conftest import TINY_LEXICON

    lexicon.write_text(TINY_LEXICON, encoding="utf-8")
    common = ["--lexicon", str(lexicon), "--text", "body", "--source", "outlet", "--quiet"]
    assert main(["hits", str(corpus_csv), "-o", str(tmp_path / "hits.csv"), *common]) == 0
    hits = pd.read_csv(tmp_path / "hits.csv")
    assert set(hits["frame"]) == {"proxy_war", "bloc", "naming"}
    assert main(["score", str(corpus_csv), "-o", str(tmp_path / "s.parquet"), *common]) == 0
    scores = read_table(tmp_path / "s.parquet")
    assert len(scores) == 4 * 3 and str(scores["date"].dt.tz) == "UTC"
    assert main(["compare", str(tmp_path / "s.parquet"), "--n-boot", "50"]) == 0
    printed = capsys.readouterr().out
    assert "group" in printed and "proxy_war" in printed
    assert main(["compare", str(tmp_path / "s.parquet"), "--n-boot", "50", "-o",
                 str(tmp_path / "t.csv")]) == 0
    table = pd.read_csv(tmp_path / "t.csv")
    assert sorted(table["group"].unique()) == ["A", "B"]


def test_kwic_prints_aligned_lines(corpus_csv, capsys):
    assert main(["kwic", str(corpus_csv), "proxy*", "--text", "body", "--window", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["en1\tfights a [proxy] war in"]


def test_figures_subcommand(tmp_path, capsys):
    assert main(["figures", "--out", str(tmp_path), "--only", "frame_heatmap", "--quiet",
                 "--n-boot", "50"]) == 0
    assert (tmp_path / "frame_heatmap.png").exists()
    assert (tmp_path / "frame_heatmap.svg").exists()


def test_lexicon_list_and_show(capsys):
    assert main(["lexicon", "list"]) == 0
    assert capsys.readouterr().out.startswith("ukraine_war\t")
    assert main(["lexicon", "show", "ukraine_war"]) == 0
    assert "proxy_war" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["hits", "missing.csv", "-o", "h.csv"], "missing.csv: no such file or folder"),
    (["compare", "missing.parquet"], "missing.parquet: no such file"),
    (["figures", "--only", "nope"], "unknown figure 'nope'"),
    (["lexicon", "show", "nope"], "no lexicon file or shipped lexicon named 'nope'"),
])
def test_errors_are_one_clear_line(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: ") and message in err
    assert "Traceback" not in err


def test_bad_output_extension(tmp_path, corpus_csv, capsys):
    assert main(["hits", str(corpus_csv), "--text", "body", "-o", str(tmp_path / "h.xlsx"),
                 "--quiet"]) == 2
    assert "cannot write '.xlsx'; use .csv, .tsv, .jsonl or .parquet" in capsys.readouterr().err


def test_compare_with_unknown_by(tmp_path, corpus_csv, capsys):
    main(["score", str(corpus_csv), "--text", "body", "-o", str(tmp_path / "s.csv"), "--quiet"])
    assert main(["compare", str(tmp_path / "s.csv"), "--by", "nosuchcolumn"]) == 2
    assert "framing: error: --by must be a column of scores; got 'nosuchcolumn'" \
        in capsys.readouterr().err


def test_empty_texts_stop_with_a_hint_and_drop_with_a_plain_warning(tmp_path, capsys):
    path = tmp_path / "c.jsonl"
    path.write_text('{"doc_id": "a", "text": "A proxy war.", "lang": "en"}\n'
                    '{"doc_id": "b", "text": "  ", "lang": "en"}\n', encoding="utf-8")
    for command in ("hits", "score"):
        out = tmp_path / f"{command}.parquet"
        assert main([command, str(path), "-o", str(out), "--quiet"]) == 2
        err = capsys.readouterr().err
        assert f"{path}:2: text is empty" in err
        assert err.rstrip().endswith("To skip the documents with empty text, pass "
                                     "--drop-empty.")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]   # no .partial left
        assert main([command, str(path), "-o", str(out), "--quiet", "--drop-empty"]) == 0
        err = capsys.readouterr().err
        assert err.splitlines()[0] == (f"framing: warning: {path}: dropped 1 document(s) "
                                       "with empty text (--drop-empty).")
        assert "UserWarning" not in err and "cli.py" not in err
        out.unlink()


def test_hits_and_figures_take_jobs_with_the_same_output(tmp_path, capsys):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert main(["hits", "sample", "-o", str(one), "--quiet"]) == 0
    assert main(["hits", "sample", "-o", str(two), "--quiet", "-j", "2"]) == 0
    assert one.read_bytes() == two.read_bytes() and len(one.read_bytes()) > 10_000
    for jobs, folder in (("1", "a"), ("2", "b")):
        assert main(["figures", "--only", "frame_profile", "--n-boot", "50", "--quiet",
                     "--out", str(tmp_path / folder), "-j", jobs]) == 0
    for name in ("frame_profile.png", "frame_profile.svg"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    with pytest.raises(SystemExit):
        main(["hits", "sample", "-o", str(one), "-j", "two"])
    assert "argument -j/--jobs: invalid int value: 'two'" in capsys.readouterr().err


def test_cli_warnings_name_their_kind_unless_ordinary(capsys):
    from framing.cli import _print_warning

    _print_warning("dropped 1 document(s)", UserWarning, "x.py", 1)
    _print_warning("invalid value encountered in divide", RuntimeWarning, "x.py", 1)
    assert capsys.readouterr().err.splitlines() == [
        "framing: warning: dropped 1 document(s)",
        "framing: warning: RuntimeWarning: invalid value encountered in divide"]


def test_date_format_option_reaches_hits_and_streamed_score(tmp_path, capsys):
    path = tmp_path / "d.csv"
    path.write_text("id,text,date\n1,A proxy war.,04.03.2022\n\n2,Peace talks.,05.03.2022\n",
                    encoding="utf-8")
    for command in ("hits", "score"):
        out = tmp_path / f"{command}.csv"
        assert main([command, str(path), "-o", str(out), "--quiet"]) == 2
        err = capsys.readouterr().err
        assert f"{path}:4: date '05.03.2022' does not say whether the day or the month " \
               "comes first; pass --date-format '%d.%m.%Y' (day first)" in err
        assert "On the command line" not in err
        assert main([command, str(path), "-o", str(out), "--quiet",
                     "--date-format", "%d.%m.%Y"]) == 0
    scores = read_table(tmp_path / "score.csv")
    assert sorted(set(scores["date"].dt.strftime("%F"))) == ["2022-03-04", "2022-03-05"]


def test_jobs_zero_is_refused_before_anything_is_written(tmp_path, capsys):
    for command in ("hits", "score"):
        out = tmp_path / "out.csv"
        with pytest.raises(SystemExit):
            main([command, "sample", "-o", str(out), "-j", "0"])
        assert ("argument -j/--jobs: 0 workers: use 1, 2, ..., or a negative number counting "
                "back from the cores (-1: every core, -2: every core but one)"
                in capsys.readouterr().err)
        assert list(tmp_path.iterdir()) == []
    out = tmp_path / "h.csv"
    assert main(["hits", "sample", "-o", str(out), "--quiet", "-j", "-500"]) == 0   # 1 worker


# ------------------------------------------------------------ outputs: nothing lost silently


@pytest.mark.parametrize("command", ["hits", "score"])
def test_an_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path, corpus_csv,
                                                                    capsys, command):
    before = corpus_csv.read_bytes()
    assert main([command, str(corpus_csv), "-o", str(corpus_csv), "--text", "body",
                 "--quiet", "--force"]) == 2
    assert (f"framing: error: {corpus_csv}: the output is the input file: writing it would "
            "destroy the input; choose another output file") in capsys.readouterr().err
    assert corpus_csv.read_bytes() == before


@pytest.mark.parametrize("command", ["hits", "score"])
def test_an_existing_output_is_replaced_only_with_force(tmp_path, corpus_csv, capsys, command):
    out = tmp_path / "out.csv"
    out.write_text("my own notes\n")
    args = [command, str(corpus_csv), "-o", str(out), "--text", "body", "--quiet"]
    assert main(args) == 2
    assert (f"framing: error: {out}: the output file exists; pass --force to replace it, or "
            "choose another file") in capsys.readouterr().err
    assert out.read_text() == "my own notes\n"
    assert main([*args, "--force"]) == 0
    assert out.read_text().startswith("doc_id,")


def test_compare_refuses_an_existing_output_and_a_table_that_is_not_scores(tmp_path,
                                                                            corpus_csv, capsys):
    hits, scores = tmp_path / "hits.parquet", tmp_path / "s.parquet"
    for command, out in (("hits", hits), ("score", scores)):
        assert main([command, str(corpus_csv), "-o", str(out), "--text", "body",
                     "--quiet"]) == 0
    assert main(["compare", str(hits)]) == 2
    assert (f"framing: error: {hits}: not a scores table (written by `framing score`): "
            "missing column(s) count, rate; a scores table has doc_id, frame, count")\
        in capsys.readouterr().err
    table = tmp_path / "t.csv"
    table.write_text("keep\n")
    assert main(["compare", str(scores), "-o", str(table), "--n-boot", "20"]) == 2
    assert table.read_text() == "keep\n"


def test_outputs_that_cannot_be_written_are_errors_without_traceback(tmp_path, corpus_csv,
                                                                      capsys):
    args = ["--text", "body", "--quiet"]
    assert main(["score", str(corpus_csv), "-o", str(corpus_csv / "s.parquet"), *args]) == 2
    assert (f"framing: error: {corpus_csv / 's.parquet'}: cannot write into {corpus_csv}: it "
            "is a file, not a folder") in capsys.readouterr().err
    assert main(["hits", str(corpus_csv), "-o", str(tmp_path), *args]) == 2
    assert f"framing: error: {tmp_path}: the output is a folder; give a file name" \
        in capsys.readouterr().err
    nested = tmp_path / "new" / "folder" / "hits.csv"
    assert main(["hits", str(corpus_csv), "-o", str(nested), *args]) == 0   # folders made
    assert nested.exists()
    capsys.readouterr()
    if Path("/proc/self").is_dir():                     # a folder no one may write to
        for command in ("hits", "score"):
            out = f"/proc/{command}.parquet"
            assert main([command, str(corpus_csv), "-o", out, *args]) == 2
            err = capsys.readouterr().err
            assert err.startswith("framing: error: /proc/") and "Traceback" not in err


def test_kwic_limit_must_be_positive(corpus_csv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["kwic", str(corpus_csv), "proxy*", "--text", "body", "-n", "0"])
    assert stop.value.code == 2
    assert "argument -n/--limit: must be 1 or more; got 0" in capsys.readouterr().err


def test_figures_group_by_the_corpus_own_name_of_the_source_column(tmp_path, corpus_csv):
    out = tmp_path / "figs"
    assert main(["figures", "--corpus", str(corpus_csv), "--text", "body", "--source", "outlet",
                 "--by", "outlet", "--only", "frame_heatmap", "--n-boot", "20", "--quiet",
                 "--out", str(out)]) == 0
    assert (out / "frame_heatmap.png").exists()
