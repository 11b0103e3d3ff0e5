"""Keyness: the log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from framing.errors import InputError
from framing.keyness import keyness, log_odds_dirichlet


def reference_log_odds(ya, yb, prior, alpha_0):
    """An independent, loop-based transcription of Monroe et al. (2008), eq. 16-22."""
    total = sum(prior)
    na, nb = sum(ya), sum(yb)
    out = []
    for a, b, p in zip(ya, yb, prior):
        alpha = alpha_0 * p / total
        omega_a = (a + alpha) / (na + alpha_0 - a - alpha)
        omega_b = (b + alpha) / (nb + alpha_0 - b - alpha)
        delta = math.log(omega_a) - math.log(omega_b)
        sigma = math.sqrt(1 / (a + alpha) + 1 / (b + alpha))
        out.append((delta, delta / sigma))
    return out


def test_matches_independent_transcription():
    ya, yb = [30, 5, 12, 0, 7], [3, 20, 12, 9, 1]
    prior = [a + b for a, b in zip(ya, yb)]
    delta, z = log_odds_dirichlet(ya, yb, alpha_0=50)
    for (d_ref, z_ref), d, zz in zip(reference_log_odds(ya, yb, prior, 50), delta, z):
        assert d == pytest.approx(d_ref) and zz == pytest.approx(z_ref)


def test_worked_example_by_hand():
    # two terms, symmetric counts, alpha_0 = 2 -> alpha = (1, 1):
    # delta = log(11 / 1) - log(1 / 11) = 2 log 11; var = 1/11 + 1
    delta, z = log_odds_dirichlet([10, 0], [0, 10], alpha_0=2)
    assert delta[0] == pytest.approx(2 * math.log(11))
    assert z[0] == pytest.approx(2 * math.log(11) / math.sqrt(1 / 11 + 1))
    assert delta[1] == pytest.approx(-delta[0])


def test_swapping_groups_flips_the_sign():
    corpus = pd.DataFrame({"doc_id": list("abcd"), "source": list("XXYY"), "lang": "en",
                           "text": ["regime regime bloc war", "regime war bloc",
                                    "invasion war", "invasion invasion war"]})
    xy = keyness(corpus, target="X", reference="Y", min_count=1).set_index("term")
    yx = keyness(corpus, target="Y", reference="X", min_count=1).set_index("term")
    pd.testing.assert_series_equal(xy["z"], -yx["z"].reindex(xy.index), check_names=False)
    assert xy.loc["regime", "count_a"] == 3 and xy.loc["invasion", "count_b"] == 3
    assert xy["prior"].iloc[0] == "corpus of both groups" and xy["alpha_0"].iloc[0] == 1000


def test_keyness_of_frames_and_entries(tiny_corpus, tiny_lexicon):
    frames = keyness(tiny_corpus, target="B", unit="frame", lexicon=tiny_lexicon, min_count=1)
    assert set(frames["term"]) == {"proxy_war", "bloc", "naming"}
    entries = keyness(tiny_corpus, target="B", unit="entry", lexicon=tiny_lexicon,
                      min_count=1)
    assert dict(zip(entries["term"], entries["frame"]))["Киев*"] == "naming"


def test_stopwords_dropped_per_language():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", "Y"], "lang": "en",
                           "text": ["the the the regime", "the war"]})
    terms = set(keyness(corpus, target="X", min_count=1)["term"])
    assert "the" not in terms and "regime" in terms


@pytest.mark.parametrize("kwargs, message", [
    ({"target": "Z"}, r"target group\(s\) 'Z' not in column 'source'; groups: X, Y"),
    ({"target": "X", "by": "outlet"}, "The 'by' parameter of keyness must be a column"),
    ({"target": "X", "unit": "lemma"}, "unit must be 'term', 'frame' or 'entry'"),
    ({"target": "X", "reference": "W"},
     r"reference group\(s\) 'W' not in column 'source'; groups: X, Y\."),
    ({"target": "X", "unit": "frame"}, "unit='frame' needs hits= or lexicon="),
])
def test_errors(kwargs, message):
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", "Y"], "lang": "en",
                           "text": ["regime", "war"]})
    with pytest.raises(InputError, match=message):
        keyness(corpus, **kwargs)


def _years():
    return pd.DataFrame({"doc_id": list("abcd"), "year": [2023, 2023, 2024, 2024],
                         "lang": "en", "text": ["regime regime war", "regime war",
                                                "invasion war", "invasion invasion war"]})


def test_numeric_groups_are_compared_as_text():
    k = keyness(_years(), by="year", target=2024, min_count=1)
    assert k["term"].tolist() == ["invasion", "war", "regime"]
    assert k["group_a"].iloc[0] == "2024" and k["group_b"].iloc[0] == "rest"
    k2 = keyness(_years(), by="year", target=[2024], reference=2023, min_count=1)
    assert k2["group_b"].iloc[0] == "2023"


@pytest.mark.parametrize("kwargs, message", [
    ({"target": 2024, "reference": 2022},
     "reference group(s) '2022' not in column 'year'; groups: 2023, 2024."),
    ({"target": 2024, "reference": "2024"},
     "group(s) '2024' are both target and reference: a group cannot be compared with "
     "itself."),
    ({"target": [2023, 2024]},
     "the reference group is empty: every article is in the target (2023, 2024); nothing "
     "to compare it with. Groups: 2023, 2024."),
])
def test_group_errors_name_the_groups(kwargs, message):
    with pytest.raises(InputError) as info:
        keyness(_years(), by="year", **kwargs)
    assert str(info.value) == message


def test_empty_corpus_says_so():
    with pytest.raises(InputError) as info:
        keyness(_years().iloc[:0], by="year", target=2024)
    assert str(info.value) == "the corpus is empty: no groups to compare."


def test_min_count_only_filters_rows():
    all_rows = keyness(_years(), by="year", target=2024, min_count=1).set_index("term")
    kept = keyness(_years(), by="year", target=2024, min_count=4).set_index("term")
    assert kept.index.tolist() == ["war"]
    assert kept.loc["war", "z"] == all_rows.loc["war", "z"]
