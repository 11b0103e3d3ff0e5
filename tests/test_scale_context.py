"""Scoring at scale with context filters: streaming, worker processes and Dask count the same
hits as scoring in memory (each hit's context is read where the hit is found)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import framing as fr
from framing.errors import InputError
from framing.scale import stream_scores
from framing.score import score_corpus

FILTERS = [{"voice": "author"}, {"negated": False}, {"voice": ["quote", "scare_quote"]},
           {"voice": "author", "negated": True}]


@pytest.fixture(scope="module")
def sample():
    return fr.read_corpus("sample")


@pytest.fixture
def sample_jsonl(tmp_path, sample):
    path = tmp_path / "sample.jsonl"
    frame = sample.assign(date=sample["date"].dt.strftime("%Y-%m-%d"))
    frame.to_json(path, orient="records", lines=True, force_ascii=False)
    return path


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True),
                                  check_dtype=False)


def test_filters_change_the_counts(sample):
    """The filters are not no-ops on the sample corpus: each drops some hits."""
    total = score_corpus(sample, "ukraine_war", progress=False)["count"].sum()
    for where in FILTERS:
        kept = score_corpus(sample, "ukraine_war", progress=False, **where)["count"].sum()
        assert 0 < kept < total, where


@pytest.mark.parametrize("where", FILTERS)
@pytest.mark.parametrize("jobs", [1, 2])
def test_stream_with_filters_equals_in_memory(tmp_path, sample, sample_jsonl, where, jobs):
    result = stream_scores(sample_jsonl, "ukraine_war", tmp_path / "s.parquet", chunk_size=30,
                           n_jobs=jobs, progress=False, **where)
    assert (result.documents, result.chunks) == (len(sample), 5)
    want = score_corpus(sample, "ukraine_war", progress=False, **where)
    _same(pd.read_parquet(result.path), want)


def test_in_memory_workers_with_filters_equal_one_process(sample):
    one = score_corpus(sample, "ukraine_war", progress=False, voice="author", negated=False)
    two = score_corpus(sample, "ukraine_war", progress=False, voice="author", negated=False,
                       n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    hits_one = fr.find_hits(sample, "ukraine_war", progress=False)
    hits_two = fr.find_hits(sample, "ukraine_war", progress=False, n_jobs=2)
    pd.testing.assert_frame_equal(hits_one, hits_two)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"voice": "athor"}, r"The 'voice' parameter of stream_scores must be one of author, "
                         r"quote, scare_quote \(or a list of them\); got 'athor'\."),
    ({"voice": []}, r"The 'voice' parameter of stream_scores must be one of .*got \[\]\."),
    ({"negated": "no"}, r"The 'negated' parameter of stream_scores must be True, False or "
                        r"None; got 'no'\."),
])
def test_stream_filter_errors(tmp_path, sample_jsonl, kwargs, message):
    with pytest.raises(InputError, match=message):
        stream_scores(sample_jsonl, "ukraine_war", tmp_path / "s.parquet", **kwargs)
    assert not (tmp_path / "s.parquet").exists()
    assert not (tmp_path / "s.parquet.partial").exists()


def test_changed_filter_starts_over(tmp_path, sample, sample_jsonl, monkeypatch):
    import framing.scale as scale

    save = scale._save_chunk

    def failing(scores, chunk, partial, state, bar):
        if len(state["chunks"]) == 2:
            raise KeyboardInterrupt
        save(scores, chunk, partial, state, bar)

    out = tmp_path / "s.parquet"
    with monkeypatch.context() as m:
        m.setattr(scale, "_save_chunk", failing)
        with pytest.raises(KeyboardInterrupt):
            stream_scores(sample_jsonl, "ukraine_war", out, chunk_size=30, voice="author")
    state = json.loads((tmp_path / "s.parquet.partial" / "state.json").read_text())
    assert state["options"]["voice"] == ["author"] and len(state["chunks"]) == 2
    with pytest.warns(UserWarning, match=r"cannot resume the interrupted run: its options "
                                         r"differ \(voice\); starting over"):
        result = stream_scores(sample_jsonl, "ukraine_war", out, chunk_size=30, voice="quote")
    assert result.resumed == 0
    _same(pd.read_parquet(out), score_corpus(sample, "ukraine_war", progress=False,
                                             voice="quote"))


def test_cli_score_with_filters(tmp_path, sample, sample_jsonl, capsys):
    from framing.cli import main

    out = tmp_path / "s.parquet"
    assert main(["score", str(sample_jsonl), "-o", str(out), "--voice", "author",
                 "--voice", "scare_quote", "--negated", "no", "--quiet"]) == 0
    want = score_corpus(sample, "ukraine_war", progress=False,
                        voice=["author", "scare_quote"], negated=False)
    _same(pd.read_parquet(out), want)
    with pytest.raises(SystemExit):
        main(["score", str(sample_jsonl), "-o", str(out), "--voice", "narrator"])
    assert "invalid choice: 'narrator'" in capsys.readouterr().err


@pytest.mark.slow
def test_dask_with_filters_equals_in_memory(sample):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    from framing.scale import score_dask

    want = score_corpus(sample, "ukraine_war", progress=False, voice="author", negated=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        got = score_dask(dd.from_pandas(sample, npartitions=3), "ukraine_war",
                         voice="author", negated=False).compute()
    _same(got, want)


@pytest.mark.parametrize(("call", "name"), [
    (lambda c, **kw: score_corpus(c, "ukraine_war", progress=False, **kw), "score_corpus"),
    (lambda c, **kw: score_corpus(c, "ukraine_war", progress=False, n_jobs=2, **kw),
     "score_corpus"),
    (lambda c, **kw: fr.score_documents(fr.find_hits(c, "ukraine_war", progress=False), c,
                                        **kw), "score_documents"),
])
def test_in_memory_filter_errors_name_the_function(sample, call, name):
    with pytest.raises(InputError, match=rf"The 'voice' parameter of {name} must be one of "
                                         r"author, quote, scare_quote \(or a list of them\); "
                                         r"got 'Author'\."):
        call(sample.head(5), voice="Author")
    with pytest.raises(InputError, match=rf"The 'negated' parameter of {name} must be True, "
                                         r"False or None; got 1\."):
        call(sample.head(5), negated=1)
