"""Comparisons: known answers, seeded intervals, invariants, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.compare import bootstrap_means, compare_groups, compare_over_time
from framing.errors import InputError
from framing.schema import COMPARISON_COLUMNS


def scores_table():
    rows = []
    rates = {"X": [0.0, 2.0, 4.0, 6.0], "Y": [1.0, 1.0, 1.0, 1.0]}
    for source, values in rates.items():
        for i, r in enumerate(values):
            for frame in ("f", "g"):
                rate = r if frame == "f" else 0.0
                rows.append({"doc_id": f"{source}{i}", "frame": frame, "source": source,
                             "count": int(rate > 0), "rate": rate, "weight": rate,
                             "date": pd.Timestamp(f"2024-0{1 + i % 2}-15", tz="UTC")})
    return pd.DataFrame(rows)


def test_known_means_shares_and_intervals():
    t = compare_groups(scores_table(), n_boot=500, seed=3)
    assert list(t.columns) == list(COMPARISON_COLUMNS)
    x = t[(t.group == "X") & (t.frame == "f")].iloc[0]
    assert x["n_docs"] == 4 and x["mean"] == pytest.approx(3.0)
    assert x["share_docs"] == pytest.approx(0.75)
    assert 0.0 <= x["ci_low"] < 3.0 < x["ci_high"] <= 6.0
    y = t[(t.group == "Y") & (t.frame == "f")].iloc[0]
    assert (y["mean"], y["ci_low"], y["ci_high"]) == (1.0, 1.0, 1.0)
    g = t[t.frame == "g"]
    assert (g[["mean", "ci_low", "ci_high", "share_docs"]].to_numpy() == 0).all()


def test_seeded_and_independent_of_other_groups():
    s = scores_table()
    a = compare_groups(s, n_boot=300, seed=7)
    b = compare_groups(s, n_boot=300, seed=7)
    pd.testing.assert_frame_equal(a, b)
    only_x = compare_groups(s[s.source == "X"], n_boot=300, seed=7)
    pd.testing.assert_frame_equal(only_x.reset_index(drop=True),
                                  a[a.group == "X"].reset_index(drop=True))
    c = compare_groups(s, n_boot=300, seed=8)
    assert not np.allclose(a["ci_low"], c["ci_low"]) or not np.allclose(a["ci_high"],
                                                                         c["ci_high"])


def test_bootstrap_matches_resampling_definition():
    values = np.array([[0.0], [10.0]])
    boots = bootstrap_means(values, n_boot=4000, seed=0)
    # each resample of 2 draws gives mean 0, 5 or 10 with probabilities 1/4, 1/2, 1/4
    share = [(boots == v).mean() for v in (0.0, 5.0, 10.0)]
    assert share == pytest.approx([0.25, 0.5, 0.25], abs=0.03)


def test_missing_group_values_form_their_own_group():
    s = scores_table()
    s.loc[s.doc_id == "X0", "source"] = None
    t = compare_groups(s, n_boot=50)
    assert "(none)" in set(t["group"])


def test_over_time_has_periods():
    t = compare_over_time(scores_table(), freq="month", n_boot=100)
    assert sorted(t["period"].dt.month.unique()) == [1, 2]
    x_jan = t[(t.group == "X") & (t.frame == "f") & (t.period.dt.month == 1)].iloc[0]
    assert x_jan["mean"] == pytest.approx(2.0)   # X0 (0) and X2 (4)
    assert t.attrs["smoothing"] == "none"


@pytest.mark.parametrize("kwargs, message", [
    ({"by": "outlet"}, "The 'by' parameter of compare_groups must be a column of scores; "
                       "got 'outlet'. Available: doc_id, frame"),
    ({"measure": "mean"}, "measure must be one of rate, count, weight"),
    ({"ci": 95}, "ci must be between 0 and 1"),
    ({"n_boot": 0}, r"n_boot must be a whole number of resamples, 1 or more; got 0\."),
    ({"n_boot": 2.5}, r"n_boot must be a whole number of resamples, 1 or more; got 2\.5\."),
    ({"frames": ["nope"]}, "unknown frame"),
    ({"frames": "nope"}, r"unknown frame\(s\) nope; frames in scores: f, g\."),
    ({"frames": []}, r"frames is empty; name at least one of: f, g\."),
    ({"by": None}, r"by must be a column name or a list of column names; got None\."),
    ({"by": []}, r"by must be a column name or a list of column names; got \[\]\."),
    ({"seed": None}, r"seed must be an int \(a fixed seed makes the intervals reproducible\); "
                     r"got None\."),
    ({"min_count": 1.5}, r"min_count must be a whole number of hits, 1 or more; got 1\.5\."),
    ({"ci": "0.95"}, "ci must be between 0 and 1"),
])
def test_errors(kwargs, message):
    with pytest.raises(InputError, match=message):
        compare_groups(scores_table(), **kwargs)


def test_one_frame_may_be_named_by_a_string():
    t = compare_groups(scores_table(), frames="f", n_boot=50)
    assert set(t["frame"]) == {"f"}


def test_over_time_says_how_many_articles_had_no_date():
    s = scores_table()
    s.loc[s.doc_id.isin(["X0", "Y1"]), "date"] = pd.NaT
    with pytest.warns(UserWarning, match=r"compare_over_time left out 2 article\(s\) without a "
                      r"date \(of 8\)\."):
        t = compare_over_time(s, n_boot=50)
    assert t.groupby("group")["n_docs"].sum().to_dict() == {"X": 6, "Y": 6}   # 3 x 2 frames


def test_over_time_errors():
    with pytest.raises(InputError, match="needs a 'date' column"):
        compare_over_time(scores_table().drop(columns="date"))
    with pytest.raises(InputError, match="freq must be one of week, month"):
        compare_over_time(scores_table(), freq="day")


def test_empty_scores_give_empty_table():
    s = scores_table().iloc[0:0]
    t = compare_groups(s)
    assert t.empty and list(t.columns) == list(COMPARISON_COLUMNS)


# ----------------------------------------------------------- issue 5: more statistics

from framing.compare import _adjust, attention, pairwise_differences  # noqa: E402


def test_presence_threshold_field_et_al():
    s = scores_table()
    s.loc[(s.doc_id == "X3") & (s.frame == "f"), "count"] = 3
    t = compare_groups(s, n_boot=50, min_count=3)
    x = t[(t.group == "X") & (t.frame == "f")].iloc[0]
    assert x["share_docs"] == 0.25 and x["presence_min"] == 3
    with pytest.raises(InputError, match="min_count must be a whole number of hits, 1 or more"):
        compare_groups(s, min_count=0)


def test_pairwise_differences_sign_flips_when_groups_swap():
    s = scores_table()
    ab = pairwise_differences(s, pairs=[("X", "Y")], n_boot=400)
    ba = pairwise_differences(s, pairs=[("Y", "X")], n_boot=400)
    f_ab = ab[ab.frame == "f"].iloc[0]
    f_ba = ba[ba.frame == "f"].iloc[0]
    assert f_ab["diff"] == pytest.approx(2.0) == -f_ba["diff"]
    assert f_ab["ci_low"] == pytest.approx(-f_ba["ci_high"])
    assert f_ab["p_value"] == pytest.approx(f_ba["p_value"])
    assert (ab["correction"] == "Holm").all()
    g = ab[ab.frame == "g"].iloc[0]
    assert g["diff"] == 0 and g["p_value"] == 1.0 and not g["significant"]


def test_pairwise_p_value_is_the_difference_over_its_bootstrap_standard_error():
    import math

    from framing.compare import _group_seed

    s = scores_table()
    t = pairwise_differences(s, pairs=[("X", "Y")], n_boot=300, seed=4)
    boots = {}
    for g in ("X", "Y"):
        part = s[s.source == g].pivot(index="doc_id", columns="frame", values="rate")[["f", "g"]]
        present = (s[s.source == g].pivot(index="doc_id", columns="frame", values="count")
                   [["f", "g"]] >= 1).astype(float)
        both = np.hstack([part.to_numpy(), present.to_numpy()])
        boots[g] = bootstrap_means(both, n_boot=300, seed=_group_seed(4, g))[:, :2]
    se = (boots["X"] - boots["Y"])[:, 0].std(ddof=1)
    f = t[t.frame == "f"].iloc[0]
    assert f["p_value"] == pytest.approx(math.erfc(abs(f["diff"]) / se / math.sqrt(2)))


def test_holm_over_many_tests_can_still_find_differences():
    # 6 groups x 10 frames = 150 tests: a p-value counted from 2,000 resamples could not
    # go below 2/2001, and Holm would multiply it past 0.05 for every row
    rng = np.random.default_rng(0)
    rows = [{"doc_id": f"{g}{i}", "frame": f"f{k}", "source": g, "count": 1,
             "rate": float(rng.normal(10 * (g == "A") + k, 1))}
            for g in "ABCDEF" for i in range(40) for k in range(10)]
    t = pairwise_differences(pd.DataFrame(rows), n_boot=2000)
    assert len(t) == 150
    a_rows = (t.group_a == "A")
    assert t.loc[a_rows, "significant"].all() and t.loc[a_rows, "p_adjusted"].max() < 1e-6
    assert not t.loc[~a_rows, "significant"].all()          # B..F do not differ


def test_pairwise_default_pairs_and_errors():
    t = pairwise_differences(scores_table(), n_boot=50, correction="bh")
    assert t[["group_a", "group_b"]].drop_duplicates().values.tolist() == [["X", "Y"]]
    assert (t["correction"] == "Benjamini-Hochberg").all()
    with pytest.raises(InputError, match="correction must be 'holm' or 'bh'"):
        pairwise_differences(scores_table(), correction="bonferroni")
    with pytest.raises(InputError, match="group 'Z' is not in scores; groups: X, Y"):
        pairwise_differences(scores_table(), pairs=[("X", "Z")])


def test_multiplicity_adjustments_known_answers():
    p = np.array([0.01, 0.04, 0.03, 0.2])
    # Holm: sorted 0.01, 0.03, 0.04, 0.2 -> 0.04, 0.09, 0.09 (monotone), 0.2
    np.testing.assert_allclose(_adjust(p, "holm"), [0.04, 0.09, 0.09, 0.2])
    # BH: m/rank * p = 0.04, 0.08, 0.06 (rank 2 for 0.03), 0.2 -> step-up minimum
    np.testing.assert_allclose(_adjust(p, "bh"), [0.04, 0.0533333, 0.0533333, 0.2],
                               rtol=1e-5)


def test_standardize_within_language():
    s = scores_table().assign(lang=lambda d: np.where(d.source == "X", "de", "en"))
    t = compare_groups(s, n_boot=50, standardize="lang")
    assert t["measure"].iloc[0] == "rate (z within lang)"
    # each language holds one group, so each group's standardized mean is 0
    np.testing.assert_allclose(t["mean"], 0.0, atol=1e-12)
    with pytest.raises(InputError, match="standardize='region' needs a 'region' column"):
        compare_groups(s, standardize="region")


def test_attention_times_framing():
    s = scores_table()
    s.loc[s.frame == "g", "count"] = [1, 1, 0, 0, 1, 0, 0, 0]
    t = attention(s, topic="f", n_boot=100)
    x = t[t.group == "X"].iloc[0]
    # X: f present in X1..X3 (3 of 4); g present in X0, X1 -> among topic docs only X1
    assert (x["n_docs"], x["n_topic"], x["share_topic"]) == (4, 3, 0.75)
    assert (x["frame"], x["n_framed"]) == ("g", 1)
    assert x["share_framed"] == pytest.approx(1 / 3)
    with pytest.raises(InputError, match="topic must be a frame of scores or a boolean"):
        attention(s, topic="nope")
