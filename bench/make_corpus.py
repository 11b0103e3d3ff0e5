"""Make the benchmark data: a seeded synthetic news-like corpus and two lexicons.

Writes into ``bench/out/`` (git-ignored)::

    lexicon_1k.yaml            1,000 patterns (words, prefix globs, phrases, excludes)
    lexicon_10k.yaml           the same 1,000 plus 9,000 more, as a superset
    corpus_10mb.jsonl/.parquet about 10 MB of text (en/de/ru)
    corpus_100mb.jsonl/.parquet
    corpus_1gb.jsonl/.parquet  only with --sizes ... 1gb
    corpus_5gb.jsonl           only with --sizes ... 5gb: the 1 GB corpus five times over
                               (doc_ids made unique), for the memory of streaming

The text is made from word lists written here plus a Zipf-distributed vocabulary of
pseudo-words built from syllables, with sentences, paragraphs (blank lines), quotes of
each language's typography, dashes, numbers, abbreviations, the odd soft hyphen and
no-break space, and lexicon terms sprinkled in (inflected for globs, phrases joined by a
space or a hyphen). Everything comes from one seed, so two runs give the same bytes.

Usage::

    python bench/make_corpus.py                      # 10 MB and 100 MB, both lexicons
    python bench/make_corpus.py --sizes 10mb 100mb 1gb
    python bench/make_corpus.py --sizes 5gb          # ~6 GB of disk; makes 1gb first
    python bench/make_corpus.py --out bench/out --seed 7
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SIZES = {"1mb": 1_000_000, "10mb": 10_000_000, "100mb": 100_000_000, "1gb": 1_000_000_000,
         "5gb": 5_000_000_000}

# ------------------------------------------------------------------------ word lists

COMMON = {
    "en": """the of and to in a is that for on was with as by at from it he said has have are
    be this were not but his they which an will had who its their been after also more would
    or than about over new one two into other there against during before could all we she her
    up out when since them some what can while under where many most only those these such
    between through if because our no any last first year years week government officials
    minister president country military forces troops city region people support report talks
    security border attack statement news according told spokesman agency defence foreign war
    peace sanctions energy gas oil prices economy aid weapons army ceasefire negotiations
    western eastern front line village town shelling drones missiles air strike power grid
    winter summer spring autumn monday tuesday wednesday thursday friday saturday sunday
    parliament vote law court ruling election campaign party leader opposition media press
    journalists correspondent interview analysts experts believe claimed denied confirmed
    reported killed wounded civilians refugees humanitarian corridor convoy supplies bank
    currency inflation market exports imports grain port ship sea black river bridge road
    railway station hospital school children families homes""",
    "de": """der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als
    auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über
    einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei seit gegen
    unter sowie zwischen während jedoch bereits heute gestern morgen Jahr Jahre Woche Regierung
    Minister Präsident Land Militär Truppen Stadt Region Menschen Unterstützung Bericht
    Gespräche Sicherheit Grenze Angriff Erklärung Nachrichten Sprecher Agentur Verteidigung
    Krieg Frieden Sanktionen Energie Gas Öl Preise Wirtschaft Hilfe Waffen Armee Waffenruhe
    Verhandlungen westlichen östlichen Front Dorf Beschuss Drohnen Raketen Luftangriff Stromnetz
    Winter Sommer Frühling Herbst Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag
    Bundestag Abstimmung Gesetz Gericht Urteil Wahl Partei Opposition Medien Presse Journalisten
    Korrespondent Analysten Experten behauptete bestätigte dementierte berichtete getötet
    verletzt Zivilisten Flüchtlinge humanitären Korridor Konvoi Lieferungen Bank Währung
    Inflation Markt Exporte Getreide Hafen Schiff Meer Fluss Brücke Straße Bahnhof Krankenhaus
    Schule Kinder Familien Häuser größer über Maßnahmen""",
    "ru": """и в не на что с по это он как а к из у о за то же от для все так его но был она
    только уже или при бы также после более время года году заявил сообщил правительство
    министр президент страны страна войска город региона люди поддержки доклад переговоры
    безопасности границы удар заявление новости представитель агентство обороны война мира
    санкции энергетики газ нефть цены экономики помощь оружие армия перемирие переговоров
    западные восточные фронт линии село обстрел дроны ракеты авиаудар энергосистема зима лето
    весна осень понедельник вторник среда четверг пятница суббота воскресенье парламент
    голосование закон суд решение выборы партия лидер оппозиция СМИ пресса журналисты
    корреспондент эксперты аналитики заявили подтвердили опровергли сообщили погибли ранены
    мирные жители беженцы гуманитарный коридор колонна поставки банк валюта инфляция рынок
    экспорт зерно порт судно море река мост дорога вокзал больница школа дети семьи дома
    ещё её всё""",
}

SYLLABLES = {
    "en": ("b c d f g h k l m n p r s t v w b d l m n p r s t br cr dr fr st tr sh ch th".split(),
           "a e i o u a e i o u ai ea ee oo ou".split(),
           "n r s t l m nd nt st ck ng rt ss".split() + [""] * 6),
    "de": ("b d f g h k l m n p r s t w z br dr fr gr kr pr st str tr sch sp schl pf".split(),
           "a e i o u a e i o u ä ö ü au ei ie".split(),
           "n r s t l m ng nd nt st ck ch ss ß tz rg".split() + [""] * 5),
    "ru": ("б в г д ж з к л м н п р с т ф х ц ч ш щ "
           "б в д к л м н п р с т бр гр др кр пр ст тр".split(),
           "а е и о у ы а е и о у я ё".split(),
           "н р с т л м й к в".split() + [""] * 8),
}
SUFFIXES = {"en": ["", "s", "ed", "ing", "er", "ers", "ly"],
            "de": ["", "e", "en", "er", "es", "s", "n", "ung"],
            "ru": ["", "а", "у", "ом", "е", "ы", "ов", "ами", "ой", "ая", "ого"]}
QUOTES = {"en": ("\u201c", "\u201d"), "de": ("\u201e", "\u201c"), "ru": ("\u00ab", "\u00bb")}
ABBREV = {"en": ["Dr.", "Mr.", "Gen.", "U.S.", "e.g."],
          "de": ["Dr.", "z.B.", "bzw.", "usw.", "ca."],
          "ru": ["т.е.", "г.", "др.", "т.д.", "ген."]}
LANG_SHARE = {"en": 0.45, "de": 0.3, "ru": 0.25}
SOURCES = ["Harbour Times", "Eastern Courier", "Daily Ledger", "Nordkurier Online",
           "Вечерний вестник", "Morning Wire", "Rheinblatt", "Северная газета"]


def pseudo_words(rng, lang: str, n: int, *, min_syl=1, max_syl=3, avoid=()) -> list[str]:
    """``n`` distinct pseudo-words of a language, made from syllables (mostly 2)."""
    onset, vowel, coda = SYLLABLES[lang]
    out, seen = [], set(COMMON[lang].split()) | set(avoid)
    sizes = np.arange(min_syl, max_syl + 1)
    weights = np.array([0.3, 0.5, 0.2, 0.1, 0.05][: len(sizes)])
    while len(out) < n:
        k = int(rng.choice(sizes, p=weights / weights.sum()))
        w = "".join(onset[rng.integers(len(onset))] + vowel[rng.integers(len(vowel))]
                    + coda[rng.integers(len(coda))] for _ in range(k))
        if len(w) >= 3 and w not in seen:
            seen.add(w)
            out.append(w)
    return out


class Vocabulary:
    """A language's words with Zipf weights: the common list first, then pseudo-words."""

    def __init__(self, rng, lang: str, size: int = 40_000):
        common = COMMON[lang].split()
        self.words = np.array(common + pseudo_words(rng, lang, size - len(common)), dtype=object)
        ranks = np.arange(1, len(self.words) + 1, dtype=float)
        p = 1.0 / ranks ** 1.07
        self.p = p / p.sum()
        self.cum = np.cumsum(self.p)

    def sample(self, rng, n: int):
        idx = np.searchsorted(self.cum, rng.random(n) * self.cum[-1])
        return self.words[np.minimum(idx, len(self.words) - 1)]


# --------------------------------------------------------------------------- lexicons


def make_entries(rng, vocab: dict, n: int, *, first: int = 1000,
                 later_common: float = 0.0) -> list[tuple[str, str, str, str]]:
    """``n`` entries as (frame, lang, kind, pattern), kind in term|exclude.

    The first ``first`` entries are the 1,000-entry lexicon: mostly loaded pseudo-words
    (which occur only where sprinkled in), about 10% built on ordinary corpus words (which
    occur on their own), and a quarter of the phrases starting with a very common word
    (like "in the Ukraine"). Entries after them, which only the 10,000-entry lexicon has,
    use ordinary words ``later_common`` times as often, so the bigger lexicon finds about
    the same hits in the same text: it measures the cost of the lexicon's size, not of
    more matches.
    """
    frames = [f"frame_{k:02d}" for k in range(12)]
    langs = list(LANG_SHARE)
    entries, seen = [], set()
    loaded = {lang: iter(pseudo_words(np.random.default_rng(rng.integers(1 << 30)), lang,
                                      n * 2, min_syl=2, max_syl=4,
                                      avoid=set(vocab[lang].words)))
              for lang in langs}
    while len(entries) < n:
        common_rate = 1.0 if len(entries) < first else later_common
        lang = langs[len(entries) % 3]
        frame = frames[int(rng.integers(len(frames)))]
        r = rng.random()
        v = vocab[lang]
        mid = v.words[200 + int(rng.integers(5000))]      # a mid-frequency corpus word
        common = v.words[int(rng.integers(60))]           # a very common word
        word = next(loaded[lang])
        if r < 0.45:                                      # single word
            pat = word if rng.random() > 0.1 * common_rate else mid
        elif r < 0.70:                                    # prefix glob
            stem = word if rng.random() > 0.15 * common_rate else mid
            cut = int(rng.integers(0, 3)) if common_rate else 0     # later: whole word
            pat = stem[: max(3, len(stem) - cut)] + "*"
        elif r < 0.95:                                    # phrase of 2-3 tokens
            parts = [word, next(loaded[lang])]
            if rng.random() < 0.35 * common_rate:
                parts.insert(0, common)                   # starts with a common word
            if rng.random() < 0.4:
                parts[-1] = parts[-1] + "*"
            sep = "-" if rng.random() < 0.3 else " "
            pat = sep.join(parts)
        else:                                             # exclude of a glob/word
            entries.append((frame, lang, "exclude", f"{word} {mid}"))
            continue
        if (lang, pat.lower()) in seen:
            continue
        seen.add((lang, pat.lower()))
        kind = "term"
        entries.append((frame, lang, kind, pat))
    return entries


def write_lexicon(path: Path, name: str, entries) -> None:
    frames: dict = {}
    for frame, lang, kind, pat in entries:
        f = frames.setdefault(frame, {"terms": {}, "exclude": {}})
        f["terms" if kind == "term" else "exclude"].setdefault(lang, []).append(pat)
    lines = [f"name: {name}", "version: 1", "description: synthetic benchmark lexicon",
             "frames:"]
    for frame, f in sorted(frames.items()):
        lines += [f"  {frame}:", f"    label: {frame.replace('_', ' ').title()}", "    terms:"]
        for lang, pats in f["terms"].items():
            lines.append(f"      {lang}:")
            lines += [f"        - {json.dumps(p, ensure_ascii=False)}" for p in pats]
        if f["exclude"]:
            lines.append("    exclude:")
            for lang, pats in f["exclude"].items():
                lines.append(f"      {lang}:")
                lines += [f"        - {json.dumps(p, ensure_ascii=False)}" for p in pats]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- corpus


def realize(rng, pattern: str, lang: str) -> str:
    """A surface form of a pattern: globs inflected, phrase parts joined by space/hyphen."""
    out = []
    for tok in pattern.replace("-", " ").split():
        if tok.endswith("*"):
            tok = tok[:-1] + SUFFIXES[lang][int(rng.integers(len(SUFFIXES[lang])))]
        if rng.random() < 0.2:
            tok = tok.capitalize()
        out.append(tok)
    sep = "-" if rng.random() < 0.2 else " "
    return sep.join(out)


class TextMaker:
    def __init__(self, rng, vocab: dict, entries):
        self.rng = rng
        self.vocab = vocab
        self.terms = {lang: [p for _, lg, k, p in entries if lg == lang and k == "term"]
                      for lang in LANG_SHARE}
        self.excludes = {lang: [p for _, lg, k, p in entries if lg == lang and k == "exclude"]
                         for lang in LANG_SHARE}

    def sentence(self, lang: str) -> str:
        rng = self.rng
        n = int(rng.integers(8, 26))
        words = list(self.vocab[lang].sample(rng, n))
        r = rng.random()
        if r < 0.08:                              # a lexicon term (about one in twelve)
            words.insert(int(rng.integers(n)), realize(rng, self._pick(self.terms[lang]), lang))
        elif r < 0.09 and self.excludes[lang]:
            words.insert(int(rng.integers(n)), self._pick(self.excludes[lang]))
        if rng.random() < 0.1:
            words.insert(int(rng.integers(n)), str(int(rng.integers(1, 3000))))
        if rng.random() < 0.05:
            words.insert(int(rng.integers(n)), ABBREV[lang][int(rng.integers(5))])
        if rng.random() < 0.12:                   # a quotation
            a = int(rng.integers(n))
            b = min(n, a + int(rng.integers(1, 6)))
            q = QUOTES[lang]
            words[a] = q[0] + words[a]
            words[b - 1] = words[b - 1] + q[1]
        if rng.random() < 0.3:
            words[int(rng.integers(1, n))] += ","
        if rng.random() < 0.05:
            words.insert(int(rng.integers(1, n)), "\u2013")
        if rng.random() < 0.01:                   # typography that normalization handles
            k = int(rng.integers(n))
            w = words[k]
            words[k] = w[: len(w) // 2] + "\u00ad" + w[len(w) // 2:]
        s = " ".join(words)
        if rng.random() < 0.01:
            s = s.replace(" ", "\u00a0", 1)
        end = ".?!"[int(rng.choice(3, p=[0.9, 0.05, 0.05]))]
        return s[:1].upper() + s[1:] + end

    def _pick(self, items):
        return items[int(self.rng.integers(len(items)))]

    def document(self, lang: str, target_chars: int) -> tuple[str, str]:
        title = self.sentence(lang).rstrip(".?!")
        paras, size = [], 0
        while size < target_chars:
            para = " ".join(self.sentence(lang) for _ in range(int(self.rng.integers(2, 7))))
            paras.append(para)
            size += len(para) + 2
        return title, "\n\n".join(paras)


def make_corpus(rng, maker: TextMaker, n_bytes: int):
    """Yield corpus records until about ``n_bytes`` of UTF-8 text."""
    langs = list(LANG_SHARE)
    p = list(LANG_SHARE.values())
    total, i = 0, 0
    start = np.datetime64("2022-02-24")
    while total < n_bytes:
        lang = langs[int(rng.choice(3, p=p))]
        chars = int(np.clip(rng.lognormal(7.8, 0.6), 300, 20000))
        title, text = maker.document(lang, chars)
        i += 1
        total += len(text.encode("utf-8"))
        day = start + np.timedelta64(int(rng.integers(0, 1000)), "D")
        yield {"doc_id": f"d{i:08d}", "source": SOURCES[int(rng.integers(len(SOURCES)))],
               "date": str(day), "lang": lang, "title": title, "text": text}


def write_corpus(records, stem: Path, row_group: int = 4096) -> tuple[int, int]:
    """Write JSONL and Parquet side by side; returns (documents, text bytes)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    jsonl = stem.with_suffix(".jsonl")
    parquet = stem.with_suffix(".parquet")
    schema = pa.schema([(c, pa.string()) for c in
                        ("doc_id", "source", "date", "lang", "title", "text")])
    n = size = 0
    batch: list = []
    with open(jsonl, "w", encoding="utf-8") as fj, pq.ParquetWriter(parquet, schema) as pw:
        for rec in records:
            fj.write(json.dumps(rec, ensure_ascii=False) + "\n")
            batch.append(rec)
            n += 1
            size += len(rec["text"].encode("utf-8"))
            if len(batch) >= row_group:
                pw.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            pw.write_table(pa.Table.from_pylist(batch, schema=schema))
    return n, size


def repeat_jsonl(source: Path, target: Path, times: int) -> tuple[int, int]:
    """Write ``source`` ``times`` over into ``target``, the doc_ids of copy k suffixed
    ``-k`` (so they stay unique): a corpus far larger than memory, made at disk speed."""
    n = size = 0
    with open(target, "w", encoding="utf-8") as out:
        for k in range(times):
            with open(source, encoding="utf-8") as lines:
                for line in lines:
                    rec = json.loads(line)
                    if k:
                        rec["doc_id"] = f"{rec['doc_id']}-{k}"
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n += 1
                    size += len(rec["text"].encode("utf-8"))
    return n, size


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(HERE / "out"))
    ap.add_argument("--sizes", nargs="+", default=["10mb", "100mb"], choices=list(SIZES))
    ap.add_argument("--seed", type=int, default=2022)
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    vocab = {lang: Vocabulary(rng, lang) for lang in LANG_SHARE}
    entries_10k = make_entries(rng, vocab, 10_000)
    entries_1k = entries_10k[:1000]
    write_lexicon(out / "lexicon_1k.yaml", "bench-1k", entries_1k)
    write_lexicon(out / "lexicon_10k.yaml", "bench-10k", entries_10k)
    print(f"lexicons -> {out}/lexicon_1k.yaml, lexicon_10k.yaml", file=sys.stderr)
    if "5gb" in args.sizes and "1gb" not in args.sizes and \
            not (out / "corpus_1gb.jsonl").exists():
        args.sizes.insert(args.sizes.index("5gb"), "1gb")
    for size in args.sizes:
        if size == "5gb":
            n, nbytes = repeat_jsonl(out / "corpus_1gb.jsonl", out / "corpus_5gb.jsonl", 5)
            print(f"corpus_5gb: {n} documents, {nbytes / 1e6:.1f} MB of text", file=sys.stderr)
            continue
        crng = np.random.default_rng([args.seed, SIZES[size]])
        maker = TextMaker(crng, vocab, entries_1k)
        n, nbytes = write_corpus(make_corpus(crng, maker, SIZES[size]), out / f"corpus_{size}")
        print(f"corpus_{size}: {n} documents, {nbytes / 1e6:.1f} MB of text", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
