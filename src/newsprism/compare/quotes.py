"""Quote provenance: the same line across outlets, and whom each outlet credits with it.

Quotes are compared by wording alone (no model): open-class word stems weighted by tf-idf, the idf
taken from every sentence of the story, so words the whole story uses ("troops") count little and a
line's own words (a word said three times) count a lot. Quotes are grouped by average-linkage
clustering, which needs a quote to resemble a group as a whole rather than one member of it.

Within a group: the same words credited to one speaker by several outlets are *agreed*, to different
speakers a *conflict* (an attribution error somewhere); one line said by several people in their own
words is *echoed*; reported speech carrying the line ("X said the leaders would stand firm") is
a *paraphrase* of it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

import numpy as np
from sklearn.cluster import AgglomerativeClustering

from newsprism.compare.naming import named_attributions
from newsprism.model import Article, Entity, Quote, QuoteGroup, QuoteRecord

# Closed-class words (lexicon): they carry grammar, not the wording of a particular line.
CLOSED_CLASS = frozenset(
    """a an the this that these those some any each every no all both either neither i me my mine
    we us our ours you your yours he him his she her hers it its they them their theirs who whom
    whose which what there here in on at to of for from by with about into onto over under after
    before between through during without within against among and or but nor so yet if because
    as than then while although though whether be am is are was were been being have has had do
    does did will would shall should can could may might must ll s re ve m d not t""".split()  # noqa: SIM905
)
# Calibrated on BASIL, not on the seeds (`bench/quotes.py --calibrate`): 40 pairs of outlets
# quoting one speaker with a shared five-word run (the same line carried) against 80 pairs of
# different speakers' quotes in one event. Every SAME_LINE from 0.15 to 0.5 keeps all 40 and
# lets 2-4% of the 80 through; 0.2 is kept at the low end of that plateau because reported
# speech, which BASIL does not label, rewords a line and needs the room. VERBATIM from 0.4 to
# 0.5 keeps all 40 and lets 1 of the 80 through; 0.5 is the stricter end, since a false
# "conflict" accuses an outlet of misattribution.
SAME_LINE = 0.2  # mean cosine between a group's quotes; unrelated quotes of a story stay below
VERBATIM = 0.5  # share of the shorter quote's word trigrams found in the other: the same words
# Share of the shorter quote's word trigrams found in the other for two quotes credited to
# different people to be one line: above VERBATIM, so that a shared stock phrase ("on the wrong
# side of history") is not one line. The attribution facts use the same bar.
ATTRIBUTED_SHARE = 0.6
# A line transcribed differently by two outlets keeps all but one word in this many.
MIN_CHANGED_EVERY = 8
SUFFIXES = ("ing", "ed", "es", "s", "e")
# An attribution rests on a line, not on a phrase: "Today" or "Meet the Press" in quote marks is a
# title, and four-word fragments are too common to pin on (or to excuse) one speaker.
MIN_LINE_WORDS = 5


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match "leave", "leaving" and "leaves"."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+", text))


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in CLOSED_CLASS]


def _vectors(texts: list[str], background: list[str]) -> np.ndarray:
    documents = [Counter(stem(w) for w in words(t)) for t in background + texts]
    df = Counter(w for d in documents for w in d)
    vocabulary = {w: i for i, w in enumerate(sorted(df))}
    matrix = np.zeros((len(texts), len(vocabulary)))
    for row, text in enumerate(texts):
        for word, count in Counter(stem(w) for w in words(text)).items():
            matrix[row, vocabulary[word]] = count * math.log((len(documents) + 1) / (df[word] + 1))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def chunks(text: str) -> list[str]:
    """A quote's sentences and colon-separated parts: a line is often one part of a longer quote
    ("I came to say one thing: we stand firm, we stay firm")."""
    parts = [p for p in re.split(r"(?<=[.!?:;])\s+", text) if len(words(p)) >= 2]
    return parts or [text]


def similarity(texts: list[str], background: list[str]) -> np.ndarray:
    """Cosine similarity of the best-matching parts of every two quotes."""
    parts = [chunks(t) for t in texts]
    owner = [i for i, p in enumerate(parts) for _ in p]
    vectors = _vectors([c for p in parts for c in p], background)
    by_part = np.clip(vectors @ vectors.T, 0, 1)
    result = np.zeros((len(texts), len(texts)))
    for a, i in enumerate(owner):
        for b, j in enumerate(owner):
            result[i, j] = max(result[i, j], by_part[a, b])
    np.fill_diagonal(result, 1.0)
    return result


def _clusters(similarity: np.ndarray) -> list[int]:
    if len(similarity) < 2:
        return [0] * len(similarity)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1 - SAME_LINE,
    )
    return [int(label) for label in model.fit_predict(1 - similarity)]


def _trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = [stem(w) for w in re.findall(r"[^\W_]+", text.lower())]
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)} or {tuple(tokens)}


def verbatim_share(a: str, b: str) -> float:
    """Share of the shorter quote's word trigrams found in the other."""
    ta, tb = _trigrams(a), _trigrams(b)
    return len(ta & tb) / min(len(ta), len(tb))


def attributed_verbatim(a: str, b: str) -> bool:
    """Whether two quotes credited apart are one line (see ATTRIBUTED_SHARE), also when one
    outlet changed a word of it (see :func:`one_word_changed`)."""
    return verbatim_share(a, b) >= ATTRIBUTED_SHARE or one_word_changed(a, b)


def _tokens(text: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[^\W_]+", text.lower())]


def one_word_changed(a: str, b: str) -> bool:
    """The shorter quote is found in the other with at most one word in eight left out or
    changed, inside it ("destructive *to* the fabric" / "destructive *of* the fabric"): outlets
    transcribe one line differently. Every other word lies in runs of two or more, in order, with
    at most one word of the other between two runs, so that lines sharing only a stock phrase
    ("… misread the mood of the town") still differ by a whole opening."""
    short, long = sorted((_tokens(a), _tokens(b)), key=len)
    if len(short) < MIN_CHANGED_EVERY:  # shorter lines must match word for word
        return False
    blocks = [m for m in SequenceMatcher(None, short, long, autojunk=False)
              .get_matching_blocks() if m.size >= 2]
    if not blocks or blocks[0].a > 1 or blocks[-1].a + blocks[-1].size < len(short) - 1:
        return False  # the shorter quote's first and last words must be carried
    gaps = zip(blocks, blocks[1:], strict=False)
    if any(n.b - (m.b + m.size) > 1 for m, n in gaps):
        return False
    missing = len(short) - sum(m.size for m in blocks)
    return missing <= len(short) // MIN_CHANGED_EVERY


def verbatim(a: str, b: str) -> bool:
    """Whether two quotes are the same words (one may be a cut of the other)."""
    return verbatim_share(a, b) >= VERBATIM


def _record(article: Article, quote: Quote) -> QuoteRecord:
    return QuoteRecord(
        text=quote.text,
        speaker=quote.speaker_name,
        article=article.id,
        start=quote.start,
        end=quote.end,
        kind=quote.kind,
        speaker_entity=quote.speaker_entity,
    )


def _reported(records: list[QuoteRecord]) -> set[int]:
    """Indirect quotes, and the quoted fragments inside them ("said the leaders 'would go'")."""
    indirect = [i for i, r in enumerate(records) if r.kind == "indirect"]
    inside = {
        i
        for i, r in enumerate(records)
        if r.kind == "partial"
        and any(
            records[j].article == r.article
            and records[j].start <= r.start
            and r.end <= records[j].end
            for j in indirect
        )
    }
    return set(indirect) | inside


def _status(
    members: list[QuoteRecord], core: list[QuoteRecord], labels: dict[str, str], named: set[int]
) -> str:
    """``named``: ids of the records whose outlet names the speaker outright (see
    :func:`newsprism.compare.naming.named_attributions`); only those can contradict."""
    if len({r.article for r in members}) < 2:
        return "single"
    credited = [r for r in _quoted_words(members) if _a_person(r, labels) and id(r) in named]
    if _credited_apart(credited):
        return "conflict"
    speakers = {r.speaker for r in core if r.speaker}
    if len({r.article for r in core}) < 2:
        return "paraphrase" if core and len(speakers) <= 1 else "echoed"
    return "agreed" if len(speakers) <= 1 else "echoed"


def _quoted_words(members: list[QuoteRecord]) -> list[QuoteRecord]:
    """The records that give a speaker's own words: direct and partial quotes, also a fragment
    in quote marks inside reported speech ("X said inaction 'would raise the risk'"): the
    reported clause around it is a paraphrase, the marked words are not."""
    return [r for r in members if r.kind != "indirect"]


def _credited_apart(records: list[QuoteRecord]) -> bool:
    """Two outlets give the same words to different speakers, and neither outlet also gives
    those words to the other's speaker (a headline's "Union calls …" above "union leader X
    called …" is one outlet crediting both, not contradicting anyone)."""
    for i, a in enumerate(records):
        for b in records[i + 1 :]:
            if a.article != b.article and _is_line(a) and _is_line(b) \
                    and not same_speaker(a.speaker, b.speaker) \
                    and attributed_verbatim(a.text, b.text) \
                    and not _also_credits(records, a.article, b, a) \
                    and not _also_credits(records, b.article, a, b):
                return True
    return False


def _a_person(record: QuoteRecord, labels: dict[str, str]) -> bool:
    """The speaker is a person, not an organisation, a group or a role: "the ministry", "a White
    House spokesman" and the official an outlet names may be one voice, so crediting the words
    to one or the other accuses nobody. A speaker without a known entity is taken for a person
    when written as a name (capitalised, not "a"/"the" + noun)."""
    label = labels.get(record.speaker_entity or "")
    if label is not None:
        return label == "PERSON"
    first = (record.speaker or "").split()[:1]
    return bool(first) and first[0][:1].isupper() and first[0].lower() not in ("a", "an", "the")


def _is_line(record: QuoteRecord) -> bool:
    return bool(record.speaker) and word_count(record.text) >= MIN_LINE_WORDS


def surname(name: str | None) -> str:
    """The last capitalised word of a name, without a possessive: "Gov. Rick Perry" -> perry, so
    that one person named two ways is one speaker."""
    found = [w for w in re.findall(r"[A-Z][\w'’-]*", name or "") if not w.endswith(".")]
    return re.sub(r"['’]s$", "", found[-1]).lower() if found else (name or "").lower()


def surnames(name: str | None) -> set[str]:
    """The surnames of a speaker, or of each member of a joint one ("Ann Ortiz and Tom Baker",
    "Ortiz & Baker"): {ortiz, baker}."""
    parts = [p for p in re.split(r",|&|\band\b", name or "") if p.strip()]
    return {surname(p) for p in parts} or {surname(name)}


def same_speaker(a: str | None, b: str | None) -> bool:
    """One speaker, or joint speakers that share a member: an outlet that credits "Ortiz" with
    a joint statement of Ortiz and Baker does not contradict one that credits both. A lone
    given name is the person of that first name ("her son, Tom, said" / "Tom Baker said")."""
    return bool(surnames(a) & surnames(b)) or _given_name_of(a, b) or _given_name_of(b, a)


def _given_name_of(lone: str | None, full: str | None) -> bool:
    """``lone`` is one capitalised word, the first word of the name ``full``."""
    lone_words, full_words = (lone or "").split(), (full or "").split()
    return len(lone_words) == 1 and len(full_words) >= 2 and lone_words[0][:1].isupper() \
        and lone_words[0].lower() == full_words[0].lower()


def _also_credits(records: list[QuoteRecord], article: str, line: QuoteRecord,
                  own: QuoteRecord) -> bool:
    """``article`` itself gives the words its ``own`` record shares with ``line`` to ``line``'s
    speaker. Only a line counts: a few words ("In God We Trust") found inside a longer quote are a
    phrase, not that line. And only those shared words: an outlet that gives the first sentence
    of a joined quote to one person and the second to another still contradicts an outlet
    giving the second sentence to the first person."""
    return any(r.article == article and _is_line(r) and same_speaker(r.speaker, line.speaker)
               and verbatim(r.text, line.text) and verbatim(r.text, own.text) for r in records)


def _group(
    index: int, members: list[QuoteRecord], reported: set[int], ids: dict[int, int],
    labels: dict[str, str], named: set[int],
) -> QuoteGroup:
    direct = [r for r in members if ids[id(r)] not in reported]
    for record in members:  # reported speech is a paraphrase only of a line quoted in the group
        record.paraphrase = bool(direct) and ids[id(record)] in reported
    core = direct or members
    speakers = list(dict.fromkeys(r.speaker for r in core if r.speaker))
    return QuoteGroup(
        id=f"quote-{index + 1}",
        text=core[0].text,
        speakers=speakers,
        status=_status(members, core, labels, named),
        quotes=members,
    )


def collect(
    articles: Sequence[Article], entities: list[Entity]
) -> tuple[list[QuoteRecord], list[QuoteGroup]]:
    """Every quote of the story as a record, and the records grouped by the line they carry.

    Speakers are already canonical on the quotes; ``entities`` tells people from organisations
    and groups, which cannot be party to an attribution conflict (see :func:`_a_person`).
    """
    records = [_record(a, q) for a in articles for q in a.quotes]
    if not records:
        return [], []
    background = [a.span_text(s) for a in articles for s in a.sentences]
    labels = _clusters(similarity([r.text for r in records], background))
    reported = _reported(records)
    ids = {id(r): i for i, r in enumerate(records)}
    order: dict[int, list[QuoteRecord]] = {}
    for record, label in zip(records, labels, strict=True):
        order.setdefault(label, []).append(record)
    labels = {entity.id: entity.label for entity in entities}
    outright = named_attributions(articles)
    named = {id(r) for r in records if (r.article, r.start, r.end) in outright}
    groups = [_group(i, members, reported, ids, labels, named)
              for i, members in enumerate(order.values())]
    return records, groups
