"""Scale: the fast matcher against the reference, worker processes, streaming with resume,
and Dask. Every check here is about results, never about timing (see bench/ for speed)."""

from __future__ import annotations

import functools
import json
import re
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import framing as fr
from framing.context import context_settings
from framing.detect import (
    _detect_frame,
    _match_batch,
    _match_one,
    _tally_frame,
    compile_lexicon,
    find_hits,
)
from framing.errors import CorpusError, InputError
from framing.lexicon import parse_lexicon
from framing.scale import iter_corpus_chunks, stream_scores
from framing.score import _hit_matrices, score_corpus
from framing.text import (
    _cluster_re,
    _clusters,
    _codes,
    _fold_expansions,
    _word_bounds,
    fold,
    word_spans,
)
from tests.conftest import TINY_LEXICON, hypothesis_examples

# ---------------------------------------------------------------------------- fixtures

WORDS = {
    "en": "the US-led bloc wages a proxy war in Kiev and NATO's war goes on quietly".split(),
    "de": "der von den USA geführten Blocks Stellvertreterkrieg erreicht Kiew Straße".split(),
    "ru": "блок во главе с США ведёт прокси-войну в Киеве и опосредованной войны".split(),
}


def make_corpus(n: int, seed: int = 0) -> pd.DataFrame:
    """A small corpus in three languages with hits, typography and metadata."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        lang = ["en", "de", "ru"][i % 3]
        words = list(rng.choice(WORDS[lang], size=int(rng.integers(5, 40))))
        if i % 7 == 0:
            words.insert(1, "\u201eQuote\u201c")
        text = " ".join(words) + ". " + " ".join(rng.choice(WORDS[lang], size=6)) + "."
        rows.append({"doc_id": f"d{i}", "source": ["A", "B"][i % 2],
                     "date": f"2024-01-{1 + i % 28:02d}", "lang": lang, "text": text})
    return pd.DataFrame(rows)


@pytest.fixture
def lexicon():
    return parse_lexicon(TINY_LEXICON, path="tiny.yaml")


def write(df: pd.DataFrame, path, fmt: str):
    if fmt == "csv":
        df.to_csv(path, index=False)
    elif fmt == "jsonl":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        df.to_parquet(path, index=False, row_group_size=7)
    return path


def reference_scores(path, lexicon):
    return score_corpus(fr.read_corpus(path), lexicon, progress=False)


def same_scores(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True),
                                  check_dtype=False)


# ------------------------------------------------- fast matcher == reference matcher

TOKENS = st.sampled_from(["kiev", "Kiewer", "proxy", "war", "wars", "US", "us", "bloc",
                          "Straße", "strasse", "İstanbul", "Киеве", "ёлка", "елка", "NATO's",
                          "Кiев", "Kиev"])
PATTERNS = st.lists(TOKENS.map(lambda t: t.replace("'", "")), min_size=1, max_size=3).map(
    lambda ws: " ".join(ws)).flatmap(
    lambda p: st.sampled_from([p, p + "*", p.replace(" ", "-"), p[:3].rstrip(" -") + "*"]))
SEPARATORS = st.sampled_from([" ", " ", " ", " ", "", "-", ", ", "\n", "\n\n", " \u00ad",
                              "\u201e", "\u201c ", "\u0301 ", "'", "\u00a0", "\U0001F600",
                              "ß", "\x00"])
PIECES = st.one_of(st.tuples(TOKENS, SEPARATORS).map("".join), st.characters())
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@st.composite
def lexicons(draw):
    frames = {}
    for f in range(draw(st.integers(1, 3))):
        terms = draw(st.lists(PATTERNS, min_size=1, max_size=6, unique=True))
        weights = draw(st.lists(st.sampled_from([1.0, 1.0, 0.1, 0.7, 2.5, -1.3]),
                                min_size=len(terms), max_size=len(terms)))
        entry = [{"pattern": t, "weight": w, "case_sensitive": t.isupper()}
                 for t, w in zip(terms, weights)]
        frame = {"terms": {draw(st.sampled_from(["en", "de", "any"])): entry}}
        if draw(st.booleans()):
            frame["exclude"] = {"en": [draw(PATTERNS)]}
        frames[f"f{f}"] = frame
    return parse_lexicon(json.dumps({"name": "h", "frames": frames}), path="h.yaml")


@settings(max_examples=150, deadline=None)
@given(lexicons(), st.lists(st.tuples(TEXTS, st.sampled_from(["en", "de", "ru"])),
                            min_size=1, max_size=4))
def test_fast_matcher_equals_reference(lexicon, docs):
    compiled = compile_lexicon(lexicon)
    texts, langs = [t for t, _ in docs], [lg for _, lg in docs]
    rows, counts = _match_batch(texts, langs, compiled)
    for text, lang, got, n in zip(texts, langs, rows, counts):
        want, m = _match_one(text, lang, compiled)
        assert got == want
        assert n == (m if m is not None else len(word_spans(fr.normalize(text).text)))


@st.composite
def lexicon_and_texts(draw):
    """A lexicon and texts made of its own patterns (inflected, joined in every way the
    matcher allows or refuses), so that phrases, globs and overlaps are met often."""
    lexicon = draw(lexicons())
    patterns = [t.pattern for t in lexicon.terms(include_excludes=True)]
    pieces = st.one_of(
        st.sampled_from(patterns).flatmap(lambda p: st.tuples(
            st.just(p), st.sampled_from(["", "s", "er", "ß"]),
            st.sampled_from([" ", "-", "\n", " - ", ",", "\n\n"]))).map(
            lambda t: t[0].replace("*", t[1]).replace(" ", t[2])),
        TOKENS, SEPARATORS)
    texts = st.lists(pieces, max_size=12).map(" ".join)
    docs = draw(st.lists(st.tuples(texts, st.sampled_from(["en", "de", "ru"])), min_size=1,
                         max_size=4))
    return lexicon, docs


@settings(max_examples=150, deadline=None)
@given(lexicon_and_texts())
def test_fast_matcher_equals_reference_on_texts_made_of_patterns(case):
    lexicon, docs = case
    test_fast_matcher_equals_reference.hypothesis.inner_test(lexicon, docs)


@settings(max_examples=150, deadline=None)
@given(lexicon_and_texts())
def test_tally_equals_the_counts_of_the_hits_table(case):
    """Scoring counts hits without building the hits table; the counts and summed weights
    per document and frame are those of the hits table, for every text the matcher meets
    (also those that take the reference path, and languages the lexicon lacks)."""
    lexicon, docs = case
    compiled = compile_lexicon(lexicon)
    corpus = pd.DataFrame({"doc_id": [f"d{k}" for k in range(len(docs))],
                           "text": [t for t, _ in docs], "lang": [lg for _, lg in docs]})
    count, weight, tokens, missing = _tally_frame(compiled, corpus)
    hits, want_tokens, want_missing = _detect_frame(compiled, corpus, None, False)
    want_count, want_weight = _hit_matrices(hits, corpus["doc_id"], list(lexicon.frames))
    assert count.tolist() == want_count.tolist()
    assert weight.tolist() == want_weight.tolist()
    assert tokens.tolist() == want_tokens and missing == want_missing
    for k, doc_id in enumerate(corpus["doc_id"]):   # and the hits table's own sums
        mine = hits[hits["doc_id"] == doc_id]
        for f, frame in enumerate(lexicon.frames):
            assert count[k, f] == (mine["frame"] == frame).sum()
            assert weight[k, f] == pytest.approx(mine.loc[mine["frame"] == frame,
                                                          "weight"].sum())


def test_fast_matcher_on_the_shipped_lexicon_and_seed(shared_dir):
    text = (shared_dir / "seeds" / "rt_de_nato_troops.txt").read_text(encoding="utf-8")
    compiled = compile_lexicon("ukraine_war")
    texts = [text, text.upper(), text.replace("ss", "ß"), "İ" + text]
    rows, _ = _match_batch(texts, ["de"] * 4, compiled)
    assert rows == [_match_one(t, "de", compiled)[0] for t in texts]
    assert rows[0]


def resolve_reference(raw, entries, frame_order, n_globs):
    """The overlap rules as first written (quadratic): the reference for ``_resolve``."""
    by_frame, vetoes = {}, {}
    for i, j, e in raw:
        term = entries[e]
        (vetoes if term.exclude else by_frame).setdefault(term.frame, []).append((i, j, e))
    kept = []
    for frame, cands in by_frame.items():
        bans = vetoes.get(frame, [])
        cands = [c for c in cands if not any(c[0] < b[1] and b[0] < c[1] for b in bans)]
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], n_globs[c[2]], c[2]))
        taken = []
        for c in cands:
            if not any(c[0] < t[1] and t[0] < c[1] for t in taken):
                taken.append(c)
        kept.extend(taken)
    kept.sort(key=lambda c: (c[0], frame_order[entries[c[2]].frame], c[1]))
    return kept


@st.composite
def raw_matches(draw):
    from framing.lexicon import Term

    entries = [Term(pattern=f"p{k}", frame=draw(st.sampled_from("abc")), lang="en",
                    exclude=draw(st.booleans()) and k % 3 == 0) for k in range(8)]
    spans = draw(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 4),
                                    st.integers(0, 7)), max_size=25, unique=True))
    raw = list(dict.fromkeys((i, i + n, e) for i, n, e in spans))
    n_globs = [draw(st.integers(0, 2)) for _ in entries]
    return raw, entries, {"a": 0, "b": 1, "c": 2}, n_globs


@settings(max_examples=500, deadline=None)
@given(raw_matches())
def test_resolve_equals_the_quadratic_reference(case):
    from framing.detect import _resolve

    raw, entries, order, n_globs = case
    assert _resolve(raw, entries, order, n_globs) == resolve_reference(raw, entries, order,
                                                                       n_globs)


def test_resolve_is_linear_in_the_hits_of_one_document():
    from framing.detect import _resolve
    from framing.lexicon import Term

    entries = [Term(pattern="p", frame="a", lang="en")]
    raw = [(i, i + 1, 0) for i in range(0, 400_000, 2)]
    assert len(_resolve(raw, entries, {"a": 0}, [0])) == 200_000   # seconds, not hours


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_vectorized_word_bounds_equal_word_spans(text):
    starts, ends = _word_bounds(_codes(text))
    assert list(zip(starts.tolist(), ends.tolist())) == word_spans(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_cluster_scan_equals_the_original_regex(text):
    assert list(_clusters(text)) == [m.span() for m in _cluster_re().finditer(text)]


def test_folding_keeps_the_characters_between_words():
    """The fast matcher reads the gaps between words (space, hyphen, line breaks) in the
    case-folded text: no character outside words that survives normalization changes."""
    word = re.compile(r"[^\W_]")
    changed = [c for c in map(chr, range(0x10000))
               if not word.match(c) and c != "'" and fold(c) != c]
    assert changed and all(c not in fr.normalize(c).text for c in changed)


def test_mark_set_equals_the_mark_class():
    from framing.text import _MARKS, _MARKS_CLASS

    assert _MARKS == {c for c in map(chr, range(0x10000)) if re.match(f"[{_MARKS_CLASS}]", c)}


def test_no_character_beyond_the_bmp_folds_to_several():
    assert not [c for c in range(0x10000, 0x110000) if len(fold(chr(c))) > 1]
    pattern, safe = _fold_expansions()
    assert "ß" in safe and "İ" not in safe and pattern.search("İ")


# ------------------------------------------------------------------------- n_jobs


def test_n_jobs_two_equals_one(lexicon):
    corpus = fr.read_corpus(make_corpus(300))
    one = find_hits(corpus, lexicon, progress=False)
    two = find_hits(corpus, lexicon, progress=False, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    pd.testing.assert_frame_equal(score_corpus(corpus, lexicon, progress=False),
                                  score_corpus(corpus, lexicon, progress=False, n_jobs=2))


def test_one_process_works_in_pieces_that_move_the_progress_bar(lexicon, monkeypatch):
    """With one process a large corpus is detected in pieces of 16M characters, so that
    the progress bar moves; the tables are those of one piece."""
    import framing.detect as detect

    corpus = fr.read_corpus(make_corpus(200))
    whole = (find_hits(corpus, lexicon, progress=False),
             score_corpus(corpus, lexicon, progress=False))
    updates = []

    class Bar:
        def __init__(self, total, **kwargs):
            self.total = total

        def update(self, n):
            updates.append(n)

        def close(self):
            pass

    import tqdm.auto

    monkeypatch.setattr(tqdm.auto, "tqdm", Bar)
    monkeypatch.setattr(detect, "_ALONE_CHARS", 2000)
    pd.testing.assert_frame_equal(find_hits(corpus, lexicon, progress=True), whole[0])
    assert len(updates) > 5 and sum(updates) == 200
    updates.clear()
    pd.testing.assert_frame_equal(score_corpus(corpus, lexicon, progress=True), whole[1])
    assert len(updates) > 5 and sum(updates) == 200


def test_n_jobs_sends_pieces_when_workers_are_not_forked(lexicon, monkeypatch):
    """Forked workers read their pieces from the memory they share with this process;
    where workers are not forked (macOS, Windows, Python 3.14's default), the pieces are
    sent to them, with the same result."""
    import framing.detect as detect

    corpus = fr.read_corpus(make_corpus(120))
    forked = score_corpus(corpus, lexicon, progress=False, n_jobs=2)
    assert detect._SHARED == {}                     # released when the pool is done
    monkeypatch.setattr(detect, "_forks", lambda: False)
    sent = score_corpus(corpus, lexicon, progress=False, n_jobs=2)
    pd.testing.assert_frame_equal(forked, sent)
    pd.testing.assert_frame_equal(sent, score_corpus(corpus, lexicon, progress=False))


def test_a_compiled_lexicon_unpickles_as_the_one_a_process_has(lexicon):
    """Workers receive the actor lexicon with every piece (in the context settings); they
    must keep using their own copy, whose memos are warm, and get the same hits."""
    import pickle

    compiled = compile_lexicon(lexicon)
    assert pickle.loads(pickle.dumps(compiled)) is compiled
    settings = context_settings()
    again = pickle.loads(pickle.dumps(settings))
    assert again.actors is settings.actors
    import framing.detect as detect

    detect._CACHE.clear()                           # a process that has not seen it yet
    fresh = pickle.loads(pickle.dumps(compiled))
    assert fresh is not compiled and compile_lexicon(lexicon) is fresh
    assert fresh.entries == compiled.entries and fresh.frame_order == compiled.frame_order
    corpus = fr.read_corpus(make_corpus(30))
    pd.testing.assert_frame_equal(find_hits(corpus, fresh, progress=False),
                                  find_hits(corpus, compiled, progress=False))


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_corpus_table_repeating_a_doc_id_is_refused(lexicon, n_jobs):
    """A corpus table not read by read_corpus may repeat a doc_id; its documents would
    share their counts (the hits table knows documents by id only), so it is refused
    before any work, whatever the number of processes."""
    corpus = make_corpus(40)
    corpus.loc[[3, 4, 30], "doc_id"] = "shared"
    with pytest.raises(fr.CorpusError, match=r"row 5: duplicate doc_id 'shared' \(3 times, "
                                             r"rows 4, 5, 31\)"):
        score_corpus(corpus, lexicon, progress=False, n_jobs=n_jobs)
    with pytest.raises(fr.CorpusError, match="duplicate doc_id 'shared'"):
        find_hits(corpus, lexicon, progress=False, n_jobs=n_jobs)


def test_n_jobs_must_be_an_int(lexicon):
    corpus = fr.read_corpus(make_corpus(3))
    with pytest.raises(ValueError, match=r"n_jobs must be an int \(1, 2, \.\.\., or -1 for "
                                         r"every core\); got 'two'"):
        find_hits(corpus, lexicon, n_jobs="two")
    with pytest.raises(ValueError, match=r"n_jobs must be an int .*got 1\.5"):
        score_corpus(corpus, lexicon, n_jobs=1.5)


# ---------------------------------------------------------------------- streaming


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_stream_equals_in_memory(tmp_path, lexicon, fmt):
    path = write(make_corpus(60), tmp_path / f"c.{fmt}", fmt)
    result = stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=16)
    assert (result.documents, result.chunks, result.resumed, result.frames) == (60, 4, 0, 3)
    same_scores(pd.read_parquet(result.path), reference_scores(path, lexicon))
    assert not (tmp_path / "s.parquet.partial").exists()


@pytest.mark.parametrize("out", ["s.csv", "s.tsv", "s.jsonl"])
def test_stream_writes_every_table_format(tmp_path, lexicon, out):
    from framing.cli import read_table

    path = write(make_corpus(20), tmp_path / "c.jsonl", "jsonl")
    stream_scores(path, lexicon, tmp_path / out, chunk_size=8, n_jobs=2)
    same_scores(read_table(tmp_path / out), reference_scores(path, lexicon))


def test_iter_corpus_chunks_gives_the_corpus_in_chunks(tmp_path):
    path = write(make_corpus(10), tmp_path / "c.parquet", "parquet")
    chunks = list(iter_corpus_chunks(path, chunk_size=4))
    assert [len(c) for c in chunks] == [4, 4, 2]
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), fr.read_corpus(path))


def test_stream_numbers_rows_across_chunks_like_read_corpus(tmp_path, lexicon):
    path = tmp_path / "c.csv"
    make_corpus(9).drop(columns="doc_id").to_csv(path, index=False)
    result = stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=4)
    same_scores(pd.read_parquet(result.path), reference_scores(path, lexicon))


class Interrupt(Exception):
    pass


def interrupt_after(monkeypatch, n_chunks: int):
    """Make the run fail while saving chunk number ``n_chunks`` (0-based)."""
    import framing.scale as scale

    save = scale._save_chunk

    def failing(scores, chunk, partial, state, bar):
        if len(state["chunks"]) == n_chunks:
            raise Interrupt("simulated interruption")
        save(scores, chunk, partial, state, bar)

    monkeypatch.setattr(scale, "_save_chunk", failing)


def count_scored_chunks(monkeypatch) -> list:
    import framing.scale as scale

    seen, score = [], scale._score

    def counting(chunk, *args):
        seen.append(len(chunk.corpus))
        return score(chunk, *args)

    monkeypatch.setattr(scale, "_score", counting)
    return seen


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_resume_after_interruption(tmp_path, lexicon, monkeypatch, fmt):
    path = write(make_corpus(50), tmp_path / f"c.{fmt}", fmt)
    out = tmp_path / "s.parquet"
    with monkeypatch.context() as m:
        interrupt_after(m, 2)
        with pytest.raises(Interrupt):
            stream_scores(path, lexicon, out, chunk_size=10)
    assert not out.exists()
    partial = tmp_path / "s.parquet.partial"
    assert len(json.loads((partial / "state.json").read_text())["chunks"]) == 2
    scored = count_scored_chunks(monkeypatch)
    result = stream_scores(path, lexicon, out, chunk_size=10)
    assert (result.resumed, result.chunks, result.documents) == (2, 5, 50)
    assert scored == [10, 10, 10]                 # the two finished chunks were skipped
    same_scores(pd.read_parquet(out), reference_scores(path, lexicon))
    assert not partial.exists()


def test_parquet_with_one_big_row_group_resumes_inside_it(tmp_path, lexicon, monkeypatch):
    path = tmp_path / "c.parquet"
    make_corpus(40).to_parquet(path, index=False, row_group_size=1000)
    out = tmp_path / "s.parquet"
    with monkeypatch.context() as m:
        interrupt_after(m, 3)
        with pytest.raises(Interrupt):
            stream_scores(path, lexicon, out, chunk_size=7)
    result = stream_scores(path, lexicon, out, chunk_size=7)
    assert (result.resumed, result.chunks) == (3, 6)
    same_scores(pd.read_parquet(out), reference_scores(path, lexicon))


def test_interruption_never_leaves_a_half_written_output(tmp_path, lexicon, monkeypatch):
    path = write(make_corpus(30), tmp_path / "c.jsonl", "jsonl")
    out = tmp_path / "s.csv"
    out.write_text("the previous output\n")
    interrupt_after(monkeypatch, 1)
    with pytest.raises(Interrupt):
        stream_scores(path, lexicon, out, chunk_size=10)
    assert out.read_text() == "the previous output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "s.csv", "s.csv.partial"]
    assert not [p for p in (tmp_path / "s.csv.partial").iterdir() if p.suffix == ".tmp"]


def test_restart_ignores_the_interrupted_run(tmp_path, lexicon, monkeypatch):
    path = write(make_corpus(30), tmp_path / "c.jsonl", "jsonl")
    with monkeypatch.context() as m:
        interrupt_after(m, 2)
        with pytest.raises(Interrupt):
            stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=10)
    result = stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=10, resume=False)
    assert result.resumed == 0


@pytest.mark.parametrize("change, message", [
    ("input", r"cannot resume the interrupted run: the input .*c\.jsonl changed since then "
              r"\(size \d+ -> \d+ bytes\); starting over"),
    ("lexicon", r"cannot resume the interrupted run: it used lexicon 'tiny' version "
                r"2\+\w+, not 'tiny' version 2\+\w+; starting over"),
    ("options", r"cannot resume the interrupted run: its options differ \(chunk_size\); "
                r"starting over"),
])
def test_changed_input_or_lexicon_invalidates_resume(tmp_path, lexicon, monkeypatch, change,
                                                     message):
    corpus = make_corpus(30)
    path = write(corpus, tmp_path / "c.jsonl", "jsonl")
    with monkeypatch.context() as m:
        interrupt_after(m, 2)
        with pytest.raises(Interrupt):
            stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=10)
    size = 10
    if change == "input":
        write(pd.concat([corpus, make_corpus(1, seed=5).assign(doc_id="new")]), path, "jsonl")
    elif change == "lexicon":
        lexicon = parse_lexicon(TINY_LEXICON.replace('"Kiev"', '"Kiev", "Kyiv"'))
    else:
        size = 12
    with pytest.warns(UserWarning, match=message):
        result = stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=size)
    assert result.resumed == 0
    same_scores(pd.read_parquet(result.path), reference_scores(path, lexicon))


@pytest.mark.parametrize("fmt, where", [("jsonl", "c.jsonl:8"), ("csv", "c.csv:9"),
                                        ("parquet", "c.parquet: row 8")])
def test_duplicate_doc_id_across_chunks_is_reported_with_its_line(tmp_path, lexicon, fmt,
                                                                 where):
    corpus = make_corpus(10)
    corpus.loc[7, "doc_id"] = "d1"
    path = write(corpus, tmp_path / f"c.{fmt}", fmt)
    kind = "rows" if fmt == "parquet" else "lines"
    first = {"jsonl": 2, "csv": 3, "parquet": 2}[fmt]
    with pytest.raises(CorpusError, match=rf"{where}: duplicate doc_id 'd1' \(2 times, {kind} "
                                          rf"{first}, \d+; the first in an earlier chunk\)"):
        stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=4)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_chunk_problems_read_like_read_corpus(tmp_path, fmt):
    corpus = make_corpus(10)
    corpus.loc[6, "text"] = "  "
    corpus.loc[8, "date"] = "yesterday"
    path = write(corpus, tmp_path / f"c.{fmt}", fmt)
    with pytest.raises(CorpusError) as whole:
        fr.read_corpus(path)
    expected = [p for p in whole.value.problems if "text is empty" in p]
    with pytest.raises(CorpusError, match="text is empty") as streamed:
        list(iter_corpus_chunks(path, chunk_size=5))
    assert streamed.value.problems == whole.value.problems
    assert expected and expected[0] in str(streamed.value)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_invalid_bytes_are_reported_like_read_corpus(tmp_path, fmt):
    path = write(make_corpus(12), tmp_path / f"c.{fmt}", fmt)
    raw = path.read_bytes()
    cut = raw.index(b"\n", len(raw) * 2 // 3) + 5
    path.write_bytes(raw[:cut] + b"\xff" + raw[cut:])
    with pytest.raises(InputError) as whole:
        fr.read_corpus(path)
    message = str(whole.value)
    assert "bytes are not valid utf-8 at byte offset" in message
    with pytest.raises(InputError, match="bytes are not valid utf-8") as streamed:
        list(iter_corpus_chunks(path, chunk_size=3))
    assert str(streamed.value) == message


def test_empty_drop_warns_once_for_the_whole_corpus(tmp_path):
    corpus = make_corpus(12)
    corpus.loc[[1, 9], "text"] = ""
    path = write(corpus, tmp_path / "c.jsonl", "jsonl")
    with pytest.warns(UserWarning, match=r"c\.jsonl: dropped 2 document\(s\) with empty text"
                                         r" \(empty='drop'\)") as caught:
        chunks = list(iter_corpus_chunks(path, chunk_size=5, empty="drop"))
    assert len([w for w in caught if "dropped" in str(w.message)]) == 1
    assert sum(map(len, chunks)) == 10


@pytest.mark.parametrize("kwargs, error, message", [
    ({"chunk_size": 0}, InputError, "chunk_size must be a positive int; got 0"),
    ({"out": "s.xlsx"}, InputError, r"s\.xlsx: cannot write '\.xlsx'; use \.csv, \.tsv, "
                                    r"\.jsonl or \.parquet"),
    ({"path": "missing.jsonl"}, InputError, "missing.jsonl: no such file or folder"),
    ({"encoding": "utf-16"}, InputError, "streaming reads files in an ASCII-compatible "
                                         "encoding"),
])
def test_stream_errors(tmp_path, lexicon, monkeypatch, kwargs, error, message):
    monkeypatch.chdir(tmp_path)
    write(make_corpus(3), tmp_path / "c.jsonl", "jsonl")
    args = {"path": "c.jsonl", "out": "s.parquet", **kwargs}
    with pytest.raises(error, match=message):
        stream_scores(args.pop("path"), lexicon, args.pop("out"), **args)


def test_stream_warns_once_for_uncovered_languages(tmp_path, lexicon):
    corpus = make_corpus(12).assign(lang="fr")
    path = write(corpus, tmp_path / "c.jsonl", "jsonl")
    with pytest.warns(UserWarning, match=r"no patterns for language\(s\) fr \(12 documents\)"):
        stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=5)


def test_cli_score_streams_and_keeps_output_option(tmp_path, lexicon, capsys):
    from framing.cli import main

    path = write(make_corpus(25), tmp_path / "c.jsonl", "jsonl")
    (tmp_path / "tiny.yaml").write_text(TINY_LEXICON, encoding="utf-8")
    common = ["--lexicon", str(tmp_path / "tiny.yaml"), "--quiet", "--chunk-size", "10"]
    assert main(["score", str(path), "--out", str(tmp_path / "a.parquet"), *common]) == 0
    assert "25 articles x 3 frames ->" in capsys.readouterr().err
    assert main(["score", str(path), "-o", str(tmp_path / "b.parquet"), "-j", "2",
                 *common]) == 0
    same_scores(pd.read_parquet(tmp_path / "a.parquet"), pd.read_parquet(tmp_path / "b.parquet"))


# --------------------------------------------------------------------------------- Dask


@pytest.mark.slow
def test_dask_equals_in_memory(lexicon):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    from framing.scale import score_dask

    corpus = fr.read_corpus(make_corpus(80))
    want = score_corpus(corpus, lexicon, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        result = score_dask(dd.from_pandas(corpus, npartitions=4), lexicon)
        assert list(result.columns) == list(want.columns)
        got = result.compute()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want)


def test_dask_refuses_what_would_give_wrong_scores_and_names_the_partition(lexicon):
    dd = pytest.importorskip("dask.dataframe")
    from framing.scale import score_dask

    raw = make_corpus(12)
    with pytest.raises(fr.InputError, match=r"score_dask needs a doc_id column: without one, "
                       r"each partition would number its documents from 1 again"):
        score_dask(dd.from_pandas(raw.drop(columns="doc_id"), npartitions=3), lexicon)
    with pytest.raises(fr.InputError, match=r"ddf must be a dask DataFrame; got DataFrame "
                       r"\(for a table in memory, use framing.score_corpus\)"):
        score_dask(raw, lexicon)
    for per in (0, -5, "1000"):
        with pytest.raises(fr.InputError, match="per must be a positive number"):
            score_dask(dd.from_pandas(raw, npartitions=2), lexicon, per=per)
    # a partition that lacks a column the metadata declares
    parts = [dd.from_pandas(raw.iloc[:6], npartitions=1),
             dd.from_pandas(raw.iloc[6:].drop(columns="source"), npartitions=1)]
    broken = dd.from_delayed([p.to_delayed()[0] for p in parts], meta=parts[0]._meta,
                             verify_meta=False)
    with pytest.raises(fr.InputError, match=r"partition 1 of the Dask DataFrame lacks "
                       r"column\(s\) source, which its metadata declares"):
        score_dask(broken, lexicon).compute(scheduler="sync")


def test_dask_reads_categorical_ids_and_texts_as_in_memory(lexicon):
    dd = pytest.importorskip("dask.dataframe")
    from framing.scale import score_dask

    corpus = make_corpus(20)
    want = score_corpus(fr.read_corpus(corpus), lexicon, progress=False)
    cats = corpus.assign(doc_id=corpus["doc_id"].astype("category"),
                         text=corpus["text"].astype("category"))
    got = score_dask(dd.from_pandas(cats, npartitions=2), lexicon).compute(scheduler="sync")
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want)


@pytest.mark.parametrize("per", [0, -1, float("nan"), True])
def test_per_must_be_positive_everywhere(lexicon, per):
    corpus = fr.read_corpus(make_corpus(3))
    with pytest.raises(fr.InputError, match="per must be a positive number"):
        score_corpus(corpus, lexicon, per=per)
    hits = fr.find_hits(corpus, lexicon, progress=False)
    with pytest.raises(fr.InputError, match="per must be a positive number"):
        fr.score_documents(hits, corpus, per=per)


# ----------------------------------------------------------- sentences == plain Punkt


@functools.cache
def plain_punkt(lang):
    """NLTK's Punkt with nothing but the shipped abbreviations of ``lang``."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from framing.text import abbreviations

    params = PunktParameters()
    params.abbrev_types = set(abbreviations(lang or ""))
    return PunktSentenceTokenizer(params)


def reference_paragraphs(text):
    """Paragraphs as first written: the text between matches of the paragraph regex."""
    from framing.text import _PARA_BREAK

    out, pos = [], 0
    for m in _PARA_BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    return out + [(pos, len(text))] if pos < len(text) else out


def punkt_spans(text, lang):
    """The reference for ``sentence_spans``: plain Punkt on each paragraph's own string."""
    return [(pa + a, pa + b) for pa, pb in reference_paragraphs(text)
            for a, b in plain_punkt(lang).span_tokenize(text[pa:pb])]


# Pieces meant to meet every rule of Punkt: abbreviations (also after a hyphen), initials,
# numbers, ellipses, quotes and brackets before and after an end, runs of end marks, every
# kind of white space (U+001C-U+001F are white space to str.strip and re, not to regex),
# line and paragraph breaks, and Punkt's own "##number##" type.
SENTENCE_PIECES = st.one_of(
    st.sampled_from([
        "Dr.", "dr.", "Ex-Dr.", "ex-dr.", "Ex-Mr.", "(Dr.", "\u201eDr.", "x?!y", "z.B.", "U.S.",
        "e.g.", "т.е.", "г.", "Mr.", "No.", "A.", "J.", "é.", "İ.", "中.", "5.", "12.3.", "-5.",
        ",5.", "٣.",
        "##NUMBER##.", "word.", "Word.", "wie?", "so!", "and...", "x.", "ab.", "a..", "...",
        ". . .", ". .", "!!!", "?!", "!?", ".”", ".)", ".\"", ")", "(", "--", "-", "“Quote.”",
        "«Zitat».", "„Zitat“.", "‘x’.", "(text).", "end.)", "end.”", "Kiew.", "Straße.",
        "one-two.", "it's.", "said:", ";", ",", ":", "'", '"', "“", "”", "«", "»", "„", "[",
        "]", "{", "}", "*", "@", "Next", "next", "NATO", "ǅx", "\u00ad", " ", "  ", "\t",
        "\n", "\n\n", "\n \n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1f", "\x85",
        "\xa0", "\u2028", "\u3000", "\n\x1c", "\x1c\x1d",
    ]),
    st.text(alphabet="aB5. ?!\n\t\x0b\x1c\"')(-,;:“”«»„[]*\xa0İ中", max_size=5),
    st.characters(),
)
SENTENCE_TEXTS = st.tuples(st.lists(SENTENCE_PIECES, max_size=30),
                           st.sampled_from([" ", " ", " ", "", "\n"])).map(
    lambda t: t[1].join(t[0]))
LANGS = st.sampled_from(["en", "de", "ru", "fr", None])


@settings(max_examples=hypothesis_examples(400), deadline=None)
@given(SENTENCE_TEXTS, LANGS)
@example("Hello world.\n\x1c Next one.", "en")     # a next "token" Punkt drops as blank
@example("Very bad acting!!! I promise?! Yes.", "en")
@example(" a. B. Ex-Dr. Roth (Sent1.) Sent2. \u201cQuote.\u201d Then.", "de")
@example("Er kam mit (Dr. Roth) und \u201eDr. Roth\u201c. So?! Dr. so?! Ja. 5. so?!x", "de")
@example("Er kam mit Dr. Roth.) Dann J. so.\u201d Ende. Wer a?--b\tJ. Bach kam.", "de")
def test_sentence_shortcut_equals_plain_punkt(text, lang):
    from framing.text import sentence_spans

    assert sentence_spans(text, lang) == punkt_spans(text, lang)


@settings(max_examples=hypothesis_examples(300), deadline=None)
@given(SENTENCE_TEXTS)
def test_sentence_paragraphs_equal_the_paragraph_regex(text):
    from framing.text import _paragraphs

    assert _paragraphs(text) == reference_paragraphs(text)
    assert _paragraphs(text.replace("\r", "")) == reference_paragraphs(text.replace("\r", ""))


@settings(max_examples=hypothesis_examples(400), deadline=None)
@given(SENTENCE_TEXTS, LANGS)
def test_sentence_break_rules_equal_punkt_text_contains_sentbreak(text, lang):
    """Punkt's break decision for any string, not only the contexts sentence_spans makes."""
    from framing.text import _contains_break, _punkt_rules

    assert _contains_break(text, _punkt_rules(lang or "")) == \
        plain_punkt(lang).text_contains_sentbreak(text)


@settings(max_examples=hypothesis_examples(300), deadline=None)
@given(SENTENCE_TEXTS)
def test_sentence_candidates_of_re_equal_regex_without_information_separators(text):
    from framing.text import _INFO_SEPARATORS, _punkt_rules

    rules = _punkt_rules("en")
    text = text.translate({ord(c): " " for c in _INFO_SEPARATORS})
    want = [m.regs for m in rules.period.finditer(text)]
    assert [m.regs for m in rules.period_re.finditer(text)] == want
    if "?" not in text and "!" not in text:
        assert [m.regs for m in rules.period_dot.finditer(text)] == want


def test_sentence_white_space_of_re_and_regex_differs_in_information_separators():
    import regex

    from framing.text import _INFO_SEPARATORS

    every = "".join(map(chr, range(0x110000)))
    for pattern in (r"\s", r"\S"):
        by_re = {m.start() for m in re.finditer(pattern, every)}
        by_regex = {m.start() for m in regex.finditer(pattern, every)}
        assert "".join(map(chr, sorted(by_re ^ by_regex))) == _INFO_SEPARATORS


def test_sentence_spans_equal_plain_punkt_on_the_sample_corpus():
    from framing.text import sentence_spans

    corpus = fr.read_corpus("sample")
    differ = [doc for doc, text, lang in zip(corpus.doc_id, corpus.text, corpus.lang)
              if sentence_spans(text, lang) != punkt_spans(text, lang)]
    assert len(corpus) >= 100 and not differ


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["rt_vs_western_2022",
                                    "sputnik_vs_kyivindependent_headlines_2025",
                                    "ukraina_ru_headlines_2014_2025"])
def test_sentence_spans_equal_plain_punkt_on_real_corpora(shared_dir, folder):
    from framing.text import sentence_spans

    paths = sorted(p for p in (shared_dir / "corpora" / folder).glob("*")
                   if p.suffix in (".jsonl", ".csv"))
    if not paths:
        pytest.skip(f"../shared/corpora/{folder} is not present")
    checked = 0
    for path in paths:
        table = pd.read_json(path, lines=True) if path.suffix == ".jsonl" else pd.read_csv(path)
        for column in ("title", "text"):
            for row, text, lang in zip(table.index, table[column], table["lang"]):
                if isinstance(text, str) and text:
                    assert sentence_spans(text, lang) == punkt_spans(text, lang), \
                        f"{path.name} row {row} {column}"
                    checked += 1
    assert checked > 1000


# ------------------------------------------------------------ JSON records -> chunk table

_VALUES = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["2022-03-01", "en", "",
                                                                      " ", "de"]))


@given(st.lists(st.fixed_dictionaries(
    {"doc_id": st.text(min_size=1, max_size=6)},
    optional={"source": _VALUES, "date": st.sampled_from([None, "2022-03-01", "2024-02-29"]),
              "lang": st.sampled_from([None, "en", "de", "ru"]), "title": _VALUES,
              "text": st.text(min_size=1, max_size=30), "extra": _VALUES}),
    min_size=1, max_size=8))
@settings(max_examples=hypothesis_examples(150), deadline=None)
@pytest.mark.filterwarnings("ignore:.*dropped .* with empty text")
def test_records_of_text_read_as_pandas_would_infer_them(records):
    """A chunk of JSON records whose values are all text or null is built without pandas'
    per-column inference; after validation it is the table the inference gives."""
    from framing.corpus import validate_corpus
    from framing.scale import _records_frame

    records = [{**r, "text": r.get("text", "x") or "x"} for r in records]
    fast = _records_frame(records, "text")
    slow = pd.DataFrame.from_records(records, exclude=["text"])
    slow.insert(list(fast.columns).index("text"), "text",
                pd.Series([r["text"] for r in records], dtype=object))
    outcomes = []
    for table in (fast, slow):
        try:
            outcomes.append(validate_corpus(table, infer_lang=False, empty="drop"))
        except CorpusError as exc:
            outcomes.append(str(exc))
    assert all(dtype == np.dtype(object) for dtype in fast.dtypes)     # the fast path ran
    if isinstance(outcomes[0], str):
        assert outcomes[0] == outcomes[1]
    else:
        want = outcomes[1]
        got = outcomes[0][want.columns]
        for col in ("doc_id", "source", "date", "lang", "title", "text"):
            if col in want.columns:
                pd.testing.assert_series_equal(got[col], want[col])


def test_records_with_other_values_keep_pandas_inference():
    from framing.scale import _records_frame

    records = [{"doc_id": 1, "text": "a", "source": 5}, {"doc_id": 2, "text": "b"}]
    table = _records_frame(records, "text")
    assert table["doc_id"].dtype == np.int64 and table["source"].dtype == np.float64
    assert table["text"].dtype == object
    text_only = _records_frame([{"doc_id": "a", "text": "x", "source": None}], "text")
    assert all(dtype == np.dtype(object) for dtype in text_only.dtypes)


# ------------------------------------------- streaming reports problems as read_corpus does


def problem_of(read, path, **options):
    """The message of the error that reading ``path`` raises (``read``: read_corpus, or
    the whole stream of chunks)."""
    with pytest.raises(InputError) as info:
        if read == "stream":
            list(iter_corpus_chunks(path, chunk_size=2, infer_lang=False, **options))
        else:
            fr.read_corpus(path, infer_lang=False, **options)
    return str(info.value)


def both(path, **options) -> str:
    """The message of read_corpus, checked to be the streaming reader's too."""
    whole = problem_of("read_corpus", path, **options)
    assert problem_of("stream", path, **options) == whole
    return whole


def test_csv_fields_longer_than_128_kib_stream(tmp_path, lexicon):
    path = tmp_path / "c.csv"
    path.write_text('id,lang,text\n1,en,"' + "proxy war " * 20_000 + '"\n2,en,\n',
                    encoding="utf-8")
    assert both(path).splitlines()[1] == f"  {path}:3: text is empty"
    path.write_text('id,lang,text\n1,en,"' + "proxy war " * 20_000 + '"\n2,en,a\n',
                    encoding="utf-8")
    result = stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=1)
    same_scores(pd.read_parquet(result.path), reference_scores(path, lexicon))


@pytest.mark.parametrize("content, line", [
    ("doc_id,text\n1,a\n   \n2,\n", 4),                            # a line of spaces
    ("\n  \ndoc_id,text\n1,a\n \t \n\n2,\n", 7),                    # before the header too
    ('doc_id,text\n1,"a\n   \nb"\n   \n2,\n', 6),                   # spaces inside quotes count
    ("doc_id,text\r1,a\r   \r2,\r", 4),                             # old Mac line breaks
    ("doc_id,text\r\n1,a\r\n\r\n2,\r\n", 4),
])
def test_blank_and_space_lines_keep_csv_line_numbers_when_streaming(tmp_path, content, line):
    path = tmp_path / "ws.csv"
    path.write_bytes(content.encode())
    assert both(path) == (f"1 problem in corpus {path}:\n  {path}:{line}: text is empty\n"
                          "To skip the documents with empty text, pass empty='drop' (on the "
                          "command line: --drop-empty).")


QUOTE_MISSING = ("a quoted field starts here and its closing '\"' is missing, so the rest of "
                 "the file would be read as one field; add the closing quote (a quote inside "
                 "a quoted field is written twice: \"\")")


@pytest.mark.parametrize("content, where, message", [
    ('id,text\n1,"multi\nline"\n2,b,c\n', ":4", "malformed CSV: this record has 3 fields, "
     "but the header has 2; a field that holds commas must be quoted (\"...\")"),
    ("id,text\n1,2,3\n4,5,6\n", ":2", "malformed CSV: this record has 3 fields, but the "
     "header has 2; a field that holds commas must be quoted (\"...\")"),
    ('id,text\n' + "".join(f'{i},"a\nb"\n' for i in range(1, 8)) + '8,"x" y,z\n', ":16",
     "malformed CSV: this record has 3 fields, but the header has 2; a field that holds "
     "commas must be quoted (\"...\")"),
    ('id,text\n1,a\n2,"b\n3,c\n', ":3:3", f"malformed CSV: {QUOTE_MISSING}"),
    ('id,text\n1,"a ""quoted"" word\nover lines",x\n2,"open\n', ":4:3",
     f"malformed CSV: {QUOTE_MISSING}"),
    ('id,text\n1,"one\ntwo"\n2,"the file is cut o', ":4:3", "malformed CSV: the file ends "
     "inside a quoted field that starts at line 4, column 3 (is the file truncated?); if the "
     "file is complete, the field's closing '\"' is missing: add it (a quote inside a quoted "
     "field is written twice: \"\")"),
])
def test_malformed_csv_streams_with_the_message_of_read_corpus(tmp_path, content, where,
                                                                message):
    path = tmp_path / "c.csv"
    path.write_text(content, encoding="utf-8")
    assert both(path) == f"{path}{where}: {message}"


def test_a_csv_cut_inside_a_quoted_field_says_where_it_starts(tmp_path):
    corpus = make_corpus(40).assign(text=lambda d: d["text"] + '\n\nHe said: "no".')
    path = write(corpus, tmp_path / "good.csv", "csv")
    raw = path.read_bytes()
    cut = tmp_path / "trunc.csv"
    cut.write_bytes(raw[:raw.index(b"He said", len(raw) // 2) + 4])
    text = cut.read_text(encoding="utf-8")
    start = text.rindex("\nd") + 1                 # the last record, cut off, starts here
    line = text.count("\n", 0, start) + 1
    column = text.index(',"', start) + 2 - start
    assert both(cut) == (
        f"{cut}:{line}:{column}: malformed CSV: the file ends inside a quoted field that "
        f"starts at line {line}, column {column} (is the file truncated?); if the file is "
        "complete, the field's closing '\"' is missing: add it (a quote inside a quoted field "
        "is written twice: \"\")")


@pytest.mark.parametrize("content, where, message", [
    ('{"doc_id": "a", "text": "x"}\n{"doc_id": "b", "text": "cut o', ":2:25",
     "invalid JSON: the file ends inside a string that starts here; is the file truncated?"),
    ('{"doc_id": "a", "text": "x"}\n{"doc_id": "b", "text": "cut o\n{"doc_id": "c"}\n',
     ":2:25", "invalid JSON: a string starts here and is not closed before the end of the "
     "line (its closing '\"' is missing)"),
    ('{"doc_id": "a", "text": "x"}\r\n{"doc_id": "b", "text": "cut o\r\n', ":2:25",
     "invalid JSON: a string starts here and is not closed before the end of the line (its "
     "closing '\"' is missing)"),
    ('{"doc_id": "a", "text": "x"}\n{"doc_id": "b",', ":2:16", "invalid JSON: the file ends "
     "in the middle of a JSON record (expecting property name enclosed in double quotes); is "
     "the file truncated?"),
    ('{"doc_id": "a", "text": "x"} {"doc_id": "b"}\n', ":1:30", "invalid JSON: more text "
     "after the end of the JSON object; each line must hold exactly one object"),
    ('{"doc_id": "a", "text": "tab\tinside"}\n', ":1:29", "invalid JSON: a tab or line break "
     "here, inside a string, must be written escaped (\\t, \\n)"),
    ('{"text": "a"}\n{"text": "b",}\n', ":2:14", "invalid JSON: Expecting property name "
     "enclosed in double quotes"),
])
def test_broken_jsonl_lines_give_one_whole_sentence_in_both_readers(tmp_path, content, where,
                                                                    message):
    path = tmp_path / "c.jsonl"
    path.write_bytes(content.encode())
    assert both(path) == f"{path}{where}: {message}"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_file_cut_inside_a_character_says_so_in_both_readers(tmp_path, fmt):
    corpus = make_corpus(30)
    path = write(corpus, tmp_path / f"c.{fmt}", fmt)
    raw = path.read_bytes()
    at = raw.index("\u201e".encode(), len(raw) // 2)         # a three-byte character
    path.write_bytes(raw[:at + 2])
    line = raw.count(b"\n", 0, at) + 1
    column = at - raw.rfind(b"\n", 0, at)
    assert both(path) == (
        f"{path}:{line}:{column}: the file ends in the middle of a character: its last 2 bytes "
        f"(0xe2 0x80, at byte offset {at}) begin a utf-8 character that is never completed; "
        "is the file truncated?")
    path.write_bytes(raw[:at + 1])
    assert "its last byte (0xe2, at byte offset" in both(path)


def test_iter_corpus_chunks_takes_date_format(tmp_path):
    path = tmp_path / "c.csv"
    make_corpus(7).assign(date="04.03.2022").to_csv(path, index=False)
    chunks = list(iter_corpus_chunks(path, chunk_size=3, date_format="%d.%m.%Y"))
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True),
                                  fr.read_corpus(path, date_format="%d.%m.%Y"))
    assert set(chunks[0]["date"]) == {pd.Timestamp("2022-03-04", tz="UTC")}
    with pytest.raises(CorpusError) as info:
        list(iter_corpus_chunks(path, chunk_size=3))
    assert info.value.problems[0] == (
        f"{path}:2: date '04.03.2022' does not say whether the day or the month comes first; "
        "pass date_format='%d.%m.%Y' (day first) or '%m.%d.%Y' (month first), or write dates "
        "as ISO 8601 (YYYY-MM-DD)")
    with pytest.raises(InputError, match=r"^date_format must be a strptime format such as "
                                         r"'%d\.%m\.%Y' or '%m/%d/%Y'; got 'DD\.MM\.YYYY'\.$"):
        next(iter_corpus_chunks(path, date_format="DD.MM.YYYY"))


# --------------------------------------------- what a failed run leaves behind, and says


@pytest.mark.parametrize("kwargs, message", [
    ({"n_jobs": 0}, r"n_jobs"),
    ({"per": 0}, r"^per must be a positive number \(rates are hits per `per` tokens\); "
                 r"got 0\.$"),
    ({"voice": "narrator"}, r"The 'voice' parameter of stream_scores must be one of"),
    ({"empty": "skip"}, r"^empty must be 'error' or 'drop'; got 'skip'\.$"),
    ({"date_format": "DD.MM.YYYY"}, r"^date_format must be a strptime format"),
    ({"resume": "yes"}, r"^resume must be True or False; got 'yes'\.$"),
    ({"chunk_size": 0}, r"chunk_size must be a positive int; got 0"),
])
def test_bad_arguments_leave_nothing_behind(tmp_path, lexicon, kwargs, message):
    path = write(make_corpus(5), tmp_path / "c.jsonl", "jsonl")
    with pytest.raises(InputError, match=message):
        stream_scores(path, lexicon, tmp_path / "s.parquet", **kwargs)
    assert [p.name for p in tmp_path.iterdir()] == ["c.jsonl"]


def test_a_file_that_is_not_parquet_leaves_nothing_behind(tmp_path, lexicon):
    path = tmp_path / "c.parquet"
    path.write_text("not parquet", encoding="utf-8")
    with pytest.raises(InputError) as info:
        stream_scores(path, lexicon, tmp_path / "s.parquet")
    assert str(info.value).startswith(f"{path}: cannot read as Parquet: ")
    assert [p.name for p in tmp_path.iterdir()] == ["c.parquet"]


@pytest.mark.parametrize("n_jobs, done", [
    (1, "the 2 chunks (20 documents) scored before this problem were"),
    # with workers, the second chunk was still being scored when the third failed
    (2, "the 1 chunk (10 documents) scored before this problem was"),
])
def test_a_data_error_discards_the_chunks_and_says_nothing_was_written(tmp_path, lexicon,
                                                                      n_jobs, done):
    corpus = make_corpus(30)
    corpus.loc[24, "text"] = " "
    path = write(corpus, tmp_path / "c.jsonl", "jsonl")
    out = tmp_path / "s.parquet"
    out.write_bytes(b"an earlier output")
    with pytest.raises(CorpusError) as info:
        stream_scores(path, lexicon, out, chunk_size=10, n_jobs=n_jobs)
    assert str(info.value).splitlines() == [
        f"1 problem in corpus {path}:",
        f"  {path}:25: text is empty",
        f"Nothing was written to {out}; {done} discarded, since a corrected input is scored "
        "from the start.",
        "To skip the documents with empty text, pass empty='drop' (on the command line: "
        "--drop-empty)."]
    assert info.value.problems == [f"{path}:25: text is empty"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "s.parquet"]
    assert out.read_bytes() == b"an earlier output"
    corpus.loc[24, "text"] = "Fixed."
    write(corpus, path, "jsonl")
    with warnings.catch_warnings():
        warnings.simplefilter("error")          # no "cannot resume the interrupted run"
        result = stream_scores(path, lexicon, out, chunk_size=10, n_jobs=n_jobs)
    assert (result.resumed, result.chunks) == (0, 3)


def test_an_input_error_in_the_first_chunk_says_nothing_was_written(tmp_path, lexicon):
    path = tmp_path / "c.jsonl"
    path.write_text('{"doc_id": "a", "text": "x"}\n{"doc_id": "b", "text": "cut o',
                    encoding="utf-8")
    out = tmp_path / "s.parquet"
    with pytest.raises(InputError) as info:
        stream_scores(path, lexicon, out)
    assert str(info.value) == (f"{path}:2:25: invalid JSON: the file ends inside a string "
                               "that starts here; is the file truncated?\n"
                               f"Nothing was written to {out}.")
    assert (info.value.line, info.value.column) == (2, 25)
    assert [p.name for p in tmp_path.iterdir()] == ["c.jsonl"]


def test_a_state_of_an_earlier_version_is_not_resumed(tmp_path, lexicon, monkeypatch):
    path = write(make_corpus(30), tmp_path / "c.jsonl", "jsonl")
    out = tmp_path / "s.parquet"
    with monkeypatch.context() as m:
        interrupt_after(m, 2)
        with pytest.raises(Interrupt):
            stream_scores(path, lexicon, out, chunk_size=10)
    state = tmp_path / "s.parquet.partial" / "state.json"
    state.write_text(state.read_text().replace('"version": 2', '"version": 1'))
    with pytest.warns(UserWarning, match=r"cannot resume the interrupted run: it was written "
                                         r"by another version of framing; starting over"):
        result = stream_scores(path, lexicon, out, chunk_size=10)
    assert result.resumed == 0


# ------------------------------------------------------- the corpus's own columns are kept


def corpus_with_metadata(n: int) -> pd.DataFrame:
    corpus = make_corpus(n)
    corpus.insert(1, "bloc", ["russian_state", "western"] * (n // 2) + ["western"] * (n % 2))
    corpus["url"] = [f"https://example.org/{i}" for i in range(n)]
    corpus["title"] = [f"Title {i}" for i in range(n)]
    corpus["words"] = np.arange(n) * 10
    corpus["count"] = np.arange(n)                 # a name the scores table uses
    return corpus


KEPT = ["doc_id", "frame", "count", "weight", "rate", "n_tokens", "lexicon",
        "lexicon_version", "source", "date", "lang", "title", "url", "bloc", "words",
        "count_original"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_stream_keeps_the_corpus_columns_like_in_memory(tmp_path, lexicon, fmt):
    path = write(corpus_with_metadata(30), tmp_path / f"c.{fmt}", fmt)
    result = stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=8, n_jobs=2)
    got = pd.read_parquet(result.path)
    want = reference_scores(path, lexicon)
    assert list(got.columns) == list(want.columns) == KEPT
    same_scores(got, want)
    assert got.loc[got["doc_id"] == "d3", "bloc"].unique().tolist() == ["western"]
    table = fr.compare_groups(got, by="bloc", n_boot=50)
    assert sorted(set(table["group"])) == ["russian_state", "western"]


def test_resume_keeps_the_corpus_columns(tmp_path, lexicon, monkeypatch):
    path = write(corpus_with_metadata(40), tmp_path / "c.jsonl", "jsonl")
    out = tmp_path / "s.csv"
    with monkeypatch.context() as m:
        interrupt_after(m, 2)
        with pytest.raises(Interrupt):
            stream_scores(path, lexicon, out, chunk_size=10)
    result = stream_scores(path, lexicon, out, chunk_size=10)
    assert result.resumed == 2
    from framing.cli import read_table

    got = read_table(out)
    assert list(got.columns) == KEPT
    same_scores(got, reference_scores(path, lexicon))


def test_jsonl_keys_of_later_chunks_and_mixed_types_are_kept(tmp_path, lexicon):
    records = [{"doc_id": f"d{i}", "lang": "en", "text": "A proxy war."} for i in range(6)]
    records[1]["page"] = 3                        # a number in the first chunk
    records[4]["page"] = "iv"                     # text in the second
    records[5]["url"] = "https://example.org/5"   # a column only the last chunk has
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = stream_scores(path, lexicon, tmp_path / "s.parquet", chunk_size=3)
    got = pd.read_parquet(result.path)
    assert list(got.columns)[8:] == ["lang", "url", "page"]
    per_doc = got.drop_duplicates("doc_id").set_index("doc_id")
    assert per_doc["page"].fillna("-").tolist() == ["-", "3", "-", "-", "iv", "-"]
    assert per_doc["url"].fillna("-").tolist() == ["-"] * 5 + ["https://example.org/5"]
