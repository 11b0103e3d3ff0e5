"""Context of every hit: who speaks, whether it is negated, and whom the loaded word targets.

An outlet that quotes Putin calling Western troops "invaders" frames differently from one that
calls them invaders itself, and "there are no plans to send troops" is no claim that troops are
coming. :func:`annotate_hits` adds these columns to the hits table:

``voice``
    ``author`` (the outlet's own words), ``quote`` (inside a quotation) or ``scare_quote`` (a
    short quoted span used to distance: at most ``scare_max_words`` words that do not end like
    an utterance, or a hit right after "so-called", "sogenannte", "так называемый").
``attributed``
    The hit is in a quotation, or its sentence reports someone's speech or view ("said",
    "according to", "laut", "zufolge", German Konjunktiv I, "по словам", "считает", ...).
``speaker``
    The actor (``russia``, ``ukraine``, ``west``) named as the source of that speech, or ``""``.
``negated``
    The hit lies in the scope of an odd number of negation cues; cues and scopes are package
    data (``framing/resources/negation/{en,de,ru}.txt``), so "not without" and "nicht
    ausschließen" come out affirmed.
``target``
    The actor the loaded word is applied to: an actor named inside the hit ("Kiev regime"), an
    adjacent modifier ("Russian invaders", "Russia's brutal invasion"), the owner of "its", an
    agent after it ("invasion by Russia", "Invasion Russlands"), the subject of a copula
    ("Russia is the aggressor"), the object of "regard X as" ("westliche Truppen ... als
    „Invasoren“") or the subject of a verb like "wage" ("NATO is waging a proxy war"); ``""``
    where none of these applies (see ``_target``). Actors come from
    ``data/lexicons/actors.yaml``.

The rules, the cue lists, the limits and the measured accuracy are in ``docs/context.md``.
Everything works on the ORIGINAL text (the offsets of the hits); quotation marks are read
before normalization, because „…“, «…» and “…” tell openers from closers.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from framing.errors import InputError
from framing.schema import check_columns
from framing.text import WORD_PATTERN, _paragraphs, fold, normalize, sentence_spans, word_spans

__all__ = ["annotate_hits", "annotate_document", "context_settings", "ContextSettings",
           "voice_shares", "quote_spans", "CONTEXT_COLUMNS", "VOICES"]

#: The columns :func:`annotate_hits` adds, in order.
CONTEXT_COLUMNS = ("voice", "attributed", "speaker", "negated", "target")
#: The values of ``voice``.
VOICES = ("author", "quote", "scare_quote")

_GAP_MAX = 10           # words a `...` in a cue pattern may skip (separable verbs)
# a `final` cue scopes backwards when at most this many words follow it in its clause: German
# verb clusters ("nicht entsenden werde"), Russian one-word passives ("не планируется")
_FINAL_WORDS = {"de": 2, "ru": 1}
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]\u2013]|\s-\s|\.\.\.")   # dashes are – after normalize
_SENT_END = re.compile(r"[.!?\u2026][\"'\u201c\u201d\u00bb\u2019)\]]*\s*$")
_RU_ADJ = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ей|ыми|ими)$")
_JOIN_RE = re.compile(r"\s*-?\s*")
_WORDISH = re.compile(r"[^\W_]")
_SPLIT_WORDS = re.compile(f"({WORD_PATTERN})")
_AND = frozenset({"and", "or", "und", "oder", "и", "или"})
_ZU_VERB = re.compile(r"^(?:an|auf|aus|ein|mit|vor|zurück|ab|durch|herbei|hin|her|los|weg)zu\w+en$")

# ---------------------------------------------------------------- quotation marks
# Opening mark -> the marks that may close it. Written for this project.
_CLOSERS = {
    "\u201c": "\u201d\u201c\"",     # “…” (English), also sloppy “…“
    "\u201e": "\u201c\u201d\"",     # „…“ (German, Russian inner), „…”
    "\u201f": "\u201d",
    "\u00ab": "\u00bb",             # «…» (Russian, Swiss German)
    "\u00bb": "\u00ab",             # »…« (German)
    "\u2039": "\u203a",
    "\u203a": "\u2039",
    "\u201a": "\u2018\u2019",       # ‚…‘ (German single)
    "\u2018": "\u2019\u2018'",      # ‘…’ (English single)
    '"': '"\u201d\u201c',
    "'": "'\u2019",
}
_QUOTE_RE = re.compile("[\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u201a\u2018\u2019\u2039\u203a]")
_OPEN_ONLY = "\u201e\u201a\u201f"
_CLOSE_ONLY = "\u201d\u2019"
_SINGLE = "'\u2018\u2019\u201a\u2039\u203a"
_NESTS_SAME = "\u00ab\u00bb"           # «Мы с «Газпромом» договорились» is usual Russian
_QUOTE_CHARS = "".join(_CLOSERS) + _CLOSE_ONLY
_OPEN_CONTEXT = "([{<\u2013\u2014-/" + _QUOTE_CHARS
_CLOSE_CONTEXT = ".,;:!?)]}>\u2026\u2013\u2014-/" + _QUOTE_CHARS
_UTTERANCE_END = ".!?,;:\u2026"

# ---------------------------------------------------------------- word lists (folded)
_WORDS = {
    "prep": {
        "en": "in into to on at from with against anti for towards toward across inside near over "
              "about of by under through within between among via",
        "de": "in im ins nach gegen für mit zu zum zur auf an am bei beim über um aus von vom "
              "gegenüber innerhalb durch seitens unter zwischen",
        "ru": "в во на с со из к ко против для о об по при у до от между над под через",
    },
    "directional": {"en": "to into towards toward against on anti", "de": "ins nach gegen auf an",
                    "ru": "против к ко"},
    "agent": {"en": "by from", "de": "durch seitens vonseiten aus", "ru": "из стороны"},
    "det": {
        "en": "the a an this that these those its their his her our some",
        "de": "der die das den dem des ein eine einen einem einer eines diese dieser diesen "
              "diesem dieses",
        "ru": "этот эта это эти этих этого",
    },
    "as": {"en": "as", "de": "als", "ru": "как"},
    "copula": {
        "en": "is are was were be been being remains remain",
        "de": "ist sind war waren sei seien wäre wären bleibt bleiben",
        "ru": "является являются являлся являлась являлись был была были это",
    },
    "adverb": {"en": "not never no also still just simply clearly indeed now already has have "
                     "had will would could can may might does do did",
               "de": "nicht kein keine keinen auch noch nur eben klar schon hat haben wird "
                     "werden würde würden kann völlig ganz komplett eindeutig wirklich "
                     "wiederholt mehrfach bereits",
               "ru": "не уже полностью явно действительно абсолютно неоднократно"},
    # prepositions of place and direction: an actor after one, inside the hit, is where the
    # loaded act happens or goes ("conflict in Ukraine", "troops to Ukraine"), not its target
    "locative": {"en": "in at on into to towards toward against anti inside",
                 "de": "in im ins nach gegen auf an am bei beim",
                 "ru": "в во на против к ко у"},
    "pronoun": {"en": "its their his her country's nation's",
                "de": "sein seine seinen seiner seinem seines ihr ihre ihren ihrer ihrem ihres",
                "ru": "свой своя свое свои своего своей своих своим своими его ее их"},
    # verbs whose subject is the agent of the loaded act: "NATO is waging a proxy war"
    "agentive": {
        "en": "wage wages waged waging launch launches launched launching start starts started "
              "starting begin begins began begun unleash unleashes unleashed commit commits "
              "committed committing conduct conducts conducted conducting perpetrate "
              "perpetrated send sends sent sending deploy deploys deployed deploying "
              "dispatch dispatched plan plans planned planning prepare prepares prepared "
              "preparing liberate liberates liberated liberating",
        "de": "führt führen führte führten geführt beginnt begann begonnen startete gestartet "
              "entfesselt entfesselte verübt verübte verüben begeht beging begangen schickt "
              "schicken schickte geschickt entsendet entsenden entsandte entsandt stationiert "
              "stationieren plant planen plante geplant bereitet bereiten befreit befreite "
              "befreiten befreien",
        "ru": "ведет ведут вела вел вели ведет начал начала начали развязал развязала развязали "
              "совершил совершила совершили совершает совершают отправит отправят отправлять "
              "отправить отправила отправили направит направят направлять направить вводить "
              "ввести введет введут развернуть развернет планирует планируют готовит готовят "
              "готовила готовили освободил освободила освободили освобождает освобождают",
    },
    "complementizer": {"en": "that whether if", "de": "dass daß ob", "ru": "что чтобы"},
}

# Speech and view cues. Same pattern syntax as the negation files; a trailing `>` marks a cue
# whose source follows it ("according to Moscow"), `<` one whose source precedes it
# ("Moskau zufolge"), `~` a cue that marks reported speech but names no speaker (German
# Konjunktiv I: "es gebe keine Pläne"). Written for this project.
_ATTRIBUTION = {
    "en": """
        say|says|said|saying
        told|tell|tells|telling
        claim|claims|claimed|claiming
        stated|states that
        adds|added
        argue|argues|argued|arguing
        insist*
        assert|asserts|asserted|asserting
        alleg*
        warn|warns|warned|warning|warnings
        declare|declares|declared|declaring
        announce|announces|announced
        note|notes|noted
        stress|stresses|stressed
        explain|explains|explained
        wrote|writes|written
        tweet*
        believe|believes|believed
        think|thinks|thought
        consider|considers|considered
        calls|called|calling
        describe|describes|described|describing
        accuse|accuses|accused|accusing
        brand|brands|branded
        dub|dubs|dubbed
        label|labels|labeled|labelled|labeling|labelling
        termed
        referred|referring to
        view|views|viewed|see|sees|saw|seen|regard|regards|regarded ... as
        in his|her|their|its view
        quote|quoted|quoting
        cite|cites|cited|citing
        reported|reportedly
        reports that
        deny|denies|denied|denying
        reject|rejects|rejected
        dismiss|dismisses|dismissed
        admit|admits|admitted
        acknowledg*
        confirm|confirms|confirmed
        urge|urges|urged
        condemn|condemns|condemned|condemning
        praise|praises|praised|praising
        blame|blames|blamed|blaming
        point|points|pointed out
        what ... call|calls|called
        report|reports|study|investigation|inquiry|survey found|concluded|showed
        highlight|highlights|highlighted
        agree|agrees|agreed
        make|makes|made|making clear
        endorse|endorses|endorsed
        congratulat*
        indicate|indicates|indicated that
        confess*
        his|her|their views
        ask|asks|asked|asking
        blast|blasts|blasted|blasting
        slam|slams|slammed|slamming
        criticis*|criticiz*
        suggest|suggests|suggested
        maintain|maintains|maintained
        vow|vows|vowed|vowing
        admission|admitted|admits
        responded|responding|replied
        recognize|recognizes|recognized|recognise|recognises|recognised ... as
        spokes*
        statement|interview|remarks
        allegedly|supposedly|purportedly
        spoke|speaks|speaking of|about
        rule|rules|ruled|ruling out
        according to    >
        in the words of    >
    """,
    "de": """
        sagt|sagte|sagten|gesagt|sagen
        erklärt|erklärte|erklärten|erklären
        betont|betonte|betonten
        behauptet|behauptete|behaupteten|behaupten|Behauptung*
        meint|meinte|meinten
        laut    >
        zufolge    <
        nach Angaben|Ansicht|Auffassung|Einschätzung|Meinung|Worten|Darstellung    >
        betrachtet|betrachtete|betrachten
        sieht|sah|sehen ... als
        hält|hielt|halten ... für
        bezeichnet|bezeichnete|bezeichneten|bezeichnen
        nennt|nannte|nannten|nennen
        warnt|warnte|warnten|gewarnt
        kritisiert*
        schreibt|schrieb|schrieben|geschrieben
        twittert*
        teilt|teilte|teilten ... mit
        mitgeteilt
        äußert*|geäußert
        spricht|sprach|sprachen von
        verkündet*|versichert*|bekräftigt*|unterstrich|unterstreicht
        weist|wies|wiesen ... hin
        weist|wies|wiesen ... zurück
        zurückgewiesen
        lehnt|lehnte|lehnten ... ab
        abgelehnt
        hob|hebt ... hervor
        hervorgehoben
        fügte|fügt ... hinzu
        hinzugefügt
        argumentiert*
        glaubt|glaubte|glauben|denkt|dachte
        zitiert*
        bestreit*|bestritt|bestritten|dementiert*|widerlegt*
        wirft|warf|warfen ... vor
        vorgeworfen
        beschuldigt*
        besteht|bestand|bestanden darauf
        fordert|forderte|forderten|gefordert
        Erklärung|Interview|Sprecher|Sprecherin
        angeblich*
        hieß|heißt es
        schließt|schloss|schlossen ... aus
        ausschließen
        sei|seien|gebe|habe|könne|müsse|wolle|solle|werde|dürfe    ~
    """,
    "ru": """
        заявил|заявила|заявили|заявляет|заявляют|заявлял|заявлени*
        сказал|сказала|сказали|говорит|говорят|говорил|говорила|говорили|говорится
        сообщил|сообщила|сообщили|сообщает|сообщают
        отметил|отметила|отметили|отмечает|отмечают
        подчеркнул|подчеркнула|подчеркнули|подчеркивает
        указал|указала|указали|указывает
        добавил|добавила|добавили
        пояснил|пояснила|пояснили
        счита*|полага*
        уверен|уверена|уверены
        назвал|назвала|назвали|называет|называют|называл
        утвержда*
        обвин*
        написал|написала|написали|пишет|пишут
        предупредил*|предупрежда*
        признал|признала|признали|признает
        опроверг*|отрица*|отверг*
        рассказал|рассказала|рассказали
        цитиру*
        заверил*|пообещал*|призвал*|раскритиковал*|осудил*
        якобы|мол|дескать
        исключил|исключила|исключили|исключает|исключают
        интервью
        по словам|мнению|данным|информации|оценке|версии    >
    """,
}
_SCARE = {"en": "so called\nself proclaimed\nself styled",
          "de": "sogenannt*\nsog\nso genannt*\nselbsternannt*\nselbst ernannt*",
          "ru": "так называем*\nт н\nсамопровозглаш*"}
_ATTRIBUTION_PSEUDO = {"en": "so called", "de": "", "ru": "так называем*"}


# ---------------------------------------------------------------- cue patterns


def _parse_pattern(text: str) -> tuple:
    """``"deny|denied that"`` -> ((("exact","deny"), ("exact","denied")), (("exact","that"),))."""
    elems = []
    for tok in text.split():
        if tok == "...":
            elems.append(None)
            continue
        alts = []
        for alt in tok.split("|"):
            alt = fold(normalize(alt).text)
            if alt.startswith("*") and len(alt) > 1:
                alts.append(("suffix", alt[1:]))
            elif alt.endswith("*") and len(alt) > 1:
                alts.append(("prefix", alt[:-1]))
            else:
                alts.append(("exact", alt))
        elems.append(tuple(alts))
    if not elems or elems[0] is None or elems[-1] is None:
        raise ValueError(f"cue pattern {text!r} must start and end with a word")
    return tuple(elems)


def _elem_matches(elem, tok: str) -> bool:
    for kind, s in elem:
        if (tok == s if kind == "exact" else tok.startswith(s) if kind == "prefix"
                else tok.endswith(s)):
            return True
    return False


class _Matcher:
    """Finds cue patterns in a token list: hash lookup of the first word, then a check."""

    def __init__(self, entries):
        self.entries = list(entries)             # (elements, payload)
        self.exact, self.prefix, self.suffix = {}, {}, {}
        for idx, (elems, _) in enumerate(self.entries):
            for kind, s in elems[0]:
                table = {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}[kind]
                table.setdefault(s, []).append(idx)
        self.prefix_lens = sorted({len(s) for s in self.prefix})
        self.suffix_lens = sorted({len(s) for s in self.suffix})
        self._cache: dict = {}

    def _candidates(self, tok: str):
        found = self._cache.get(tok)
        if found is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            found = self._cache[tok] = tuple(self._lookup(tok))
        return found

    def _lookup(self, tok: str):
        out = list(self.exact.get(tok, ()))
        for n in self.prefix_lens:
            if n <= len(tok):
                out.extend(self.prefix.get(tok[:n], ()))
        for n in self.suffix_lens:
            if n <= len(tok):
                out.extend(self.suffix.get(tok[-n:], ()))
        return out

    def find(self, toks, sent, hot) -> list:
        """Non-overlapping matches, left to right, longest first: ``(positions, payload)``.

        Only the tokens at positions ``hot`` (in order: those of whole sentences that may
        start a cue or an actor, see ``_Doc._hot``) are tried as starts.
        """
        found, taken, k = [], set(), 0
        candidates, entries = self._candidates, self.entries
        for h in hot:
            if h < k or h in taken:
                continue
            best = None
            for idx in candidates(toks[h]):
                pos = _match_at(entries[idx][0], toks, sent, h)
                if pos and (best is None or pos[-1] > best[0][-1]):
                    best = (pos, entries[idx][1])
            if best:
                pos = best[0]
                found.append(best)
                taken.update(pos)
                k = pos[0] + 1 if pos[-1] - pos[0] >= len(pos) else pos[-1] + 1
        return found


def _match_at(elems, toks, sent, start, e=0, k=None):
    k = start if k is None else k
    if e == len(elems):
        return []
    if elems[e] is None:                         # `...`: skip 0..._GAP_MAX words
        for kk in range(k, min(k + _GAP_MAX + 1, len(toks))):
            if sent[kk] != sent[start]:
                break
            rest = _match_at(elems, toks, sent, start, e + 1, kk)
            if rest is not None:
                return rest
        return None
    if k >= len(toks) or sent[k] != sent[start] or not _elem_matches(elems[e], toks[k]):
        return None
    rest = _match_at(elems, toks, sent, start, e + 1, k + 1)
    return None if rest is None else [k] + rest


_KINDS = {"neg", "concord", "denial"}
_DIRECTIONS = {"fwd", "bwd", "both", "final", "np"}


def _parse_cue_file(text: str, where: str) -> tuple[list, list, frozenset]:
    """The ``[cues]``, ``[pseudo]`` and ``[clause]`` sections of a negation cue file."""
    cues, pseudo, clause, section, problems = [], [], set(), None, []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in {"cues", "pseudo", "clause"}:
                problems.append(f"{where}:{n}: unknown section [{section}]; "
                                "expected [cues], [pseudo] or [clause]")
            continue
        try:
            if section == "cues":
                parts = line.split()
                if len(parts) < 3 or parts[-2] not in _KINDS or parts[-1] not in _DIRECTIONS:
                    raise ValueError("a cue line is 'PATTERN KIND DIRECTION' with KIND in "
                                     f"{sorted(_KINDS)} and DIRECTION in {sorted(_DIRECTIONS)}; "
                                     f"got {line!r}")
                cues.append((_parse_pattern(" ".join(parts[:-2])), (parts[-2], parts[-1])))
            elif section == "pseudo":
                pseudo.append((_parse_pattern(line), None))
            elif section == "clause":
                clause.update(fold(w) for w in line.split())
            else:
                raise ValueError("entry before any section header ([cues], [pseudo], [clause])")
        except ValueError as exc:
            problems.append(f"{where}:{n}: {exc}")
    if problems:
        raise InputError("problems in negation cue file:\n  " + "\n  ".join(problems))
    return cues, pseudo, frozenset(clause)


def _pattern_lines(block: str) -> list:
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if line:
            tag = line[-1] if line[-1] in "<>~" else "v"
            out.append((_parse_pattern(line.rstrip("<>~").strip()), tag))
    return out


@dataclass(frozen=True, eq=False)
class _Rules:
    """Everything compiled for one language."""

    lang: str
    negation: _Matcher
    clause_words: frozenset
    attribution: _Matcher
    scare: _Matcher
    words: dict

    @functools.cached_property
    def _firsts(self) -> tuple:
        """The first words of every cue: whole, prefixes and suffixes by length."""
        exact, prefix, suffix = set(), {}, {}
        for m in (self.negation, self.attribution, self.scare):
            exact.update(m.exact)
            for s in m.prefix:
                prefix.setdefault(len(s), set()).add(s)
            for s in m.suffix:
                suffix.setdefault(len(s), set()).add(s)
        return frozenset(exact), sorted(prefix.items()), sorted(suffix.items())

    def starts(self, tok: str) -> bool:
        """Whether a cue (negation, attribution or scare marker) may start at ``tok``."""
        exact, prefix, suffix = self._firsts
        return tok in exact or any(tok[:n] in keys for n, keys in prefix if n <= len(tok)) \
            or any(tok[-n:] in keys for n, keys in suffix if n <= len(tok))


@functools.lru_cache(maxsize=32)
def _rules(lang: str, cue_path: str | None = None) -> _Rules:
    if cue_path is None:
        res = resources.files("framing") / "resources" / "negation" / f"{lang}.txt"
        text, where = (res.read_text(encoding="utf-8"), f"negation/{lang}.txt") \
            if res.is_file() else ("", f"negation/{lang}.txt")
    else:
        text, where = Path(cue_path).read_text(encoding="utf-8"), cue_path
    cues, pseudo, clause = _parse_cue_file(text, where)
    attribution = _pattern_lines(_ATTRIBUTION.get(lang, ""))
    attribution += [(p, None) for p, _ in _pattern_lines(_ATTRIBUTION_PSEUDO.get(lang, ""))]
    words = {key: frozenset(fold(w) for w in table.get(lang, "").split())
             for key, table in _WORDS.items()}
    return _Rules(lang, _Matcher(cues + pseudo), clause, _Matcher(attribution),
                  _Matcher(_pattern_lines(_SCARE.get(lang, ""))), words)


# ---------------------------------------------------------------- quotations


def quote_spans(text: str, *, lang: str | None = None) -> list[tuple[int, int, bool]]:
    """The quotations of a text: ``(open, close, closed)`` character offsets, in order.

    ``text[open]`` is the opening mark; ``close`` is the offset of the closing mark, or, for a
    quotation never closed, where it was capped (``closed`` is False): the end of the paragraph
    when the next paragraph re-opens with the same mark (the English convention for quotes
    running over paragraphs), otherwise the end of the sentence it opened in. Apostrophes
    (``NATO's``, ``don't``, ``soldiers' families``) are not quotation marks; a closing mark
    with nothing open is ignored.

    Parameters
    ----------
    text : str
        The ORIGINAL text.
    lang : str, optional
        Used for sentence boundaries (abbreviations).

    Examples
    --------
    >>> t = 'Putin nannte sie \\u201eInvasoren\\u201c. NATO\\'s "plan".'
    >>> [t[a + 1:b] for a, b, _ in quote_spans(t, lang="de")]
    ['Invasoren', 'plan']
    """
    sents = sentence_spans(text, lang)
    return [(a, b, closed) for a, b, closed in _quote_regions(text, sents)]


def _quote_regions(text: str, sents) -> list[tuple[int, int, bool]]:
    regions = []
    sent_starts = [a for a, _ in sents]
    paras = _paragraphs(text)
    for pi, (pa, pb) in enumerate(paras):
        stack = []                                           # [mark, offset]
        for m in _QUOTE_RE.finditer(text, pa, pb):
            p, c = m.start(), m.group()
            prev = text[p - 1] if p > pa else " "
            nxt = text[p + 1] if p + 1 < pb else " "
            if c in _SINGLE and prev.isalnum() and nxt.isalnum():
                continue                                     # apostrophe: NATO's, don't
            left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_CONTEXT)
            right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT)
            if c in _OPEN_ONLY or (c not in _CLOSE_ONLY and left and not right):
                _open(stack, regions, text, c, p, pa, sents, sent_starts)
                continue
            if c in "'\u2019" and _possessive(text, p, pb, stack):
                continue
            if _close(stack, regions, c, p):
                continue
            if c not in _CLOSE_ONLY and not right and (c not in _SINGLE or left):
                _open(stack, regions, text, c, p, pa, sents, sent_starts)
        nxt_para = text[paras[pi + 1][0]] if pi + 1 < len(paras) else ""
        for mark, at in stack:
            if nxt_para == mark or set(_CLOSERS.get(nxt_para, "")) & set(_CLOSERS[mark]):
                regions.append((at, pb, False))              # re-opened in the next paragraph
            else:
                regions.append((at, min(_sentence_end(at, sents, sent_starts), pb), False))
    regions.sort()
    return regions


def _open(stack, regions, text, c, p, pa, sents, sent_starts):
    if c not in _NESTS_SAME:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == c:                             # same mark again: re-open or cap
                before = text[pa:p]
                cont = not before.strip() or _SENT_END.search(before) is not None
                for _mark, at in stack[k:]:
                    end = p if cont else min(_sentence_end(at, sents, sent_starts), p)
                    regions.append((at, end, False))
                del stack[k:]
                break
    stack.append([c, p])


def _close(stack, regions, c, p) -> bool:
    for k in range(len(stack) - 1, -1, -1):
        if c in _CLOSERS[stack[k][0]]:
            for _mark, at in stack[k + 1:]:
                regions.append((at, p, False))               # unclosed inner quotes end here
            regions.append((stack[k][1], p, True))
            del stack[k:]
            return True
    return False


def _possessive(text, p, pb, stack) -> bool:
    """``soldiers' families``: an apostrophe, unless no other closer follows in the sentence."""
    if text[p - 1:p].lower() != "s" or text[p + 1:p + 2] != " ":
        return False
    if not any(mark in "'\u2018" for mark, _ in stack):
        return True
    tail = text[p + 1:pb]
    stop = re.search(r"[.!?](?:\s|$)", tail)
    tail = tail[:stop.start() + 1] if stop else tail
    return re.search(r"\S['\u2019](?=[\s.,;:!?)]|$)", tail) is not None


def _sentence_end(offset, sents, sent_starts) -> int:
    if not sents:
        return offset + 1
    k = max(bisect.bisect_right(sent_starts, offset) - 1, 0)
    return sents[k][1]


# ---------------------------------------------------------------- documents


class _Doc:
    """One document, read once: folded tokens with original offsets, sentences, clauses, cues.

    Only the sentences a hit can look at are tokenized (see :meth:`_windows`): the sentence
    of each hit and, for a hit inside a quotation, the sentences that quotation spans and the
    words next to its marks. ``dense=True`` tokenizes the whole text instead (the reference
    the tests compare with: both give the same tokens and the same annotations).
    """

    def __init__(self, text: str, lang: str, rules: _Rules, scope, hit_spans, sents=None,
                 *, actors=None, dense: bool = False):
        self.text, self.lang, self.rules, self.words = text, lang, rules, rules.words
        self.scope = scope
        self.sents = sentence_spans(text, lang) if sents is None else sents
        self.regions = _quote_regions(text, self.sents)
        if dense:
            self._tokens_dense()
        else:
            self._tokens_sparse(hit_spans)
        self.ranges = self._relevant(hit_spans)
        self.clause, self.clause_bounds = [-1] * self.n, []
        gaps, toks, words, punct = self.gaps, self.toks, rules.clause_words, _CLAUSE_PUNCT.search
        for lo, hi in self.ranges:              # a clause starts after , ; : ( ) – ... or at
            cuts = [lo] + [k for k in range(lo + 1, hi)          # a subordinating word
                           if toks[k] in words or (gaps[k] != " " and punct(gaps[k]))] + [hi]
            for a, b in zip(cuts, cuts[1:]):
                self.clause[a:b] = [len(self.clause_bounds)] * (b - a)
                self.clause_bounds.append([a, b])
        matcher = actors.matcher(lang) if actors is not None else None
        if matcher is not None and not matcher.size:
            matcher = None
        hot, hot_ends = self._hot(matcher)
        find = functools.partial(_Matcher.find, toks=self.toks, sent=self.sent, hot=hot)
        self.neg = [(p, kd) for p, kd in find(rules.negation) if kd]
        self.attr = [(p, tag) for p, tag in find(rules.attribution) if tag]
        self.attr_starts = {p[0] for p, _ in self.attr}
        self.scare_ends = {p[-1] for p, _ in find(rules.scare)}
        self.actors: list = []
        if matcher is not None:
            self._match_actors(actors, matcher, hot, hot_ends)
        # by sentence: no rule looks beyond the sentence of a hit (or of a quotation mark)
        self.neg_in = self._by_sentence(self.neg, lambda cue: cue[0][0])
        self.attr_in = self._by_sentence(self.attr, lambda cue: cue[0][0])
        self.actors_in = self._by_sentence(self.actors, lambda actor: actor[0])

    def _by_sentence(self, items, first) -> dict:
        """``items`` grouped by the sentence of their first token (``first(item)``), in order."""
        table: dict = {}
        for item in items:
            table.setdefault(self.sent[first(item)], []).append(item)
        return table

    def _hot(self, matcher) -> tuple[list, list]:
        """The tokens of ``ranges`` where a cue or an actor may start, and the end of the
        range of each: a token is looked up once (remembered per token), not per matcher."""
        memo = _trigger_memo(self.rules, matcher)
        hot, ends, toks = [], [], self.toks
        for lo, hi in self.ranges:
            row = [memo[t] if t in memo else _trigger(memo, self.rules, matcher, t)
                   for t in toks[lo:hi]]
            found = [lo + m for m, flag in enumerate(row) if flag]
            hot += found
            ends += [hi] * len(found)
        return hot, ends

    def _tokens_dense(self) -> None:
        """Tokens of the whole text."""
        norm = normalize(self.text)
        nt = norm.text
        spans = word_spans(nt)
        self.n = len(spans)
        self.surf = [nt[a:b] for a, b in spans]
        self.toks = [fold(t) for t in self.surf]
        self.starts, self.ends = _original_offsets(norm, spans)
        self.gaps = [nt[spans[k - 1][1]:spans[k][0]] if k else "" for k in range(self.n)]
        self.sent = _sentence_of(self.starts, self.sents)

    def _tokens_sparse(self, hit_spans) -> None:
        """Tokens of the sentences in :meth:`_windows` only, in text order.

        Every token lies inside one sentence span (sentences are separated by white space),
        so a run of consecutive sentences has the tokens, offsets and gaps of the whole
        text; the gap before a run's first token, which no rule reads, is what precedes it
        inside the run.
        """
        surf, toks, starts, ends, gaps, sent = [], [], [], [], [], []
        text, sents = self.text, self.sents
        for first, last in _runs(self._windows(hit_spans)):
            a0 = sents[first][0]
            norm = normalize(text[a0:sents[last][1]])
            nt = norm.text
            parts = _SPLIT_WORDS.split(nt)            # gap, word, gap, word, ..., gap
            if len(parts) == 1:
                continue
            at = list(itertools.accumulate(map(len, parts), initial=0))
            spans = list(zip(at[1::2], at[2::2]))
            words = parts[1::2]
            surf += words
            gaps += parts[0:-1:2]
            folded = nt.casefold()
            if len(folded) == len(nt):       # one character for one: fold the run at once
                folded = folded.replace("\u0451", "\u0435")
                toks += [folded[a:b] for a, b in spans]
            else:
                toks += [fold(t) for t in words]
            st, en = _original_offsets(norm, spans)
            if a0:
                st, en = [a + a0 for a in st], [b + a0 for b in en]
            starts += st
            ends += en
            if first == last:
                sent += [first] * len(words)
            else:
                sent += [first + k for k in _sentence_of(st, sents[first:last + 1])]
        self.n = len(toks)
        self.surf, self.toks, self.starts, self.ends = surf, toks, starts, ends
        self.gaps, self.sent = gaps, sent

    def _windows(self, hit_spans) -> list:
        """The sentences to tokenize: those holding a hit and, for each quotation around a
        hit, the sentences it spans plus the nearest sentence with a word before its opening
        mark and after its closing mark (where the speaker is named)."""
        sents = self.sents
        if not sents:
            return []
        starts = [a for a, _ in sents]
        last = len(sents) - 1

        def at(offset):
            return max(bisect.bisect_right(starts, offset) - 1, 0)

        wanted = {at(start) for start, _ in hit_spans}
        for a, b, _ in self.regions:
            if not any(a < start and end <= b for start, end in hit_spans):
                continue
            lo, hi = at(a), at(b)
            wanted.update(range(lo, hi + 1))
            k, end = lo, a                           # a word before the opening mark
            while k > 0 and not _has_word(self.text, sents[k][0], end):
                k -= 1
                wanted.add(k)
                end = sents[k][1]
            k, begin = hi, b                         # a word after the closing mark
            while k < last and not _has_word(self.text, begin, sents[k][1]):
                k += 1
                wanted.add(k)
                begin = sents[k][0]
        return sorted(wanted)

    def _relevant(self, hit_spans) -> list:
        """Token ranges of the sentences that hold a hit, or a quote mark around a hit."""
        wanted = set()
        for start, end in hit_spans:
            wanted.update(self.sent[k] for k in self.quote_neighbours(start, end))
            i = bisect.bisect_right(self.ends, start)
            if i < self.n:
                wanted.add(self.sent[i])
        ranges = []
        for s in sorted(wanted):
            lo, hi = bisect.bisect_left(self.sent, s), bisect.bisect_right(self.sent, s)
            if lo < hi:
                ranges.append((lo, hi))
        return ranges

    def quote_neighbours(self, start: int, end: int) -> list:
        """Tokens next to the marks of the quotations around a span: where the speaker is
        named (“...,” Putin said. / “... .” Putin said this. / Putin said: “...”)."""
        out = []
        for a, b, _ in self.regions:
            if a < start and end <= b:
                after = bisect.bisect_left(self.starts, b)
                before_open = bisect.bisect_right(self.starts, a) - 1
                out.extend(k for k in (after - 1, after, before_open) if 0 <= k < self.n)
        return out

    def _match_actors(self, compiled, matcher, hot, hot_ends) -> None:
        """Find the actor mentions in the tokens of ``ranges`` (the trie of detect)."""
        from framing.detect import _may_be_cased, _root_children, _walk

        raw: list = []
        toks, surf, gaps = self.toks, self.surf, self.gaps
        memo, root = matcher.memo, matcher.folded
        cased = bool(matcher.cased.exact or matcher.cased.globs)

        def joinable(k):
            return _joinable(gaps[k + 1])

        for k, hi in zip(hot, hot_ends):
            t = toks[k]
            nodes = memo[t] if t in memo else _root_children(memo, root, t)
            if nodes:
                _walk(nodes, k, 0, hi, toks.__getitem__, joinable, raw)
            if cased and _may_be_cased(matcher, t):
                nodes = matcher.memo_cased.get(surf[k])
                if nodes is None:
                    nodes = _root_children(matcher.memo_cased, matcher.cased, surf[k])
                if nodes:
                    _walk(nodes, k, 0, hi, surf.__getitem__, joinable, raw)
        for i, j, e in _resolve_actors(raw, compiled):
            prep, det = self.oblique(i)
            start, end = self.starts[i], self.ends[j - 1]
            in_quote = any(a < start and end <= b for a, b, _ in self.regions)
            self.actors.append((i, j, compiled.entries[e].frame, prep, det, in_quote))
        self.actors.sort()

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, start)
        j = bisect.bisect_left(self.starts, end)
        return (i, max(j, i + 1)) if i < self.n else (self.n, self.n)

    def sentence_bounds(self, s: int) -> tuple[int, int]:
        return bisect.bisect_left(self.sent, s), bisect.bisect_right(self.sent, s)

    def punct_between(self, a: int, b: int) -> bool:
        """True if clause punctuation stands between token ``a - 1`` and token ``b``."""
        return any(_CLAUSE_PUNCT.search(self.gaps[k]) for k in range(max(a, 1), min(b, self.n) + 1)
                   if k < self.n)

    def adj_like(self, k: int) -> bool:
        t = self.toks[k]
        if t in self.words["prep"] or t in self.words["copula"]:
            return False
        if self.lang == "de":
            return self.surf[k][:1].islower() and t.endswith(("e", "en", "er", "es", "em"))
        if self.lang == "ru":
            return _RU_ADJ.search(t) is not None
        return False

    def oblique(self, i: int):
        """The preposition (and article) governing the phrase that starts at token ``i``."""
        k, det, skipped = i - 1, None, 0
        while k >= 0 and skipped <= 2 and self.clause[k] == self.clause[i]:
            t = self.toks[k]
            if t in self.words["prep"]:
                return t, det
            if t in self.words["det"] or self.adj_like(k):
                det = det or t
                skipped += 1
                k -= 1
                continue
            break
        return None, None


_ACTOR_INFO: dict = {}


def _resolve_actors(raw, compiled) -> list:
    """Actor mentions from raw matches: a frame's excludes veto overlapping matches, then the
    longest match wins within a frame (the rules of detect, with the entries' data cached)."""
    if not raw:
        return []
    info = _ACTOR_INFO.get(id(compiled))
    if info is None or info[0] is not compiled:
        info = (compiled, [(t.frame, t.exclude, sum(g for _, g in t.tokens))
                           for t in compiled.entries])
        _ACTOR_INFO.clear()
        _ACTOR_INFO[id(compiled)] = info
    table = info[1]
    vetoes: dict = {}
    for i, j, e in raw:
        if table[e][1]:
            vetoes.setdefault(table[e][0], []).append((i, j))
    cands = sorted((c for c in raw if not table[c[2]][1] and not any(
        c[0] < b and a < c[1] for a, b in vetoes.get(table[c[2]][0], ()))),
        key=lambda c: (-(c[1] - c[0]), c[0], table[c[2]][2], c[2]))
    taken: dict = {}
    for c in cands:
        spans = taken.setdefault(table[c[2]][0], [])
        if not any(c[0] < b and a < c[1] for a, b, _ in spans):
            spans.append((c[0], c[1], c[2]))
    return sorted(x for spans in taken.values() for x in spans)


_TRIGGERS: dict = {}


def _trigger_memo(rules: _Rules, matcher) -> dict:
    """token -> whether a cue of ``rules`` or an actor of ``matcher`` may start there."""
    key = (id(rules), id(matcher))
    found = _TRIGGERS.get(key)
    if found is None or found[0] is not rules or found[1] is not matcher:
        if len(_TRIGGERS) > 64:
            _TRIGGERS.clear()
        found = _TRIGGERS[key] = (rules, matcher, {})
    if len(found[2]) > 200_000:
        found[2].clear()
    return found[2]


def _trigger(memo: dict, rules: _Rules, matcher, token: str) -> bool:
    from framing.detect import _may_be_cased, _root_children

    flag = memo[token] = bool(
        rules.starts(token) or (matcher is not None and (
            (matcher.memo[token] if token in matcher.memo
             else _root_children(matcher.memo, matcher.folded, token))
            or ((matcher.cased.exact or matcher.cased.globs)
                and _may_be_cased(matcher, token)))))
    return flag


def _runs(indices) -> list:
    """``(first, last)`` of each run of consecutive numbers in sorted ``indices``."""
    runs: list = []
    for k in indices:
        if runs and runs[-1][1] == k - 1:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    return runs


def _has_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a word character (a token may start there)."""
    return _WORDISH.search(text, start, end) is not None


def _original_offsets(norm, spans) -> tuple[list, list]:
    """Original ``(starts, ends)`` of token spans of the normalized text, in one sweep."""
    if not norm.segments:
        return [a for a, _ in spans], [b for _, b in spans]
    segs, starts, ends, k, m = norm.segments, [], [], 0, len(norm.segments)
    for a, b in spans:
        while k + 1 < m and segs[k + 1][0] <= a:
            k += 1
        n0, o0, o1 = segs[k]
        starts.append(o0 + (a - n0) if o1 is None else o0)
        kk = k
        while kk + 1 < m and segs[kk + 1][0] <= b - 1:
            kk += 1
        n0, o0, o1 = segs[kk]
        ends.append(o0 + (b - 1 - n0) + 1 if o1 is None else o1)
    return starts, ends


def _sentence_of(starts, sents) -> list:
    """The sentence number of every token (tokens and sentences are both in text order)."""
    out, k, m = [], 0, len(sents)
    for a in starts:
        while k + 1 < m and sents[k + 1][0] <= a:
            k += 1
        out.append(k)
    return out


def _joinable(gap: str) -> bool:
    """Words of an actor name may be joined by a space or a hyphen, at most one line break."""
    return gap == " " or (_JOIN_RE.fullmatch(gap) is not None and gap.count("\n") < 2)


# ---------------------------------------------------------------- negation


def _scope(doc: _Doc, pos, kind: str, direction: str):
    """Token ranges ``(fwd, bwd)`` a cue at token positions ``pos`` reaches (either may be None)."""
    first, last = pos[0], pos[-1]
    c_lo, c_hi = doc.clause_bounds[doc.clause[first]][0], doc.clause_bounds[doc.clause[last]][1]
    if direction == "final":
        direction = "both" if c_hi - (last + 1) <= _FINAL_WORDS.get(doc.lang, 2) else "fwd"
    mode = doc.scope
    if mode == "clause":
        lo, hi = c_lo, _extend(doc, c_hi, kind, last)
    else:
        s_lo, s_hi = doc.sentence_bounds(doc.sent[first])
        lo, hi = (s_lo, s_hi) if mode == "sentence" else (max(s_lo, first - mode),
                                                            min(s_hi, last + 1 + mode))
    if direction == "np":                             # "no victor in the nuclear war"
        direction = "fwd"
        if mode == "clause":
            hi = next((k for k in range(last + 1, hi) if doc.toks[k] in doc.words["prep"]), hi)
    fwd = (first + 1, hi) if direction in ("fwd", "both") else None   # includes a `...` gap
    bwd = (lo, first) if direction in ("bwd", "both") else None
    return fwd, bwd


def _extend(doc: _Doc, hi: int, kind: str, last: int) -> int:
    """Carry a scope into a complement clause (denials) or a German zu-infinitive."""
    while hi < doc.n and doc.sent[hi] == doc.sent[hi - 1]:
        lo2, hi2 = doc.clause_bounds[doc.clause[hi]]
        if kind == "denial" and doc.toks[lo2] in doc.words["complementizer"] and not any(
                k in doc.attr_starts for k in range(last + 1, lo2)):   # not "... and insisted that"
            hi, kind = hi2, "done"
        elif doc.lang == "de" and _zu_infinitive(doc, lo2, hi2):
            hi = hi2
        else:
            break
    return hi


def _zu_infinitive(doc: _Doc, lo: int, hi: int) -> bool:
    if doc.toks[lo] in doc.rules.clause_words:
        return False
    tail = doc.toks[max(lo, hi - 3):hi]
    return "zu" in tail[:-1] or _ZU_VERB.match(tail[-1]) is not None


def _negation(doc: _Doc, i: int, j: int) -> tuple[bool, list]:
    """Whether tokens ``[i, j)`` are negated, and the cues that reach them."""
    neg = concord = 0
    used, reach = [], []
    for pos, (kind, direction) in doc.neg_in.get(doc.sent[i], ()):
        if not any(i <= p < j for p in pos):          # else the cue is part of the loaded phrase
            reach.append((pos, kind, *_scope(doc, pos, kind, direction)))
    # "has not joined the condemnation of Russia's invasion": a plain negator negates the verb,
    # not a noun inside its prepositional phrase (denials and negative pronouns do reach it)
    governed = _governing_prep(doc, i)
    covering = [c for c in reach if _reaches(c, i, j) and not (
        governed is not None and c[1] == "neg" and c[0][-1] < governed)]
    for pos, kind, _fwd, _bwd in covering:
        used.append(" ".join(doc.surf[p] for p in pos))
        if kind == "concord":
            concord += 1
        else:
            neg += 1
        if kind == "denial":                          # "did not rule out that ...": a negator
            for c in reach:                           # of the denial counts here too
                if c not in covering and c[1] != "concord" and _reaches(c, pos[0], pos[0] + 1):
                    used.append(" ".join(doc.surf[p] for p in c[0]))
                    neg += 1
    flips = neg + (1 if concord and not neg else 0)
    return flips % 2 == 1, used


def _governing_prep(doc: _Doc, i: int):
    """The position of the preposition whose phrase holds token ``i``, or None."""
    k, steps = i - 1, 0
    actor_tokens = {t for a in doc.actors_in.get(doc.sent[i], ()) for t in range(a[0], a[1])}
    while k >= 0 and steps < 4 and doc.sent[k] == doc.sent[i]:
        t = doc.toks[k]
        if t in doc.words["prep"]:
            return k
        if not (t in doc.words["det"] or doc.adj_like(k) or _adverb(doc, k) or t.isdigit()
                or k in actor_tokens or k in doc.scare_ends or k + 1 in doc.scare_ends):
            return None
        k, steps = k - 1, steps + 1
    return None


def _reaches(cue, i: int, j: int) -> bool:
    _, _, fwd, bwd = cue
    return bool((fwd and fwd[0] <= i < fwd[1]) or (bwd and bwd[0] <= i and j <= bwd[1]))


# ---------------------------------------------------------------- voice and attribution


def _is_scare(doc: _Doc, region, max_words: int) -> bool:
    a, b, closed = region
    if not closed:
        return False
    n_words = bisect.bisect_left(doc.starts, b) - bisect.bisect_right(doc.starts, a)
    inner = doc.text[a + 1:b].rstrip()
    if not 0 < n_words <= max_words or inner[-1:] in "!?\u2026":
        return False
    k = bisect.bisect_left(doc.starts, b)             # „…“, sagte X / «…», — заявил X
    if k < doc.n and "," in doc.text[b:doc.starts[k]] and k in doc.attr_starts:
        return False
    # American style puts . and , inside every closing mark ('on the “occupying forces.”'):
    # they mark an utterance only when the quotation opens its sentence (“No,” he said.)
    return not (inner[-1:] in _UTTERANCE_END and _opens_sentence(doc, a))


def _opens_sentence(doc: _Doc, offset: int) -> bool:
    k = max(bisect.bisect_right([a for a, _ in doc.sents], offset) - 1, 0)
    before = doc.text[doc.sents[k][0]:offset].strip() if doc.sents else ""
    return not before or before.endswith(":")


def _voice(doc: _Doc, start: int, end: int, i: int, max_words: int):
    """``(voice, innermost full quotation or None)``."""
    enclosing = [r for r in doc.regions if r[0] < start and end <= r[1]]
    marked = (i - 1) in doc.scare_ends and doc.sent[i - 1] == doc.sent[i]
    full = [r for r in enclosing if not _is_scare(doc, r, max_words)]
    quote = max(full) if full else None
    if not enclosing:
        return ("scare_quote" if marked else "author"), None
    if marked or _is_scare(doc, max(enclosing), max_words):
        return "scare_quote", quote
    return "quote", quote


def _cues_near(doc: _Doc, sent: int, i: int, j: int, *, speaking: bool = False) -> list:
    """The attribution cues of sentence ``sent``, nearest to tokens ``[i, j)`` first.

    With ``speaking=True`` only cues that can name a speaker (not Konjunktiv I).
    """
    found = [(min(abs(p - i) for p in pos), pos, tag) for pos, tag in doc.attr_in.get(sent, ())
             if not any(i <= p < j for p in pos)
             and not (speaking and tag == "~")]
    return sorted(found, key=lambda c: (c[0], c[1]))


def _speaker(doc: _Doc, cue, i: int, j: int) -> str:
    _, pos, tag = cue
    first, last = pos[0], pos[-1]
    sent = doc.sent[first]
    cands = [a for a in doc.actors_in.get(sent, ()) if not a[5]
             and (a[1] <= i or a[0] >= j)]
    after = [a for a in cands if a[0] > last and a[0] - last <= 4
             and doc.clause[a[0]] == doc.clause[last]]
    before = [a for a in cands if a[1] <= first and first - a[1] <= (3 if tag == "<" else 6)
              and (tag == "<" or a[3] is None) and doc.clause[a[0]] == doc.clause[first]]
    if tag == ">":
        return after[0][2] if after else ""
    if before:
        return before[-1][2]
    return after[0][2] if after and tag != "<" else ""


# ---------------------------------------------------------------- target


def _target(doc: _Doc, i: int, j: int) -> str:
    """The actor the loaded word at tokens ``[i, j)`` is applied to; the first rule that
    applies wins (docs/context.md, "Target"):

    1. an actor named inside the hit, unless after a preposition of place or direction inside
       it ("Kiev regime", "von den USA geführte Block"; not "troops to Ukraine");
    2. an actor right before it, with at most two articles, adjectives or adverbs between, a
       hyphen compound, or a demonym adjective and its noun ("Russian invaders", "Russia's
       brutal invasion", "US-led", "calls Kyiv a neo-Nazi regime", "nennt die russischen
       Soldaten Besatzer");
    3. the owner of a possessive pronoun before it ("Russia ... its invasion");
    4. an agent right after it ("invasion by Russia", "Invasion Russlands", "агрессия России");
    5. the subject of a copula ("Russia is the aggressor", "Россия — агрессор");
    6. the object of "regard X as" ("westliche Truppen ... als „Invasoren“");
    7. the subject of an agentive verb that governs the hit ("NATO is waging a proxy war",
       "dass russische Soldaten Kriegsverbrechen begangen haben", "НАТО не планирует
       отправлять войска").

    Actors inside a prepositional phrase are skipped by rules 5 to 7, and actors that are the
    source of speech ("Russland betrachtet ...") by rules 6 and 7.
    """
    w = doc.words
    sent = doc.sent[i]
    actors = doc.actors_in.get(sent, [])
    for a in actors:                                  # 1: named inside the hit
        if a[0] < j and i < a[1] and not (a[0] > i and a[3] in w["locative"]):
            return a[2]
    before = [a for a in actors if a[1] <= i]
    after = [a for a in actors if a[0] >= j]
    if before and _premodifier(doc, before[-1], i):
        return before[-1][2]
    owner = _pronoun_owner(doc, i, before)            # "Russia ... its invasion"
    if owner:
        return owner
    if after and _agent_after(doc, j, after[0]):
        return after[0][2]
    return _copula_subject(doc, i, before) or _as_object(doc, i, before) or \
        _agentive_subject(doc, i, j, before)


def _possessive_actor(doc: _Doc, a) -> bool:
    s = doc.surf[a[1] - 1]
    if doc.lang == "en":
        return s.endswith(("'s", "s'"))
    return doc.lang == "de" and s.endswith("s") and s[:1].isupper()


def _adjectival_actor(doc: _Doc, a) -> bool:
    """A demonym adjective: "Russian", "westliche", "российских"."""
    s = doc.surf[a[1] - 1]
    if doc.lang == "en":
        return re.search(r"(?:an|ish|ern|ese|ch)$", s) is not None and s[:1].isupper()
    return s[:1].islower()


def _nounlike(doc: _Doc, k: int) -> bool:
    t, w = doc.toks[k], doc.words
    if t in w["det"] or t in w["prep"] or t in w["copula"] or t in w["as"] or \
            t in doc.rules.clause_words or k in doc.attr_starts:
        return False
    if doc.lang == "de":
        return doc.surf[k][:1].isupper()
    return not doc.adj_like(k)


def _premodifier(doc: _Doc, a, i: int) -> bool:
    gap = range(a[1], i)
    if len(gap) > 2 or doc.punct_between(a[1], i) or doc.clause[a[1] - 1] != doc.clause[i]:
        return False
    if len(gap) == 1 and (_adjectival_actor(doc, a) and _nounlike(doc, a[1])
                          or doc.gaps[a[1]] == "-"):
        return True                                   # "russischen Soldaten Besatzer", "US-led"
    w, has_det = doc.words, False
    for k in gap:
        t = doc.toks[k]
        if t in w["det"]:
            has_det = True
        elif t in w["prep"] or t in w["as"] or t in doc.rules.clause_words or (
                k in doc.attr_starts) or not (
                doc.adj_like(k) or k in doc.scare_ends or k + 1 in doc.scare_ends
                or (doc.lang == "en" and _possessive_actor(doc, a) and doc.surf[k][:1].islower())):
            return False
    # an actor inside a prepositional phrase modifies the hit only as an adjective or a
    # possessive ("by Russian invaders"), not as the object ("на Украине опосредованной войной")
    return a[3] is None or not has_det and (_adjectival_actor(doc, a) or _possessive_actor(doc, a))


def _pronoun_owner(doc: _Doc, i: int, before) -> str:
    k, steps = i - 1, 0
    while k >= 0 and steps < 3 and doc.sent[k] == doc.sent[i] and (
            doc.toks[k] not in doc.words["pronoun"]) and not doc.punct_between(k + 1, i) and (
            doc.adj_like(k) or _adverb(doc, k) or doc.toks[k].isdigit() or k in doc.scare_ends
            or k + 1 in doc.scare_ends or (doc.lang == "en" and doc.surf[k][:1].isupper())):
        k, steps = k - 1, steps + 1
    if k < 0 or doc.toks[k] not in doc.words["pronoun"] or doc.punct_between(k + 1, i):
        return ""
    if k >= 2 and doc.toks[k - 1] in _AND:             # "Kiev and its backers"
        joined = [a for a in before if a[1] == k - 1]
        if joined:
            return joined[-1][2]
    # the subject is the likeliest owner: the first plain actor of the pronoun's clause, else
    # of its sentence ("if the west stepped up its weapons deliveries")
    owners = [a for a in before if a[1] <= k and not _possessive_actor(doc, a)]
    plain = [a for a in owners if a[3] is None]
    near = [a for a in plain if doc.clause[a[0]] == doc.clause[k]]
    if near or plain:
        return (near or plain)[0][2]
    return owners[-1][2] if owners else ""            # "a video from Russia ... the country's"


def _agent_after(doc: _Doc, j: int, a) -> bool:
    gap = doc.toks[j:a[0]]
    if doc.punct_between(j, a[0]) or len(gap) > 3:
        return False
    if not gap:
        return doc.lang == "ru" or (doc.lang == "de" and _possessive_actor(doc, a))
    if doc.lang == "de" and gap == ["des"]:
        return True
    if doc.lang == "en" and len(gap) > 1 and gap[1] == "by" and gap[0] not in doc.words["prep"]:
        gap = gap[1:]                                 # "a proxy war waged by the West"
    return gap[0] in doc.words["agent"] and all(t in doc.words["det"] or t == "стороны"
                                                for t in gap[1:])


def _skip_modifiers(doc: _Doc, i: int, extra=frozenset()) -> int:
    """The token before ``i`` once articles, adjectives, adverbs and scare markers are skipped."""
    k, steps = i - 1, 0
    while k >= 0 and steps < 3 and doc.clause[k] == doc.clause[i] and (
            doc.toks[k] in doc.words["det"] or doc.toks[k] in extra or doc.adj_like(k)
            or _adverb(doc, k) or k in doc.scare_ends or k + 1 in doc.scare_ends):
        k, steps = k - 1, steps + 1
    return k


def _adverb(doc: _Doc, k: int) -> bool:
    t = doc.toks[k]
    return t in doc.words["adverb"] or (doc.lang == "en" and len(t) > 4 and t.endswith("ly")
                                        and doc.surf[k][:1].islower())


def _speaker_like(doc: _Doc, a) -> bool:
    """An actor that speaks: "Moscow says", "Moscow has repeatedly said", "Russland betrachtet"."""
    k, sent = a[1], doc.sent[a[0]]

    def inside(k):                                    # the actor's sentence goes on
        return k < doc.n and doc.sent[k] == sent

    if inside(k) and _adjectival_actor(doc, a) and _nounlike(doc, k):
        k += 1                                        # "Western nations have accused"
    m = k
    while inside(k) and k - m < 2 and _adverb(doc, k):
        k += 1
    return inside(k) and k in doc.attr_starts


def _copula_subject(doc: _Doc, i: int, before) -> str:
    w = doc.words
    k = _skip_modifiers(doc, i, w["adverb"])
    if k >= 0 and doc.toks[k] in w["copula"]:
        m = k
        while m > 0 and k - m < 2 and _adverb(doc, m - 1):
            m -= 1                                    # "has never been", "ist kein"
        for a in reversed(before):
            if a[3] is None and (a[1] == m or (a[1] == m - 1 and _adjectival_actor(doc, a)
                                               and _nounlike(doc, m - 1))):
                return a[2]
        return ""
    if before:                                        # "Россия – агрессор" (zero copula)
        a = before[-1]
        if a[1] == k + 1 and "\u2013" in doc.gaps[a[1]] and a[3] is None and \
                not doc.punct_between(a[1] + 1, i):
            return a[2]
    return ""


def _as_object(doc: _Doc, i: int, before) -> str:
    k = _skip_modifiers(doc, i)
    if k < 0 or doc.toks[k] not in doc.words["as"]:
        return ""
    for a in reversed(before):
        if a[1] <= k and doc.clause[a[0]] == doc.clause[k] and a[3] is None \
                and not _speaker_like(doc, a):
            return a[2]
    return ""


def _agentive_subject(doc: _Doc, i: int, j: int, before) -> str:
    lo, hi = doc.clause_bounds[doc.clause[i]]
    agentive = doc.words["agentive"]
    inside = any(doc.toks[k] in agentive for k in range(i, j))
    k, steps = i - 1, 0                               # the verb governs the hit: "waging a war"
    while k >= lo and steps < 3 and doc.toks[k] not in agentive and (
            doc.toks[k] in doc.words["det"] or doc.adj_like(k) or _adverb(doc, k)
            or doc.toks[k].isdigit() or (doc.lang == "en" and doc.surf[k][:1].islower()
                                         and doc.toks[k] not in doc.words["prep"])):
        k, steps = k - 1, steps + 1
    adjacent = k >= lo and doc.toks[k] in agentive
    final = doc.lang == "de" and any(doc.toks[m] in agentive for m in range(j, hi))
    if not (inside or adjacent or final):
        return ""
    prep, _ = doc.oblique(i)
    if prep is not None and not inside:
        return ""
    # the speaker controls a verb inside the hit: "Macron did not rule out sending troops"
    subjects = [a for a in before if doc.clause[a[0]] == doc.clause[i] and a[3] is None
                and (inside or not _speaker_like(doc, a))]
    plain = [a for a in subjects if not _possessive_actor(doc, a)]
    return (plain or subjects)[0][2] if subjects else ""


# ---------------------------------------------------------------- public functions


def _check_scope(negation_scope):
    if negation_scope in ("clause", "sentence"):
        return negation_scope
    if isinstance(negation_scope, int) and not isinstance(negation_scope, bool) \
            and negation_scope >= 1:
        return negation_scope
    raise InputError("The 'negation_scope' parameter of annotate_hits must be 'clause', "
                     f"'sentence' or a positive number of words; got {negation_scope!r}.")


@functools.lru_cache(maxsize=4)
def _default_actors_path() -> str:
    from framing.lexicon import _data_dir

    return str(_data_dir() / "lexicons" / "actors.yaml")


def _compiled_actors(actors):
    from framing.detect import compile_lexicon

    if actors is False:
        return None
    return compile_lexicon(_default_actors_path() if actors is None else actors)


def annotate_hits(hits: pd.DataFrame, corpus, *, negation_scope="clause", actors=None,
                  scare_max_words: int = 4, negation_cues: dict | None = None,
                  lang: str | None = None, details: bool = False) -> pd.DataFrame:
    """Add voice, attribution, speaker, negation and target to every hit.

    Each document with hits is read once (tokens, sentences, clauses, quotations, cues); the
    cue lists are compiled once per language. Documents without hits are not read.

    Parameters
    ----------
    hits : DataFrame
        A hits table (:func:`framing.find_hits`); only ``doc_id``, ``start`` and ``end``
        (offsets into the original text) are needed, and ``lang`` is used when present.
    corpus : DataFrame or path
        The corpus the hits come from (``doc_id``, ``text``, optionally ``lang``).
    negation_scope : {"clause", "sentence"} or int, default="clause"
        How far a negation cue reaches: to the end (or start, for backward cues) of its clause,
        which ends at ``, ; : ( ) –`` and before a subordinating conjunction, and runs on into
        a complement clause after a denial ("denied that ...") or a German zu-infinitive;
        to the end of its sentence; or that many words, within the sentence.
    actors : Lexicon, str, Path or False, optional
        The actor lexicon for ``target`` and ``speaker``: by default the shipped
        ``data/lexicons/actors.yaml``; ``False`` leaves both columns empty.
    scare_max_words : int, default=4
        A quotation of at most this many words that does not end with ``. ! ? , ; : …`` is a
        scare quote.
    negation_cues : dict, optional
        ``{lang: path}`` of cue files replacing the shipped ones (format: see
        ``framing/resources/negation/en.txt``).
    lang : str, optional
        The language of every document; by default the hits' or the corpus's ``lang``.
    details : bool, default=False
        Also return ``negation_cues`` (the cue words that reach the hit, ``"; "``-joined) and
        ``attribution_cue`` (the speech cue used), to check the rules by reading.

    Returns
    -------
    DataFrame
        ``hits`` (same rows, order and index) with the columns ``voice`` (``author`` |
        ``quote`` | ``scare_quote``), ``attributed`` (bool), ``speaker`` (actor or ``""``),
        ``negated`` (bool) and ``target`` (actor or ``""``) added or replaced.

    Raises
    ------
    InputError
        If ``hits`` or ``corpus`` lacks a needed column, a hit's document is not in the corpus,
        or ``negation_scope`` is not one of the allowed values.

    See Also
    --------
    voice_shares : share of each voice per group and frame.
    quote_spans : the quotations of one text.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.detect import find_hits
    >>> from framing.lexicon import parse_lexicon
    >>> lexicon = parse_lexicon('''
    ... name: demo
    ... frames:
    ...   invaders: {terms: {de: ["Invasor*"]}}
    ...   troops: {terms: {de: ["westliche* Truppen"]}}
    ... ''')
    >>> corpus = pd.DataFrame({"doc_id": ["de1"], "lang": ["de"], "text": [
    ...     "Putin betonte, Moskau werde westliche Truppen als \u201eInvasoren\u201c behandeln. "
    ...     "Es gebe keine Pläne, westliche Truppen zu schicken."]})
    >>> hits = annotate_hits(find_hits(corpus, lexicon), corpus)
    >>> hits[["match", "voice", "attributed", "speaker", "negated", "target"]]
                   match        voice  attributed speaker  negated target
    0  westliche Truppen       author        True  russia    False   west
    1          Invasoren  scare_quote        True  russia    False   west
    2  westliche Truppen       author        True             True   west
    """
    settings = context_settings(negation_scope=negation_scope, actors=actors,
                                scare_max_words=scare_max_words, negation_cues=negation_cues,
                                details=details)
    check_columns(hits, ("doc_id", "start", "end"), table="hits", param="hits")
    if not isinstance(corpus, pd.DataFrame):
        from framing.corpus import read_corpus

        corpus = read_corpus(corpus)
    check_columns(corpus, ("doc_id", "text"), table="corpus", param="corpus")
    out = hits.copy()
    values = _annotate(out, corpus, settings, lang) if len(out) else []
    return _add_context_columns(out, values, settings.columns)


def _add_context_columns(hits: pd.DataFrame, values: list, columns) -> pd.DataFrame:
    """Set the context ``columns`` of ``hits`` (in place, and returned) from per-hit tuples."""
    for k, name in enumerate(columns):
        column = [v[k] for v in values]
        hits[name] = pd.Series(column, index=hits.index,
                               dtype="bool" if name in ("attributed", "negated") else "object")
    return hits


@dataclass(frozen=True)
class ContextSettings:
    """The options of :func:`annotate_hits`, checked and compiled once (the actor lexicon).

    Detection takes one of these to annotate each document's hits while it has the document
    at hand (and in its worker processes); see :func:`context_settings`.
    """

    scope: object = "clause"
    actors: object = None            # CompiledLexicon, or None for no actors
    max_words: int = 4
    cue_paths: tuple = ()            # ((lang, path), ...)
    details: bool = False

    @property
    def columns(self) -> tuple:
        extra = ("negation_cues", "attribution_cue") if self.details else ()
        return CONTEXT_COLUMNS + extra

    @property
    def empty(self) -> tuple:
        """The values of a hit with no context (no word tokens under it)."""
        return ("author", False, "", False, "") + (("", "") if self.details else ())


def context_settings(*, negation_scope="clause", actors=None, scare_max_words: int = 4,
                     negation_cues: dict | None = None, details: bool = False
                     ) -> ContextSettings:
    """Check the options of :func:`annotate_hits` and compile its actor lexicon, once.

    Parameters
    ----------
    negation_scope, actors, scare_max_words, negation_cues, details
        As in :func:`annotate_hits`.

    Returns
    -------
    ContextSettings
        What :func:`annotate_document` (and detection, per document) needs.

    Raises
    ------
    InputError
        If ``negation_scope`` is not ``"clause"``, ``"sentence"`` or a positive int.

    Examples
    --------
    >>> settings = context_settings(negation_scope="sentence")
    >>> settings.scope, settings.columns
    ('sentence', ('voice', 'attributed', 'speaker', 'negated', 'target'))
    """
    if isinstance(scare_max_words, bool) or not isinstance(scare_max_words, int) \
            or scare_max_words < 0:
        raise InputError(f"scare_max_words must be a whole number of words, 0 or more; got "
                         f"{scare_max_words!r}.")
    cues = _check_cue_files(negation_cues)
    return ContextSettings(_check_scope(negation_scope), _compiled_actors(actors),
                           scare_max_words, cues, details)


def _check_cue_files(negation_cues) -> tuple:
    """``{lang: path}`` of cue files, checked and read once (errors name the file)."""
    if negation_cues is None:
        return ()
    if not isinstance(negation_cues, dict):
        raise InputError("negation_cues must be a dict of language code -> cue file; got "
                         f"{type(negation_cues).__name__}.")
    out = []
    for lang, path in negation_cues.items():
        if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}", lang):
            raise InputError(f"negation_cues: {lang!r} is not a language code like en, de, ru.")
        if not isinstance(path, (str, Path)) or not Path(path).is_file():
            raise InputError("negation cue file not found (negation_cues["
                             f"{lang!r}]); see framing/resources/negation/{lang}.txt for the "
                             "format", path=path)
        _rules(lang, str(path))               # parse now: a bad line is reported here
        out.append((lang, str(path)))
    return tuple(sorted(out))


def annotate_document(text: str, lang: str, spans, settings: ContextSettings, sents=None,
                      *, dense: bool = False) -> list[tuple]:
    """The context values of the hits of one document, in the order of ``spans``.

    The document is read once: only the sentences that hold a hit, and for a hit inside a
    quotation the sentences around its marks, are tokenized (``dense=True`` tokenizes the
    whole text instead, with the same result; the tests compare the two).

    Parameters
    ----------
    text : str
        The ORIGINAL text.
    lang : str
        Its language (``en``, ``de``, ``ru``; others get no cue lists).
    spans : list of (int, int)
        The hits' ``(start, end)`` offsets into ``text``.
    settings : ContextSettings
        From :func:`context_settings`.
    sents : list of (int, int), optional
        The sentence spans of the whole text (:func:`framing.text.sentence_spans`), when
        already known.
    dense : bool, default=False
        Tokenize the whole text (the reference reading).

    Returns
    -------
    list of tuple
        One tuple per span, in the order of ``settings.columns``.

    Examples
    --------
    >>> text = ("Moscow calls NATO troops \u201cinvaders\u201d. "
    ...         "Kyiv says Russia is not waging a proxy war.")
    >>> annotate_document(text, "en", [(26, 34), (70, 79)], context_settings())
    [('scare_quote', True, 'russia', False, ''), ('author', True, 'ukraine', True, 'russia')]
    """
    rules = _rules(lang, dict(settings.cue_paths).get(lang))
    doc = _Doc(text, lang, rules, settings.scope, spans, sents, actors=settings.actors,
               dense=dense)
    return [_annotate_one(doc, start, end, settings) for start, end in spans]


def _annotate(hits, corpus, settings: ContextSettings, lang) -> list:
    groups = hits.groupby("doc_id", sort=False).indices
    docs = corpus[corpus["doc_id"].isin(list(groups))]
    missing = sorted(set(groups) - set(docs["doc_id"]), key=str)
    if missing:
        raise InputError(f"{len(missing)} document(s) of the hits are not in the corpus: "
                         f"{', '.join(map(str, missing[:10]))}"
                         f"{' ...' if len(missing) > 10 else ''}; pass the corpus the hits "
                         "were found in.")
    docs = docs.drop_duplicates("doc_id").assign(lang=_doc_langs(hits, docs, groups, lang))
    starts, ends = hits["start"].to_numpy(), hits["end"].to_numpy()
    _check_spans(hits, starts, ends, dict(zip(docs["doc_id"], docs["text"])))
    values = [settings.empty] * len(hits)
    for doc_id, text, doc_lang in zip(docs["doc_id"], docs["text"], docs["lang"]):
        rows = groups[doc_id]
        spans = [(int(starts[r]), int(ends[r])) for r in rows]
        for r, v in zip(rows, annotate_document(text, doc_lang, spans, settings)):
            values[r] = v
    return values


def _check_spans(hits, starts, ends, texts: dict) -> None:
    """Every hit's ``start``/``end`` must lie inside its document's text."""
    lengths = hits["doc_id"].map({k: len(t) if isinstance(t, str) else 0
                                  for k, t in texts.items()}).to_numpy()
    bad = ~((0 <= starts) & (starts < ends) & (ends <= lengths))
    if bad.any():
        rows = [f"hits row {int(i) + 1}: start {int(starts[i])}, end {int(ends[i])} do not "
                f"lie inside the text of document {hits['doc_id'].iloc[i]!r} "
                f"({int(lengths[i])} characters)" for i in bad.nonzero()[0][:10]]
        more = f" (and {int(bad.sum()) - 10} more)" if bad.sum() > 10 else ""
        raise InputError("; ".join(rows) + more + ". Pass the hits of find_hits and the "
                         "corpus they were found in.")


def _annotate_one(doc: _Doc, start: int, end: int, settings: ContextSettings) -> tuple:
    i, j = doc.token_range(start, end)
    if i >= doc.n:
        return settings.empty
    voice, quote = _voice(doc, start, end, i, settings.max_words)
    cues = _cues_near(doc, doc.sent[i], i, j, speaking=True)
    if not cues and quote is not None:                # “... ,” Putin said. / Putin said: “...”
        after = bisect.bisect_left(doc.starts, quote[1])
        for k in (after - 1, after, bisect.bisect_right(doc.starts, quote[0]) - 1):
            if 0 <= k < doc.n and doc.sent[k] != doc.sent[i]:
                cues = _cues_near(doc, doc.sent[k], k, k, speaking=True)
                if cues:
                    break
    attributed = quote is not None or bool(cues) or bool(_cues_near(doc, doc.sent[i], i, j))
    speaker, cue = "", (cues[0] if cues else None)
    for c in cues if attributed else ():
        speaker = _speaker(doc, c, i, j)
        if speaker:
            cue = c
            break
    negated, used = _negation(doc, i, j)
    found = (voice, attributed, speaker, negated, _target(doc, i, j))
    if settings.details:
        found += ("; ".join(used), " ".join(doc.surf[p] for p in cue[1]) if cue else "")
    return found


def _doc_langs(hits, docs, groups, lang) -> list:
    from framing.text import detect_language

    if lang is not None:
        return [lang] * len(docs)
    hit_lang = {}
    if "lang" in hits.columns:
        values = hits["lang"].to_numpy()
        hit_lang = {d: values[idx[0]] for d, idx in groups.items()}
    corp_lang = docs["lang"].tolist() if "lang" in docs.columns else [None] * len(docs)
    out = []
    for doc_id, text, cl in zip(docs["doc_id"], docs["text"], corp_lang):
        value = hit_lang.get(doc_id)
        value = value if isinstance(value, str) and value else cl
        out.append(value if isinstance(value, str) and value else detect_language(text))
    return out


def voice_shares(hits: pd.DataFrame, *, by: str = "source", corpus=None) -> pd.DataFrame:
    """Share of hits in the author's own voice, in quotations and in scare quotes, per group.

    Parameters
    ----------
    hits : DataFrame
        A hits table; without a ``voice`` column it is annotated first (needs ``corpus``).
    by : str, default="source"
        The grouping column: a column of ``hits``, or of ``corpus`` joined on ``doc_id``.
    corpus : DataFrame, optional
        The corpus, for ``by`` columns kept there and for annotating.

    Returns
    -------
    DataFrame
        One row per group x frame: ``group``, ``frame``, ``n_hits``, ``share_author``,
        ``share_quote``, ``share_scare_quote`` (shares of ``n_hits``, summing to 1). Groups
        sorted, frames in lexicon order when the hits carry it, else sorted.

    Raises
    ------
    InputError
        If ``by`` is neither a column of ``hits`` nor of ``corpus``, or ``voice`` is missing
        and no corpus is given.

    Examples
    --------
    >>> import pandas as pd
    >>> hits = pd.DataFrame({"doc_id": ["a", "a", "b"], "frame": ["proxy_war"] * 3,
    ...                      "voice": ["author", "quote", "author"], "source": ["RT", "RT", "BBC"]})
    >>> voice_shares(hits)
      group      frame  n_hits  share_author  share_quote  share_scare_quote
    0   BBC  proxy_war       1           1.0          0.0                0.0
    1    RT  proxy_war       2           0.5          0.5                0.0
    """
    check_columns(hits, ("doc_id", "frame"), table="hits", param="hits")
    if "voice" not in hits.columns:
        if corpus is None:
            raise InputError("voice_shares needs the 'voice' column of annotate_hits; pass "
                             "corpus= to annotate the hits first.")
        hits = annotate_hits(hits, corpus)
    if by not in hits.columns:
        if corpus is None or by not in corpus.columns:
            avail = sorted(set(hits.columns) | (set(corpus.columns) if corpus is not None
                                                else set()))
            raise InputError(f"The 'by' parameter of voice_shares must be a column of hits or "
                             f"corpus; got {by!r}. Available: {', '.join(map(str, avail))}.")
        hits = hits.merge(corpus[["doc_id", by]].drop_duplicates("doc_id"), on="doc_id",
                          how="left")
    counts = pd.crosstab([hits[by].astype(str), hits["frame"]], hits["voice"])
    counts = counts.reindex(columns=list(VOICES), fill_value=0)
    total = counts.sum(axis=1)
    table = pd.DataFrame({"n_hits": total.astype("int64")})
    for v in VOICES:
        table[f"share_{v}"] = (counts[v] / total).astype("float64")
    table = table.reset_index()
    table.columns = ["group", "frame", *table.columns[2:]]
    order = {f: k for k, f in enumerate(hits.attrs.get("frames") or sorted(table["frame"]))}
    table["_o"] = table["frame"].map(order).fillna(len(order))
    table = table.sort_values(["group", "_o", "frame"]).drop(columns="_o")
    return table.reset_index(drop=True)
