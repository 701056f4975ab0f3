"""newsprism — one story, every outlet.

Clean news articles, read who said what, group the articles that report one event, and compare the
outlets fact by fact, with every output traced to a character span of its input.
"""

from newsprism.api import analyse, compare, group, load, read, render, resolve_speakers
from newsprism.errors import InputError, NewsprismError
from newsprism.model import Article, Report, Story

__version__ = "0.1.0"

__all__ = [
    "Article", "InputError", "NewsprismError", "Report", "Story",
    "analyse", "compare", "group", "load", "read", "render", "resolve_speakers",
]
