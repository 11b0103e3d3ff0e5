"""framing: measure how news media frame events with lexicons of loaded words.

The pipeline, one stage per module::

    corpus -> text -> detect -> score -> compare -> plot -> figures/

>>> import framing as fr
>>> corpus = fr.read_corpus("sample")                       # the bundled sample corpus
>>> hits = fr.find_hits(corpus, "ukraine_war")              # one row per match
>>> scores = fr.score_documents(hits, corpus)               # document x frame
>>> table = fr.compare_groups(scores, by="source", n_boot=200)
>>> sorted(table["group"].unique())[:2]
['Eastern Courier', 'Harbour Times']
"""

from framing import accessor as _accessor  # noqa: F401  (registers DataFrame.framing)
from framing import plot
from framing.compare import compare_groups, compare_over_time
from framing.corpus import read_corpus, select_corpus, validate_corpus
from framing.detect import compile_lexicon, find_hits, match_text
from framing.display import lexicon_summary, show_hits
from framing.errors import CorpusError, FramingError, InputError, LexiconError
from framing.explore import explore
from framing.formats import read_dictionary, write_dictionary
from framing.keyness import keyness
from framing.kwic import highlight, kwic
from framing.lexicon import Lexicon, parse_lexicon, read_lexicon, shipped_lexicons, write_lexicon
from framing.score import count_tokens, score_corpus, score_documents
from framing.text import normalize, sentence_spans, tokenize

__version__ = "0.1.0"

__all__ = [
    "read_corpus", "validate_corpus", "read_lexicon", "parse_lexicon", "write_lexicon",
    "shipped_lexicons", "Lexicon", "read_dictionary", "write_dictionary", "find_hits",
    "match_text", "compile_lexicon",
    "score_documents", "score_corpus", "count_tokens", "compare_groups", "compare_over_time",
    "kwic", "highlight", "plot", "explore", "lexicon_summary", "show_hits", "keyness",
    "select_corpus", "normalize", "tokenize", "sentence_spans",
    "FramingError", "InputError", "LexiconError", "CorpusError", "__version__",
]
