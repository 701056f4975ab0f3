"""Who "he" or "she" is: the persons an article has named so far, and how prominently."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsprism.model import Article
from newsprism.read.coref import PERSON, Coref
from newsprism.read.cues import POSSESSIVE_PRONOUNS, PRONOUN_GENDER, SUBJECT_DEPS

# Pronouns that, inside a person's own clause, can only be that person's.
OWN_PRONOUN_GENDER = {"his": "m", "himself": "m", "her": "f", "herself": "f"}


@dataclass
class Salience:
    """Persons seen so far outside quotes, in text order, for resolving "he said"."""

    article: Article
    doc: Doc
    coref: Coref
    quoted: list[tuple[int, int]]
    events: list[tuple[int, int]] = field(default_factory=list)  # subjects: (offset, cluster)
    others: list[tuple[int, int]] = field(default_factory=list)  # people seen as non-subjects
    genders: dict[int, str] = field(default_factory=dict)
    main: set[int] = field(default_factory=set)  # offsets of main-clause subjects

    def __post_init__(self) -> None:
        self.starts = [sentence.start_char for sentence in self.doc.sents]
        subjects: dict[int, int] = {}  # subject token index -> person cluster
        for mi, mention in enumerate(self.article.mentions):
            cluster = self.coref.of.get((0, mi))
            if cluster is None or self.coref.clusters[cluster].label != PERSON:
                continue
            if any(a <= mention.start < b for a, b in self.quoted):
                continue
            subject = self._subject_token(mention.start, mention.end)
            if subject is not None:
                # The name itself ("Ortiz won"), not "aides of Ortiz" nor a role resolved to her.
                if mention.label == PERSON and mention.start <= subject.idx < mention.end:
                    subjects[subject.i] = cluster
                self.events.append((mention.start, cluster))
                if _main_clause(subject):
                    self.main.add(mention.start)
            else:
                self.others.append((mention.start, cluster))
        self.genders.update(self._own_pronoun_genders(subjects))
        for i, cluster in enumerate(self.coref.clusters):
            if cluster.gender:  # an honorific outweighs what the pronouns suggest
                self.genders[i] = cluster.gender

    def _own_pronoun_genders(self, subjects: dict[int, int]) -> dict[int, str]:
        """Gender the article itself shows for a person: "his" or "herself" inside the clause
        whose subject that person is ("Ortiz won Vermont, his first win"; "Lee paid for it
        herself"), with no other person named between them. A pronoun in a clause of its own
        ("Ortiz said his rival …") may be anyone's and is not counted; a person shown both ways
        gets no gender from this."""
        votes: dict[int, Counter] = {}
        people = self.events + self.others
        for token in self.doc:
            gender = OWN_PRONOUN_GENDER.get(token.lower_)
            if gender is None or (token.lower_ == "her" and token.dep_ != "poss"):
                continue
            if any(a <= token.idx < b for a, b in self.quoted):
                continue
            verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if verb is None:
                continue
            for child in verb.children:
                cluster = subjects.get(child.i)
                if cluster is None or child.i > token.i:
                    continue
                between = [c for o, c in people if child.idx < o < token.idx and c != cluster]
                if not between:  # "Ortiz faulted Lee over his remarks": his may be Lee's
                    votes.setdefault(cluster, Counter())[gender] += 1
        shown: dict[int, str] = {}
        for cluster, counter in votes.items():
            (first, n), *rest = counter.most_common()
            if not rest or rest[0][1] < n:
                shown[cluster] = first
        return shown

    def _subject_token(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        token = span.root
        for _ in range(3):  # "Ann Clarke" is an apposition of the subject "minister"
            if token.dep_ in SUBJECT_DEPS:
                return token
            if token.dep_ not in {"compound", "appos", "nmod"} or token.head is token:
                return None
            token = token.head
        return None

    def _is_subject(self, start: int, end: int) -> bool:
        return self._subject_token(start, end) is not None

    def _sentence(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def resolve(self, pronoun: Token) -> int | None:
        """The person "he" or "she" stands for: in the nearest sentence before it that names a
        person of agreeing gender, the subject of the main clause, else the last subject, else
        the one person it names ("That did not satisfy Justice Ortiz. “…,” he said."); a
        possessive or object pronoun ("his 40 points") resolves as its subject form; never
        the person the same verb addresses ("he told the mayor"). A sentence naming several
        people, none as subject, is passed over."""
        word = pronoun.lower_
        gender = PRONOUN_GENDER.get(POSSESSIVE_PRONOUNS.get(word, word))
        if gender is None:
            return None
        addressed = self._addressed(pronoun)
        own = self._sentence(pronoun.idx)
        by_sentence: dict[int, list[tuple[int, int, bool]]] = {}
        for offset, cluster, subject in [(o, c, True) for o, c in self.events] + [
            (o, c, False) for o, c in self.others
        ]:
            if offset >= pronoun.idx or cluster in addressed:
                continue
            if self.genders.get(cluster, gender) != gender:
                continue
            sentence = self._sentence(offset)
            if sentence == own and not subject:
                continue  # "After meeting Ortiz, he said": the pronoun is not that object
            by_sentence.setdefault(sentence, []).append((offset, cluster, subject))
        for sentence in sorted(by_sentence, reverse=True):
            found = _salient(by_sentence[sentence], self.main)
            if found is not None:
                self.genders[found] = gender
                return found
        return None

    def _addressed(self, pronoun: Token) -> set[int]:
        """People the pronoun's own verb speaks to or about: "he told the vice president",
        "she said of Ortiz"."""
        found: set[int] = set()
        if pronoun.dep_ not in SUBJECT_DEPS:
            return found
        for child in pronoun.head.children:
            addressed = child.dep_ in {"dobj", "dative"} or (
                child.dep_ == "prep" and child.lower_ in {"to", "of", "about", "with"}
            )
            if not addressed:
                continue
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            for mi, mention in enumerate(self.article.mentions):
                if start <= mention.start < end and (cluster := self.coref.of.get((0, mi))):
                    found.add(cluster)
        return found

    def saw(self, offset: int, cluster: int | None) -> None:
        if cluster is not None and self.coref.clusters[cluster].label == PERSON:
            self.events.append((offset, cluster))
            token = _token_at(self.doc, offset)
            if token is not None and token.dep_ in SUBJECT_DEPS and _main_clause(token):
                self.main.add(offset)


def _salient(seen: list[tuple[int, int, bool]], main: set[int]) -> int | None:
    subjects = sorted((o, c) for o, c, subject in seen if subject)
    if subjects:
        in_main = [c for o, c in subjects if o in main]
        return in_main[-1] if in_main else subjects[-1][1]
    people = {c for _, c, _ in seen}
    return people.pop() if len(people) == 1 else None


def _main_clause(subject: Token) -> bool:
    """Whether a subject's verb is the sentence's main verb (or joined to it by "and", "but")."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
