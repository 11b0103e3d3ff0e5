"""Shared fixtures: tiny inline corpora and lexicons, and the optional ../shared data."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parent.parent


def hypothesis_examples(default: int) -> int:
    """Examples per property test: ``default``, or many more for a long fuzz run.

    ``FRAMING_FUZZ=20000 pytest tests/test_text.py tests/test_detect.py`` runs each
    tokenizer, normalizer and matcher invariant on 20,000 generated texts.
    """
    import os

    return int(os.environ.get("FRAMING_FUZZ", default))
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """The ../shared folder beside the repo; tests using it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (real-world acceptance data)")
    return SHARED


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


TINY_LEXICON = """\
name: tiny
version: 2
frames:
  proxy_war:
    label: Proxy war
    description: The war as a proxy war.
    terms:
      en: ["proxy war*", "NATO's war"]
      de: ["Stellvertreterkrieg*"]
      ru: ["прокси-войн*", "опосредованн* войн*"]
    exclude:
      en: ["proxy war game*"]
  bloc:
    label: US-led bloc
    terms:
      en: ["US-led bloc*"]
      de: ["von den USA geführte* Block*"]
      ru: ["блок* во главе с США"]
  naming:
    label: Kiev spelling
    dimension: naming
    terms:
      en: ["Kiev"]
      de: ["Kiew", "Kiews"]
      ru: ["Киев*"]
"""


@pytest.fixture
def tiny_lexicon():
    from framing.lexicon import parse_lexicon

    return parse_lexicon(TINY_LEXICON, path="tiny.yaml")


@pytest.fixture
def tiny_corpus() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["en1", "de1", "ru1", "en2"],
        "source": ["A", "B", "B", "A"],
        "date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-03", "2024-02-10"],
                               utc=True),
        "lang": ["en", "de", "ru", "en"],
        "text": [
            "The US-led bloc fights a proxy war in Kiev.",
            "Der von den USA geführten Blocks Stellvertreterkrieg erreicht Kiew.",
            "Блок во главе с США ведёт прокси-войну. В Киеве тихо.",
            "Nothing loaded here at all.",
        ],
    })
