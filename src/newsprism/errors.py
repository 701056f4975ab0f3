"""Errors a user sees: each names the input and the problem in one line."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """An input that cannot be read: missing, empty, binary, undecodable or malformed."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self):
        # Errors cross process boundaries (ingest extracts pages in a pool); the default
        # pickling of exceptions would call __init__ with the formatted message alone.
        return (type(self), (self.source, self.problem))
