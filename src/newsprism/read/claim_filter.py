"""A learned last look at the rules' attributions: drop the ones unlikely to be right.

Each rule is right more often than not, but some contexts stack weak signs against an
attribution (a question, a modal, a two-word content, a subject that is a pronoun, a cue that is
a noun, …) where no single sign is worth a rule (see ``not_attributions``). A sparse logistic
model (:mod:`newsprism.read.linear_model`) fitted on PolNeAR train by
``bench/train_claim_filter.py`` weighs them together and gives P(the attribution is right end to
end: content and speaker). One attribution is a draft with the drafts that continue it and the
quoted fragments inside it, as the evaluation merges them; it is kept or dropped whole.

Dropping pays on F1 only when the attribution is more often wrong than about F1 / 2, so the
model's threshold is low. Quotes in quotation marks are never dropped: a reader expects every
marked quote to be found, and half of those the model would drop are real quotes whose speaker
the rules miss (PolNeAR train, out of fold; see docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsprism.model import Article
from newsprism.read.linear_model import Features, SparseLogistic
from newsprism.read.reported import Draft

MODEL_PATH = Path(__file__).parent / "models" / "claim_filter.json"
QUOTE_MARKS = '"“”«»„'
CLAUSE_OPENERS = {"that", "to", "whether", "if", "how", "why", "what", "when", "the", "a", "he",
                  "she", "it", "they", "we", "i", "you", "there", "this"}  # fmt: skip
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "you", "it", "who", "that", "which", "this"}


@cache
def shipped() -> SparseLogistic:
    return SparseLogistic.load(MODEL_PATH)


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return f"≤{edge}"
    return f">{edges[-1]}"


def chains(drafts: list[Draft]) -> list[list[Draft]]:
    """The drafts grouped by the draft their continuations go back to, that one first."""
    groups: dict[int, list[Draft]] = {}
    for draft in drafts:
        root = draft
        while root.continues is not None:
            root = root.continues
        groups.setdefault(id(root), []).append(draft)
    for members in groups.values():
        members.sort(key=lambda d: d.continues is not None)
    return list(groups.values())


def _nested(draft: Draft, drafts: list[Draft]) -> bool:
    """Quoted words inside a longer draft are part of it (``evaluation.predictions``)."""
    return draft.kind != "indirect" and any(
        other is not draft
        and other.start <= draft.start
        and draft.end <= other.end
        and other.end - other.start > draft.end - draft.start
        for other in drafts
    )


def _content_tokens(doc: Doc, draft: Draft) -> list[Token]:
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _cue_features(cue: Token | None) -> dict[str, float]:
    if cue is None:
        return {"cue=none": 1.0}
    found = {
        f"cue.lemma={cue.lemma_.lower()}": 1.0,
        f"cue.pos={cue.pos_}": 1.0,
        f"cue.tag={cue.tag_}": 1.0,
        f"cue.dep={cue.dep_}": 1.0,
        f"cue.head_pos={cue.head.pos_}": 1.0,
    }
    for child in cue.children:
        if child.dep_ == "neg":
            found["cue.negated"] = 1.0
        elif child.tag_ == "MD":
            found[f"cue.modal={child.lower_}"] = 1.0
        elif child.dep_ in {"dobj", "dative", "prep", "ccomp", "xcomp", "agent", "nsubjpass"}:
            found[f"cue.child={child.dep_}"] = 1.0
    if cue.dep_ in {"xcomp", "advcl", "acl", "relcl", "pcomp", "conj"}:
        found[f"cue.dep|head={cue.dep_}|{cue.head.lemma_.lower()}"] = 1.0
    return found


def _subject_features(subject: Token | None, cue: Token | None) -> dict[str, float]:
    if subject is None:
        return {"subject=none": 1.0}
    if subject.pos_ == "PRON" or subject.lower_ in SUBJECT_PRONOUNS:
        kind = f"pronoun:{subject.lower_}"
    elif subject.ent_type_:
        kind = f"entity:{subject.ent_type_}"
    elif subject.pos_ == "PROPN":
        kind = "propn"
    else:
        kind = "noun"
    found = {f"subject={kind}": 1.0, f"subject.dep={subject.dep_}": 1.0}
    if kind == "noun":
        found[f"subject.lemma={subject.lemma_.lower()}"] = 1.0
    if cue is not None:
        found["subject.of_cue" if subject.head is cue else "subject.elsewhere"] = 1.0
        found["subject.sentence=" + ("same" if subject.sent == cue.sent else "other")] = 1.0
        found["subject.side=" + ("before" if subject.i < cue.i else "after")] = 1.0
    return found


def _content_features(doc: Doc, draft: Draft, cue: Token | None) -> dict[str, float]:
    tokens = _content_tokens(doc, draft)
    words = [t for t in tokens if not t.is_punct]
    found = {f"length={_bucket(len(words), (1, 3, 6, 12, 25, 50))}": 1.0}
    if not words:
        return found
    first = words[0]
    found[f"first={first.lower_ if first.lower_ in CLAUSE_OPENERS else first.pos_}"] = 1.0
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head is t]
    root = roots[0] if roots else tokens[0]
    found[f"root.dep={root.dep_}"] = 1.0
    found[f"root.pos={root.pos_}"] = 1.0
    found[f"roots={_bucket(len(roots), (1, 2, 4))}"] = 1.0
    if any(t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBG", "VBN"} for t in tokens):
        found["content.finite"] = 1.0
    if cue is not None:
        where = "inside" if cue.i in inside else "before" if cue.i < tokens[0].i else "after"
        found[f"cue.side={where}"] = 1.0
        found[f"root.on_cue={root.head is cue}"] = 1.0
        if root.head is cue:
            found[f"rel={root.dep_}"] = 1.0
        sentence = cue.sent
        share = sum(1 for t in tokens if t.sent == sentence) / max(1, len(sentence))
        found[f"share={_bucket(round(share * 10), (2, 5, 8, 10))}"] = 1.0
    return found


def _layout_features(article: Article, draft: Draft, members: list[Draft]) -> dict[str, float]:
    text = article.text
    content = text[draft.start : draft.end]
    around = text[max(0, draft.start - 1) : draft.end + 1]
    found = {
        "marks.inside" if any(m in content for m in QUOTE_MARKS) else "marks.none_inside": 1.0,
        f"pieces={_bucket(len(members), (1, 2, 4))}": 1.0,
    }
    if any(m in around for m in QUOTE_MARKS) and not any(m in content for m in QUOTE_MARKS):
        found["marks.around"] = 1.0
    index = next(
        (i for i, p in enumerate(article.paragraphs) if p.start <= draft.start < p.end), -1
    )
    found[f"paragraph={_bucket(index, (0, 1, 3, 8))}"] = 1.0
    if index >= 0:
        paragraph = article.paragraphs[index]
        line = text[paragraph.start : paragraph.end]
        found[f"paragraph.words={_bucket(len(line.split()), (8, 20, 40))}"] = 1.0
        if line.rstrip().endswith("?"):
            found["paragraph.question"] = 1.0
    sentence_end = text.find(".", draft.end)
    question = text.find("?", draft.end)
    if question != -1 and (sentence_end == -1 or question < sentence_end):
        found["question_after"] = 1.0
    return found


def _neighbour_features(
    doc: Doc, head: Draft, members: list[Draft], drafts: list[Draft]
) -> dict[str, float]:
    """Other attributions around this one: rules that read one sentence twice are often wrong
    once."""
    found: dict[str, float] = {}
    mine = {id(d) for d in members}
    others = [d for d in drafts if id(d) not in mine]
    if any(d.start < head.end and head.start < d.end for d in others):
        found["overlaps_other"] = 1.0
    if head.cue is not None:
        if any(d.cue is not None and d.cue.i == head.cue.i for d in others):
            found["cue.shared"] = 1.0
        sentence = head.cue.sent
        near = sum(1 for d in others if sentence.start_char <= d.start < sentence.end_char)
        found[f"sentence.others={_bucket(near, (0, 1, 2))}"] = 1.0
        found[f"sentence.ends_content={head.end >= sentence.end_char - 2}"] = 1.0
        found[f"sentence.starts_content={head.start <= sentence.start_char + 1}"] = 1.0
        if head.end > sentence.end_char:
            found["content.beyond_sentence"] = 1.0
    if head.subject is not None and head.start <= head.subject.idx < head.end:
        found["subject.inside_content"] = 1.0
    tokens = _content_tokens(doc, head)
    if any(t.lemma_.lower() in {"say", "tell", "accord"} for t in tokens):
        found["content.has_say"] = 1.0
    if head.cue is not None:
        cue = head.cue
        before = doc[cue.i - 1].lower_ if cue.i > 0 else "<s>"
        after = doc[cue.i + 1].lower_ if cue.i + 1 < len(doc) else "</s>"
        found[f"cue.before={before}"] = 1.0
        found[f"cue.after={after}"] = 1.0
    words = [t.lower_ for t in tokens if not t.is_punct][:2]
    if words:
        found["content.words=" + " ".join(words)] = 1.0
    return found


def features(article: Article, doc: Doc, members: list[Draft], drafts: list[Draft]) -> Features:
    """What the model weighs for one attribution: its first draft and how many pieces it has."""
    head = members[0]
    cue = head.cue
    found: dict[str, float] = {"bias.kind=" + head.kind: 1.0}
    found |= _cue_features(cue)
    found |= _subject_features(head.subject, cue)
    found |= _content_features(doc, head, cue)
    found |= _layout_features(article, head, members)
    found |= _neighbour_features(doc, head, members, drafts)
    if cue is not None:
        lemma = cue.lemma_.lower()
        found[f"kind|lemma={head.kind}|{lemma}"] = 1.0
        found[f"kind|tag={head.kind}|{cue.tag_}"] = 1.0
        relation = next((n for n in found if n.startswith("root.dep=")), "root.dep=none")
        found[f"lemma|{relation}={lemma}"] = 1.0
        subject = next((n for n in found if n.startswith("subject=")), "subject=none")
        found[f"kind|{subject}"] = 1.0
    return found


def is_direct(article: Article, members: list[Draft]) -> bool:
    """Quotation marks in or right around any piece (``evaluation.is_direct_prediction``)."""
    text = article.text
    return any(m in text[max(0, d.start - 1) : d.end + 1] for d in members for m in QUOTE_MARKS)


def attributions(
    article: Article, doc: Doc, drafts: list[Draft]
) -> list[tuple[list[Draft], Features]]:
    """Each attribution the evaluation would count (not a fragment nested in another), with the
    model's features."""
    found = []
    for members in chains(drafts):
        if all(_nested(d, drafts) for d in members):
            continue
        found.append((members, features(article, doc, members, drafts)))
    return found


def drop_unlikely(
    article: Article, doc: Doc, drafts: list[Draft], model: SparseLogistic | None = None
) -> list[Draft]:
    """The drafts without the attributions the model finds unlikely (none with quotation marks,
    so no quoted fragment is left counted on its own)."""
    model = model or shipped()
    dropped: set[int] = set()
    for members, row in attributions(article, doc, drafts):
        if is_direct(article, members):
            continue
        probability = model.probability(row)
        if probability < model.threshold:
            dropped |= {id(d) for d in members}
        for draft in members:
            draft.confidence = probability
    return [d for d in drafts if id(d) not in dropped]
