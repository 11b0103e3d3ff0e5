"""Composing YAML into nodes (with line numbers) quickly, with the messages of PyYAML.

Lexicons and quanteda dictionaries are read as YAML *nodes*, not plain values, so that every
problem can name its line. PyYAML's pure-Python parser takes about 0.14 s for the shipped
lexicon (68 KB); its libyaml binding (``CSafeLoader``, in PyYAML's wheels) takes 0.01 s and
gives the same nodes, tags and marks. Only the wording of its error messages differs, so a
file libyaml rejects is parsed again by the pure-Python parser, whose error is raised: users
and tests see the same messages either way.
"""

from __future__ import annotations

import yaml

#: The loaders to try, fastest first; the last one's errors are the ones raised.
_LOADERS = tuple(loader for loader in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader)
                 if loader is not None)


def compose(text: str, *, single: bool = True):
    """``(nodes, alias)`` of the YAML ``text``.

    ``nodes`` is the root node (``None`` for an empty stream) when ``single``, else the list
    of the stream's documents. ``alias`` is the stream's first alias event (``*name``), which
    lexicon files do not allow: when there is one, ``nodes`` is ``None`` (or ``[]``) and the
    caller reports it.

    Raises
    ------
    yaml.YAMLError
        As PyYAML's pure-Python ``SafeLoader`` raises it.

    Examples
    --------
    >>> root, alias = compose("a: [1, 2]")
    >>> root.value[0][0].value, root.value[0][1].start_mark.line, alias
    ('a', 0, None)
    >>> compose("a: &x 1\\nb: *x")[1].anchor
    'x'
    """
    for loader in _LOADERS:
        try:
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, yaml.AliasEvent):
                    return (None if single else []), event
            if single:
                return yaml.compose(text, Loader=loader), None
            return list(yaml.compose_all(text, Loader=loader)), None
        except (yaml.YAMLError, ValueError):      # ValueError: libyaml on lone surrogates
            if loader is _LOADERS[-1]:
                raise
    raise AssertionError("unreachable: the last loader re-raises")
