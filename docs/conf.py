"""Sphinx configuration of the `framing` documentation.

Build (offline, warnings are errors): ``make docs``, or
``sphinx-build -W --keep-going -b html docs docs/_build/html``.

The notebooks of ``notebooks/`` are mirrored into ``docs/tutorials/`` and executed by myst-nb
at build time (about 20 seconds); set ``FRAMING_DOCS_EXECUTE=off`` to render them as stored.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
sys.path.insert(0, str(DOCS / "_ext"))
sys.path.insert(0, str(REPO))

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import framing  # noqa: E402

# -- project --------------------------------------------------------------------------------

project = "framing"
author = "The framing developers"
copyright = "The framing developers (MIT licence)"
version = release = framing.__version__

# -- extensions -----------------------------------------------------------------------------

extensions = [
    "myst_nb",                      # Markdown pages (MyST) and the notebooks
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "sphinxarg.ext",                # the CLI reference, from framing.cli.build_parser()
    "framing_docs",                 # docs/_ext/framing_docs.py
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "tutorials/README.md",
                    "**.ipynb_checkpoints", "jupyter_execute"]
templates_path: list[str] = []

# Pages other developers are still writing: left out of the contents (with an info line)
# while their file does not exist, so the site builds before and after they land.
framing_optional_pages = ["context", "scaling", "jupyter"]
framing_optional_includes = {
    "../data/lexicons/README.md": (
        "The codebook of the shipped lexicon (`data/lexicons/README.md`) is not written yet; "
        "this section will show it once it exists."),
}

# -- MyST and notebooks ---------------------------------------------------------------------

myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist", "fieldlist",
                          "substitution"]
# {{ version }} and {{ lexicon_version }} in pages: read from the code, so they cannot drift.
myst_substitutions = {
    "version": framing.__version__,
    "lexicon_version": framing.read_lexicon("ukraine_war").version,
}
myst_heading_anchors = 3
myst_dmath_double_inline = True

nb_execution_mode = os.environ.get("FRAMING_DOCS_EXECUTE", "auto")
nb_execution_timeout = 600
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
nb_execution_excludepatterns: list[str] = []

# -- API reference ---------------------------------------------------------------------------

autodoc_default_options = {"member-order": "bysource"}
autodoc_typehints = "none"            # types are in the numpydoc docstrings
autodoc_preserve_defaults = True
autosummary_generate = False          # tables link to the autodoc entries on the same page
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_validation_checks: set[str] = set()
numpydoc_xref_param_type = False
add_module_names = False
python_display_short_literal_types = True

# -- HTML ---------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"framing {release}"
html_static_path = ["_static"]
html_css_files = ["framing.css"]
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {"navigation_with_keys": True}

suppress_warnings: list[str] = []
