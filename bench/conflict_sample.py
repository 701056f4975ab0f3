"""Flag keys, a stable stratified sample and precision from hand judgments (no data, no spaCy).

Used by ``bench/conflict_precision.py``; kept apart so that the arithmetic is tested on synthetic
flags (``tests/test_conflict_sample.py``).

- A **flag** is one ``conflict`` the compare stage raised: a dict with ``stratum`` (the data set
  it came from), ``kind``, ``sources`` (``article``, ``start``, ``end``, ``text``) and ``values``
  (``article``, ``text``).
- Its **key** is built from what a reader judges (kind, cited spans, values), never from the run
  (fact ids, order), so a flag that a later compare change leaves alone keeps its judgment.
- The **sample** is "bottom-k" per stratum: flags are ordered by a seeded hash of their key and
  the first ones are taken. A flag's place in that order does not depend on the other flags, so
  when a change adds or removes flags, the flags already sampled (and judged) mostly stay sampled
  and only the newcomers need reading.
- **Precision** counts judged flags only; a sampled flag without a judgment is reported as
  unjudged, never guessed.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Flag = dict
Judgments = dict[str, dict]


def flag_key(flag: Flag) -> str:
    """``kind | article:start-end … | value / value …``, spans and values sorted."""
    spans = sorted(f"{s['article']}:{s['start']}-{s['end']}" for s in flag["sources"])
    values = sorted(f"{v['article']}={v['text']}" for v in flag.get("values", []))
    return " | ".join([flag["kind"], " ".join(spans), " / ".join(values)])


def short_id(key: str) -> str:
    """Eight hex digits naming a flag in tables and on the command line."""
    return hashlib.sha1(key.encode()).hexdigest()[:8]


def _rank(key: str, seed: int) -> str:
    return hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()


def allocate(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Share ``total`` draws between strata in proportion to their sizes (largest remainder),
    never more than a stratum holds, and at least one for every non-empty stratum (taken from
    the largest share) so that no data set goes unchecked."""
    available = {s: n for s, n in sizes.items() if n > 0}
    if sum(available.values()) <= total:
        return dict(available)
    whole = sum(available.values())
    quotas = {s: total * n / whole for s, n in available.items()}
    shares = {s: max(1, min(n, math.floor(quotas[s]))) for s, n in available.items()}
    by_remainder = sorted(available, key=lambda s: (-(quotas[s] % 1), s))
    while sum(shares.values()) < total:
        room = [s for s in by_remainder if shares[s] < available[s]]
        shares[room[0]] += 1
        by_remainder = room[1:] + room[:1]
    while sum(shares.values()) > total:
        shares[max(shares, key=lambda s: (shares[s], s))] -= 1
    return shares


def sample(flags: list[Flag], size: int, seed: int) -> list[Flag]:
    """Up to ``size`` flags, stratified by ``flag["stratum"]``, stable under added flags."""
    strata: dict[str, list[Flag]] = {}
    for flag in flags:
        strata.setdefault(flag["stratum"], []).append(flag)
    shares = allocate({s: len(members) for s, members in strata.items()}, size)
    chosen = []
    for stratum, members in sorted(strata.items()):
        ordered = sorted(members, key=lambda f: _rank(flag_key(f), seed))
        chosen += ordered[: shares.get(stratum, 0)]
    return chosen


def load_judgments(path: Path) -> Judgments:
    """``{"key", "verdict": true|false, "reason"}`` per line, by key; the last line for a key
    wins, so a changed mind is appended rather than edited in."""
    judgments: Judgments = {}
    if not path.exists():
        return judgments
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        if not isinstance(record.get("verdict"), bool) or not record.get("key"):
            raise ValueError(f"{path}:{number}: needs a key and a true/false verdict")
        judgments[record["key"]] = record
    return judgments


@dataclass(frozen=True)
class Precision:
    true: int
    false: int
    unjudged: int

    @property
    def judged(self) -> int:
        return self.true + self.false

    @property
    def value(self) -> float | None:
        return self.true / self.judged if self.judged else None

    def interval(self, z: float = 1.96) -> tuple[float, float] | None:
        """Wilson score interval: with 30 cases the point estimate alone says little."""
        n = self.judged
        if not n:
            return None
        p = self.true / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return max(0.0, centre - half), min(1.0, centre + half)

    def __str__(self) -> str:
        if self.value is None:
            return f"no judged flag ({self.unjudged} unjudged)"
        low, high = self.interval() or (0.0, 0.0)
        return (f"{self.true}/{self.judged} = {self.value:.2f} (95% Wilson {low:.2f}–{high:.2f})"
                f"{f', {self.unjudged} unjudged (not counted)' if self.unjudged else ''}")


def precision(flags: Iterable[Flag], judgments: Judgments) -> Precision:
    verdicts = Counter(
        "unjudged" if (j := judgments.get(flag_key(f))) is None else str(j["verdict"])
        for f in flags
    )
    return Precision(verdicts["True"], verdicts["False"], verdicts["unjudged"])
