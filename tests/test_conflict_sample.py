"""Sampling and precision arithmetic of bench/conflict_precision.py, on synthetic flags."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).parents[1] / "bench" / "conflict_sample.py"
_SPEC = importlib.util.spec_from_file_location("conflict_sample", _PATH)
S = importlib.util.module_from_spec(_SPEC)
sys.modules["conflict_sample"] = S
_SPEC.loader.exec_module(S)


def make_flag(stratum: str, n: int, kind: str = "quantity") -> dict:
    return {
        "stratum": stratum,
        "kind": kind,
        "sources": [
            {"article": f"{stratum}-a{n}", "start": n, "end": n + 5, "text": "x"},
            {"article": f"{stratum}-b{n}", "start": 2 * n, "end": 2 * n + 4, "text": "y"},
        ],
        "values": [{"article": f"{stratum}-a{n}", "text": f"{n} killed"},
                   {"article": f"{stratum}-b{n}", "text": f"{n + 1} killed"}],
    }


def test_key_ignores_order_of_spans_and_values_but_not_their_content():
    flag = make_flag("s", 3)
    swapped = {**flag, "sources": flag["sources"][::-1], "values": flag["values"][::-1]}
    assert S.flag_key(flag) == S.flag_key(swapped)
    moved = {**flag, "sources": [{**flag["sources"][0], "start": 4}, flag["sources"][1]]}
    assert S.flag_key(moved) != S.flag_key(flag)
    assert S.flag_key({**flag, "kind": "date"}) != S.flag_key(flag)
    assert len(S.short_id(S.flag_key(flag))) == 8


def test_allocation_is_proportional_with_one_per_stratum_and_capped():
    assert S.allocate({"big": 90, "small": 10}, 30) == {"big": 27, "small": 3}
    # A tiny stratum still gets its flag; the rest follows the sizes.
    assert S.allocate({"big": 200, "tiny": 1}, 30) == {"big": 29, "tiny": 1}
    # Fewer flags than draws: all of them.
    assert S.allocate({"a": 3, "b": 0, "c": 5}, 30) == {"a": 3, "c": 5}
    shares = S.allocate({"a": 7, "b": 7, "c": 7}, 10)
    assert sum(shares.values()) == 10 and max(shares.values()) - min(shares.values()) <= 1


def test_sample_is_seeded_stratified_and_stable_when_flags_are_added():
    flags = [make_flag("basil", n) for n in range(10)] + [make_flag("ecb", n) for n in range(50)]
    chosen = S.sample(flags, 12, seed=1)
    assert len(chosen) == 12
    assert sum(f["stratum"] == "basil" for f in chosen) == 2
    assert [S.flag_key(f) for f in S.sample(flags[::-1], 12, seed=1)] == \
        [S.flag_key(f) for f in chosen]
    assert {S.flag_key(f) for f in S.sample(flags, 12, seed=2)} != \
        {S.flag_key(f) for f in chosen}
    # Flags added to a stratum can only push sampled ones out, never reorder the survivors.
    grown = flags + [make_flag("ecb", n) for n in range(50, 60)]
    before = [S.flag_key(f) for f in chosen if f["stratum"] == "ecb"]
    after = [S.flag_key(f) for f in S.sample(grown, 12, seed=1) if f["stratum"] == "ecb"]
    kept = [k for k in after if k in before]
    assert kept == before[: len(kept)] and len(kept) >= len(after) - 10


def test_precision_counts_judged_flags_only(tmp_path):
    flags = [make_flag("ecb", n) for n in range(5)]
    path = tmp_path / "judgments.jsonl"
    lines = [
        {"key": S.flag_key(flags[0]), "verdict": True, "reason": "r"},
        {"key": S.flag_key(flags[1]), "verdict": True, "reason": "r"},
        {"key": S.flag_key(flags[2]), "verdict": True, "reason": "first thought"},
        {"key": S.flag_key(flags[2]), "verdict": False, "reason": "changed mind: last wins"},
        {"key": "a flag no longer raised", "verdict": False, "reason": "r"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    result = S.precision(flags, S.load_judgments(path))
    assert (result.true, result.false, result.unjudged) == (2, 1, 2)
    assert result.value == pytest.approx(2 / 3)
    low, high = result.interval()
    assert 0.0 < low < 2 / 3 < high < 1.0
    assert "2 unjudged" in str(result)
    assert S.precision(flags, {}).value is None


def test_wilson_interval_matches_the_textbook_value():
    # 24 of 30: p = 0.8, Wilson 95% interval 0.627–0.905.
    low, high = S.Precision(true=24, false=6, unjudged=0).interval()
    assert (round(low, 3), round(high, 3)) == (0.627, 0.905)


def test_judgment_without_a_boolean_verdict_is_refused(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"key": "k", "verdict": "yes"}) + "\n")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        S.load_judgments(path)
