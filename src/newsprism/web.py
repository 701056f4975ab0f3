"""REST API and web page: a thin FastAPI shell over :mod:`newsprism.api` and the store.

    newsprism serve --db newsprism.db          # http://127.0.0.1:8000/  (docs at /docs)

Routes are a few lines each; validation is the data model's; nothing here computes on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from newsprism import api
from newsprism.ingest import from_html, from_text
from newsprism.model import Article, Report
from newsprism.present import render, story_json
from newsprism.store import open_store
from newsprism.store.base import Store


class ArticleIn(BaseModel):
    """One article as a client sends it: raw text or HTML, with what metadata it has."""

    id: str = Field(min_length=1)
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="Outlet name")
    published: str | None = None
    language: str | None = None

    def to_article(self) -> Article:
        if not (self.text or self.html):
            raise HTTPException(422, f"article {self.id!r}: give `text` or `html`")
        meta = {"title": self.title, "url": self.url, "outlet": self.source,
                "published": self.published, "language": self.language}
        if self.html:
            return from_html(self.html, self.id, source="api", **meta)
        return from_text(self.text or "", self.id, source="api", **meta)


class IngestOut(BaseModel):
    added: list[str]
    unchanged: list[str]
    stories: dict[str, str]


def create_app(db: str) -> FastAPI:
    app = FastAPI(title="newsprism", summary="One story, every outlet.")

    @contextmanager
    def store() -> Iterator[Store]:
        with open_store(db) as opened:
            yield opened

    def stored_report(story_ids: list[str] | None = None) -> Report:
        with store() as opened:
            ids = story_ids or [summary.id for summary in opened.stories()]
            stories = [opened.story(story_id) for story_id in ids]
            if None in stories:
                raise HTTPException(404, f"no story {ids[stories.index(None)]!r}")
            articles = opened.get_articles([a for s in stories for a in s.articles])
        return Report(stories=stories, articles=articles)

    @app.post("/compare", summary="Compare articles without storing them")
    def compare(articles: list[ArticleIn]) -> dict:
        read = api.read([item.to_article() for item in articles])
        return {"stories": [story_json(story) for story in api.compare(read).stories]}

    @app.post("/articles", summary="Add articles to the store; they join or open stories")
    def ingest(articles: list[ArticleIn]) -> IngestOut:
        read = api.read([item.to_article() for item in articles])
        with store() as opened:
            result = api.ingest(opened, read)
        return IngestOut(added=result.added, unchanged=result.unchanged, stories=result.stories)

    @app.get("/stories", summary="Stored stories")
    def stories() -> list[dict]:
        with store() as opened:
            return [{"id": s.id, "title": s.title, "articles": s.articles,
                     "first_published": s.first_published, "last_published": s.last_published}
                    for s in opened.stories()]

    @app.get("/stories/{story_id}", summary="One stored story, compared")
    def story(story_id: str) -> dict:
        return story_json(stored_report([story_id]).stories[0])

    @app.get("/stories/{story_id}/report", response_class=HTMLResponse,
             summary="One stored story as the HTML report")
    def story_page(story_id: str) -> str:
        return render(stored_report([story_id]), "html")

    @app.get("/", response_class=HTMLResponse, summary="Every stored story as the HTML report")
    def home() -> str:
        return render(stored_report(), "html")

    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port)


__all__ = ["create_app", "serve", "ArticleIn"]
