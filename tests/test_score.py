"""Scores: document x frame counts, weights, rates, zero rows, filters, errors."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.detect import find_hits
from framing.errors import InputError
from framing.lexicon import parse_lexicon
from framing.schema import SCORES_COLUMNS
from framing.score import count_tokens, score_corpus, score_documents


def test_scores_keep_zero_rows_and_metadata(tiny_lexicon, tiny_corpus):
    hits = find_hits(tiny_corpus, tiny_lexicon)
    scores = score_documents(hits, tiny_corpus)
    assert len(scores) == len(tiny_corpus) * len(tiny_lexicon.frames)
    assert list(scores.columns[: len(SCORES_COLUMNS)]) == list(SCORES_COLUMNS)
    assert {"source", "date", "lang"} <= set(scores.columns)
    row = scores.set_index(["doc_id", "frame"])
    assert row.loc[("en1", "bloc"), "count"] == 1
    assert row.loc[("en1", "naming"), "count"] == 1
    assert row.loc[("en2", "proxy_war"), "count"] == 0
    assert row.loc[("en2", "proxy_war"), "rate"] == 0.0
    n = row.loc[("en1", "bloc"), "n_tokens"]
    assert n == 10  # The US led bloc fights a proxy war in Kiev
    assert row.loc[("en1", "bloc"), "rate"] == pytest.approx(1000 / 10)
    assert set(scores["lexicon_version"]) == {tiny_lexicon.version_id}


def test_weights_are_summed():
    lex = parse_lexicon("name: w\nframes:\n  a:\n    terms:\n      en:\n"
                        "        - {pattern: foo, weight: 2.5}\n        - bar\n")
    corpus = pd.DataFrame({"doc_id": ["d"], "lang": ["en"], "text": ["foo bar foo"]})
    scores = score_documents(find_hits(corpus, lex), corpus)
    assert scores[["count", "weight", "n_tokens"]].values.tolist() == [[3, 6.0, 3]]


def test_score_corpus_equals_two_steps(tiny_lexicon, tiny_corpus):
    one = score_corpus(tiny_corpus, tiny_lexicon)
    two = score_documents(find_hits(tiny_corpus, tiny_lexicon), tiny_corpus)
    pd.testing.assert_frame_equal(one, two)


def test_frames_without_hits_keep_zero_rows_via_lexicon(tiny_lexicon):
    corpus = pd.DataFrame({"doc_id": ["x"], "lang": ["en"], "text": ["nothing here"]})
    hits = find_hits(corpus, tiny_lexicon)
    hits.attrs.clear()
    scores = score_documents(hits, corpus, lexicon=tiny_lexicon)
    assert scores["frame"].tolist() == ["proxy_war", "bloc", "naming"]
    assert scores["count"].sum() == 0


def test_count_tokens_matches_detection_tokens():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["NATO's US-led bloc.", ""]})
    assert count_tokens(corpus).tolist() == [4, 0]


def test_context_filters(tiny_lexicon):
    corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"], "text": [
        'The US-led bloc is waging a proxy war, he said. There is no "proxy war" here.']})
    everything = score_corpus(corpus, tiny_lexicon).set_index("frame")
    own = score_corpus(corpus, tiny_lexicon, voice="author").set_index("frame")
    assert everything.loc["proxy_war", "count"] == 2
    assert own.loc["proxy_war", "count"] == 1
    assert own.loc["bloc", "count"] == 1


def test_errors(tiny_lexicon, tiny_corpus):
    hits = find_hits(tiny_corpus, tiny_lexicon, context=False)
    with pytest.raises(InputError, match=r"1 doc_id\(s\) in hits are not in the corpus "
                                         r"\(first: 'de1'\)"):
        score_documents(hits, tiny_corpus[tiny_corpus.doc_id != "de1"])
    with pytest.raises(InputError, match="cannot filter hits by voice=: the hits table has "
                                         "no 'voice' column"):
        score_documents(hits.drop(columns=[c for c in ("voice",) if c in hits]), tiny_corpus,
                        voice="author")
    with pytest.raises(InputError, match="hits is not a hits table: missing column"):
        score_documents(pd.DataFrame({"x": [1]}), tiny_corpus)
    with pytest.raises(InputError, match=r"n_tokens has no count for 3 document\(s\)"):
        score_documents(hits, tiny_corpus, n_tokens=pd.Series({"en1": 3}))


def test_score_corpus_checks_its_arguments(tiny_lexicon, tiny_corpus):
    from framing.errors import CorpusError

    doubled = pd.concat([tiny_corpus, tiny_corpus.iloc[[0]]], ignore_index=True)
    with pytest.raises(CorpusError) as info:
        score_corpus(doubled, tiny_lexicon)
    assert info.value.problems == [
        "corpus: row 5: duplicate doc_id 'en1' (2 times, rows 1, 5)"]
    with pytest.raises(InputError, match=r"^lexicon must be a Lexicon, a shipped lexicon name "
                                         r"\(e\.g\. 'ukraine_war'\) or the path of a lexicon "
                                         r"file; got NoneType\.$"):
        score_corpus(tiny_corpus, None)
    with pytest.raises(InputError, match=r"^corpus must be a corpus table .*; got dict\.$"):
        score_corpus({"text": ["a"]}, tiny_lexicon)
    with pytest.raises(InputError, match=r"^n_jobs must be an int .*; got 0\. "):
        score_corpus(tiny_corpus, tiny_lexicon, n_jobs=0)


def test_scores_keep_every_corpus_column_but_the_text(tiny_lexicon, tiny_corpus):
    corpus = tiny_corpus.assign(bloc=["west", "east", "east", "west"],
                                url=[f"https://example.org/{i}" for i in range(4)],
                                words=[10, 11, 12, 13], frame=["a", "b", "c", "d"])
    corpus.insert(1, "title", ["T1", "T2", "T3", "T4"])
    scores = score_corpus(corpus, tiny_lexicon)
    assert list(scores.columns) == [
        *SCORES_COLUMNS, "source", "date", "lang", "title", "url", "bloc", "words",
        "frame_original"]
    pd.testing.assert_frame_equal(
        scores, score_documents(find_hits(corpus, tiny_lexicon), corpus))
    one = scores[scores["doc_id"] == "de1"]
    assert one[["bloc", "url", "words", "frame_original"]].drop_duplicates().values.tolist() \
        == [["east", "https://example.org/1", 11, "b"]]
    assert one["frame"].tolist() == list(tiny_lexicon.frames)
    assert scores.groupby("bloc")["count"].sum().to_dict() == {"east": 6, "west": 3}
