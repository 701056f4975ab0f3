"""REST API and web page, in-process (no socket): the routes are thin shells over the library."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsprism.web import create_app

FIRST = {
    "id": "quarry-blast_valley-times",
    "source": "Valley Times",
    "published": "2025-06-03",
    "text": "Quarry blast shakes Hollins village\n\nA blast at the Hollins quarry on Monday damaged 14 homes, the district council said.\n\n\"We heard a roar and the windows went,\" said resident Tom Barlow.\n",
}
SECOND = {
    "id": "quarry-blast_county-echo",
    "source": "County Echo",
    "published": "2025-06-03",
    "text": "Hollins quarry blast damages homes\n\nThe Hollins quarry blast on Monday damaged 19 homes, according to the quarry operator.\n\nResident Tom Barlow said the windows of his house were blown in.\n",
}


@pytest.fixture
def client(tmp_path):
    return TestClient(create_app(str(tmp_path / "web.db")))


def test_compare_returns_the_public_contract(client):
    response = client.post("/compare", json=[FIRST, SECOND])
    assert response.status_code == 200
    (story,) = response.json()["stories"]
    assert sorted(story["articles"]) == sorted([FIRST["id"], SECOND["id"]])
    texts = {FIRST["id"]: FIRST["text"], SECOND["id"]: SECOND["text"]}
    for fact in story["facts"]:
        for source in fact["sources"]:
            assert texts[source["article"]][source["start"] : source["end"]] == source["text"]


def test_ingest_then_read_back_and_page(client):
    added = client.post("/articles", json=[FIRST, SECOND]).json()
    assert sorted(added["added"]) == sorted([FIRST["id"], SECOND["id"]])
    again = client.post("/articles", json=[FIRST]).json()
    assert again["added"] == [] and again["unchanged"] == [FIRST["id"]]

    (listed,) = client.get("/stories").json()
    story = client.get(f"/stories/{listed['id']}").json()
    assert story["id"] == listed["id"] and story["facts"]
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "Hollins" in page.text


def test_errors_name_the_problem(client):
    missing = client.get("/stories/no-such-story")
    assert missing.status_code == 404 and "no-such-story" in missing.json()["detail"]
    empty = client.post("/compare", json=[{"id": "blank"}])
    assert empty.status_code == 422 and "blank" in empty.json()["detail"]
