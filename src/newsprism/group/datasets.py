"""Event-labelled article sets for fitting and scoring story grouping (from ``../shared/data``).

- **ECB+** (``ecbplus/topics/<t>/<t>_<n>ecb.xml`` / ``…ecbplus.xml``): tokenised news articles.
  In each topic the ``ecb`` files report one event and the ``ecbplus`` files a look-alike event, so
  the label is ``"<topic>-ecb"`` or ``"<topic>-ecbplus"``. There are no publication dates.
- **BASIL** (``basil/articles/<year>/<triplet>_<n>.json``): one event told by Fox, NYT and
  HuffPost; the label is the ``triplet-uuid``; title, date, outlet and body paragraphs are kept.

The documented split (tune on train only, report held-out):
- train: ECB+ topics 1–17, and BASIL events with an even index;
- held-out: ECB+ topics 18 and above, and BASIL events with an odd index;
where a BASIL event's index is its position (from 0) when events are sorted by
(year folder, triplet-uuid).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from newsprism.model import Article

Part = Literal["train", "heldout", "all"]
ECB_TRAIN_LAST_TOPIC = 17

_TOKEN = re.compile(r'<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)</token>')
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "''", "'s", "'S", "n't",
                    "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
_XML_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


@dataclass
class LabelledSet:
    articles: list[Article] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # gold event of each article

    def extend(self, other: LabelledSet) -> LabelledSet:
        return LabelledSet(self.articles + other.articles, self.labels + other.labels)

    def __len__(self) -> int:
        return len(self.articles)


def detokenize(tokens: list[str]) -> str:
    """Rejoin PTB-style tokens: no space before closing punctuation and clitics."""
    out: list[str] = []
    for token in tokens:
        token = {"``": '"', "''": '"'}.get(token, token)
        glue = not out or token in _NO_SPACE_BEFORE or out[-1] in _NO_SPACE_AFTER
        glue = glue or (token == '"' and out[-1] == '"')  # never two quote marks spaced apart
        out.append(token if glue else " " + token)
    return "".join(out).strip()


def _unescape(token: str) -> str:
    for entity, char in _XML_ENTITIES.items():
        token = token.replace(entity, char)
    return token


def read_ecbplus_file(path: Path) -> Article:
    sentences: dict[int, list[str]] = {}
    for number, token in _TOKEN.findall(path.read_text(encoding="utf-8")):
        sentences.setdefault(int(number), []).append(_unescape(token))
    lines = [detokenize(sentences[n]) for n in sorted(sentences)]
    url = None
    if lines and lines[0].lower().startswith("http"):
        # ecbplus files open with their URL; kept as metadata, not text, since only one half of
        # each topic has one and shared "http … com" tokens would say nothing about the event.
        url = "".join(sentences[min(sentences)])
        lines = lines[1:]
    return Article.from_paragraphs(path.stem, lines, url=url, source=str(path))


def ecbplus_label(path: Path) -> str:
    """``"<topic>-ecb"`` or ``"<topic>-ecbplus"`` from a file name like ``3_2ecbplus.xml``."""
    topic = path.stem.split("_", 1)[0]
    return f"{topic}-{'ecbplus' if path.stem.endswith('ecbplus') else 'ecb'}"


def _in_part(is_train: bool, part: Part) -> bool:
    return part == "all" or is_train == (part == "train")


def load_ecbplus(root: str | Path, part: Part = "all") -> LabelledSet:
    data = LabelledSet()
    topics_dir = Path(root) / "topics"
    for topic_dir in sorted(topics_dir.iterdir(), key=lambda p: int(p.name)):
        if not _in_part(int(topic_dir.name) <= ECB_TRAIN_LAST_TOPIC, part):
            continue
        for path in sorted(topic_dir.glob("*.xml")):
            data.articles.append(read_ecbplus_file(path))
            data.labels.append(ecbplus_label(path))
    return data


def read_basil_file(path: Path) -> tuple[Article, str]:
    record = json.loads(path.read_text(encoding="utf-8"))
    paragraphs = [" ".join(part) if isinstance(part, list) else str(part)
                  for part in record.get("body-paragraphs", [])]
    article = Article.from_paragraphs(
        path.stem,
        paragraphs,
        title=(record.get("title") or "").strip() or None,
        published=record.get("date") or None,
        outlet=record.get("source") or None,
        url=record.get("url") or None,
        source=str(path),
    )
    return article, record["triplet-uuid"]


def load_basil(root: str | Path, part: Part = "all") -> LabelledSet:
    files = sorted((Path(root) / "articles").glob("*/*.json"))
    records = [read_basil_file(path) for path in files]
    events = sorted({(path.parent.name, label) for path, (_, label) in zip(files, records,
                                                                           strict=True)})
    event_index = {label: index for index, (_, label) in enumerate(events)}
    data = LabelledSet()
    for article, label in records:
        if not _in_part(event_index[label] % 2 == 0, part):
            continue
        data.articles.append(article)
        data.labels.append(label)
    return data


def load_mixed(shared_data: str | Path, part: Part) -> LabelledSet:
    """ECB+ and BASIL together, as a real stream mixes unrelated and look-alike events."""
    shared_data = Path(shared_data)
    return load_ecbplus(shared_data / "ecbplus", part).extend(
        load_basil(shared_data / "basil", part)
    )
