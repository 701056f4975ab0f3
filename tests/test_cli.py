"""The command line: contracts, error reporting and the store commands, on text written here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsprism.cli import main

EVENT = """Flood barrier fails as river Wend reaches record height

Residents of Marlow Vale were told to leave their homes on Tuesday after the river barrier failed.

About 1,200 people were evacuated overnight, the county council said.

"We had no choice but to open the shelters," said council leader Maria Owusu. "The water rose faster than any model predicted."

Ms Owusu said the barrier had been inspected in March.
"""


@pytest.fixture
def inputs(tmp_path):
    good = tmp_path / "wend-flood.txt"
    good.write_text(EVENT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.html").write_bytes(b"\x00\x01\x02PNG\x00\xff" * 50)
    return tmp_path


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_contract(inputs, tmp_path):
    out = tmp_path / "extract.jsonl"
    assert main(["extract", str(inputs / "wend-flood.txt"), "--out", str(out)]) == 0
    (record,) = _lines(out)
    assert {"id", "title", "standfirst", "body", "captions", "published", "author", "outlet",
            "language", "boilerplate"} <= record.keys()
    assert record["id"] == "wend-flood"
    assert record["title"] == "Flood barrier fails as river Wend reaches record height"
    assert any("1,200 people" in paragraph for paragraph in record["body"])


def test_bad_inputs_are_named_and_the_rest_goes_on(inputs, tmp_path, capsys):
    out = tmp_path / "extract.jsonl"
    paths = [str(inputs / n) for n in ("missing.txt", "empty.txt", "binary.html", "wend-flood.txt")]
    assert main(["extract", *paths, "--out", str(out)]) == 1
    assert [r["id"] for r in _lines(out)] == ["wend-flood"]
    err = capsys.readouterr().err
    for name in ("missing.txt", "empty.txt", "binary.html"):
        assert name in err
    assert len([line for line in err.splitlines() if line.startswith("newsprism:")]) == 3


def test_quotes_contract(inputs, tmp_path):
    out = tmp_path / "quotes.jsonl"
    assert main(["quotes", str(inputs / "wend-flood.txt"), "--out", str(out)]) == 0
    (record,) = _lines(out)
    text = EVENT
    direct = [q for q in record["quotes"] if q["text"].startswith("We had no choice")]
    assert direct, record
    quote = direct[0]
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert quote["kind"] == "direct"
    assert "Owusu" in quote["speaker"]
    assert "Owusu" in text[quote["speaker_start"] : quote["speaker_end"]]
    assert quote["confidence"] is None  # words in marks are never judged by a model
    reported = [q for q in record["quotes"] if q["kind"] == "indirect"]
    assert reported and all(0.0 <= q["confidence"] <= 1.0 for q in reported)


def test_ingest_is_idempotent_and_show_reads_back(inputs, tmp_path):
    db, out = tmp_path / "store.db", tmp_path / "ingest.jsonl"
    good = str(inputs / "wend-flood.txt")
    assert main(["ingest", good, "--db", str(db), "--out", str(out)]) == 0
    (first,) = _lines(out)
    assert first["status"] == "added"
    assert main(["ingest", good, "--db", str(db), "--out", str(out)]) == 0
    (again,) = _lines(out)
    assert again == {**first, "status": "unchanged"}

    listed = tmp_path / "stories.jsonl"
    assert main(["stories", "--db", str(db), "--json", "--out", str(listed)]) == 0
    (story,) = _lines(listed)
    assert story["articles"] == ["wend-flood"]

    shown = tmp_path / "show.json"
    assert main(["show", story["id"], "--db", str(db), "--out", str(shown)]) == 0
    assert json.loads(shown.read_text())["id"] == story["id"]
    assert main(["show", "no-such-story", "--db", str(db), "--out", str(shown)]) == 1


def test_ingest_quiet_period_and_an_updated_article(tmp_path):
    def write(name, records):
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return str(path)

    first = {"id": "wend-1", "text": EVENT, "published": "2024-03-05"}
    later = {"id": "wend-2", "text": EVENT.replace("on Tuesday", "last week"),
             "published": "2024-03-10"}  # five days on
    stories = {}
    for quiet in ("3", "7"):
        db, out = tmp_path / f"quiet-{quiet}.db", tmp_path / f"quiet-{quiet}.jsonl"
        assert main(["ingest", write("first.jsonl", [first]), "--db", str(db)]) == 0
        assert main(["ingest", write("later.jsonl", [later]), "--db", str(db),
                     "--quiet-days", quiet]) == 0
        assert main(["stories", "--db", str(db), "--json", "--out", str(out)]) == 0
        stories[quiet] = len(_lines(out))
    assert stories == {"3": 2, "7": 1}  # closed after three quiet days; open at seven

    changed = {**first, "text": EVENT.replace("1,200", "1,300")}
    out = tmp_path / "changed.jsonl"
    assert main(["ingest", write("changed.jsonl", [changed]), "--db",
                 str(tmp_path / "quiet-7.db"), "--out", str(out)]) == 0
    assert [r["status"] for r in _lines(out)] == ["updated"]
    with pytest.raises(SystemExit):
        main(["ingest", str(out), "--quiet-days", "-1"])


def test_schema_describes_the_model(tmp_path):
    out = tmp_path / "schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    schema = json.loads(out.read_text())
    assert {"Article", "Story", "Fact", "Quote"} <= set(schema["$defs"])


def test_python_dash_m_runs_the_cli():
    done = subprocess.run([sys.executable, "-m", "newsprism", "--help"], capture_output=True,
                          text=True, check=True)
    assert "compare" in done.stdout and "ingest" in done.stdout


def test_similarity_scores_pairs_across_languages(tmp_path, capsys):
    pairs = tmp_path / "pairs.jsonl"
    same = {"pair_id": "same", "text1": "An earthquake of magnitude 6.1 struck near Izmir on Monday, killing 12 people.",
            "text2": "Ein Erdbeben der Stärke 6,1 erschütterte am Montag die Region Izmir, zwölf Menschen starben."}
    other = {"pair_id": "other", "text1": same["text1"],
             "text2": "Der Stadtrat von Hamburg hat am Dienstag einen neuen Haushalt für Schulen beschlossen."}
    pairs.write_text("\n".join(json.dumps(p) for p in (same, other)) + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "scores.jsonl"
    assert main(["similarity", str(pairs), "--out", str(out)]) == 1
    scores = {r["pair_id"]: r["score"] for r in _lines(out)}
    assert scores["same"] > scores["other"]
    assert "pairs.jsonl:3: invalid JSON" in capsys.readouterr().err


def test_merges_are_listed_and_undone_from_the_command_line(tmp_path):
    from test_streaming import BOTH, DOCKS, FIRE

    db = str(tmp_path / "merge.db")
    for article in (FIRE, DOCKS, BOTH):
        path = tmp_path / f"{article.id}.jsonl"
        path.write_text(json.dumps({"id": article.id, "text": article.text,
                                    "published": article.published}) + "\n", encoding="utf-8")
        assert main(["ingest", str(path), "--db", db, "--out", str(tmp_path / "i.jsonl")]) == 0
    listed = tmp_path / "merges.jsonl"
    assert main(["merges", "--db", db, "--out", str(listed)]) == 0
    (merge,) = _lines(listed)
    assert merge["article"] == "fire-halts-port" and merge["undone_at"] is None

    assert main(["unmerge", str(merge["id"]), "--db", db, "--out", str(tmp_path / "u.jsonl")]) == 0
    stories = tmp_path / "stories.jsonl"
    assert main(["stories", "--db", db, "--json", "--out", str(stories)]) == 0
    assert len(_lines(stories)) == 2  # the absorbed story is back, compared again
    shown = tmp_path / "show.json"
    assert main(["show", merge["absorbed_story"], "--db", db, "--out", str(shown)]) == 0
    assert json.loads(shown.read_text())["articles"] == merge["moved"]
    assert main(["unmerge", str(merge["id"]), "--db", db, "--out", str(tmp_path / "u.jsonl")]) == 1
