"""Refuse what no route can take before the app reads it: a body over the configured size
(413), a NUL in the path or a query parameter (422: PostgreSQL cannot hold it), and JSON
that Python reads but a record must not hold (duplicate keys, NaN, lone surrogates; see
engine/case/raw.py).

What the strict reader parsed is kept in the scope (``PARSED``) and handed to the route
(``ParsedOnce``), so a body is parsed once, not again by FastAPI.
"""

from __future__ import annotations

import email.message
import json
from collections.abc import Callable, Coroutine, Sequence
from typing import Any
from urllib.parse import unquote_to_bytes

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import MEDIA_TYPE, FieldProblem, problem_body
from api.verification import Activity
from engine.case import raw

#: The scope key under which a JSON body, as the strict reader parsed it, travels on.
PARSED = "afweging.parsed_json"

#: Where every body is JSON; the sign-in routes and the review pages take forms.
JSON_ONLY = ("/v1/cases", "/v1/evaluations")


def _is_json(scope: Scope) -> bool:
    """Whether FastAPI will read the body as JSON: declared so, or not declared at all."""
    declared = next(
        (value for name, value in scope.get("headers", []) if name == b"content-type"), None
    )
    if declared is None:
        return True
    message = email.message.Message()
    message["content-type"] = declared.decode("latin-1")
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


def request_line_problems(scope: Scope) -> list[FieldProblem]:
    """A NUL in the path or in a query parameter, named by where it stands."""
    found = []
    if "\x00" in scope.get("path", ""):
        found.append(
            FieldProblem(path="$", message="het pad bevat een NUL-teken (%00)", location="path")
        )
    for pair in scope.get("query_string", b"").split(b"&"):
        name, _, value = pair.partition(b"=")
        if b"\x00" in unquote_to_bytes(value) or b"\x00" in unquote_to_bytes(name):
            shown = unquote_to_bytes(name).replace(b"\x00", b"").decode("utf-8", "replace")
            found.append(
                FieldProblem(path=shown, message="bevat een NUL-teken (%00)", location="query")
            )
    return found


def _declared(scope: Scope) -> str:
    found = next((v for n, v in scope.get("headers", []) if n == b"content-type"), b"")
    return found.decode("latin-1").split(";")[0].strip().lower()


def form_problems(body: bytes) -> list[FieldProblem]:
    """A NUL in a form field (sign-in, the review pages' forms), named by the field."""
    found = []
    for pair in body.split(b"&"):
        name, _, value = pair.replace(b"+", b" ").partition(b"=")
        if b"\x00" in unquote_to_bytes(value) or b"\x00" in unquote_to_bytes(name):
            shown = unquote_to_bytes(name).replace(b"\x00", b"").decode("utf-8", "replace")
            found.append(FieldProblem(path=shown, message="bevat een NUL-teken (%00)"))
    return found


#: Routes whose body carries whole ruleset files, longer than any text of a case.
RULESET_FILES = ("/v1/impact",)


def read_body(body: bytes, max_text: int = raw.MAX_TEXT) -> tuple[int, list[FieldProblem], Any]:
    """400 for a body that is no UTF-8 or nested too deep to read; 422 for one that is no
    JSON (as FastAPI answers it) or holds a value no record may hold; else 200 and the data."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"geen UTF-8 (byte {exc.start}); stuur JSON in UTF-8"
        return 400, [FieldProblem(path="$", message=message)], None
    try:
        data = raw.loads(text, max_text)
    except raw.RawError as exc:
        status = 400 if exc.unreadable else 422
        return status, [FieldProblem(path=p.path, message=p.message) for p in exc.problems], None
    return 200, [], data


def body_refusal(scope: Scope, body: bytes) -> tuple[int, list[FieldProblem]] | None:
    """Why a body is refused before any route reads it, or None.

    A JSON body that passes is left in ``scope[PARSED]`` for the route.
    """
    if _is_json(scope):
        files = scope.get("path", "").startswith(RULESET_FILES)
        status, wrong, data = read_body(body, len(body) if files else raw.MAX_TEXT)
        if wrong:
            return status, wrong
        scope[PARSED] = data
        return None
    if scope.get("path", "").startswith(JSON_ONLY):
        problem = FieldProblem(
            path="Content-Type",
            message="stuur de body als JSON, met 'Content-Type: application/json'",
            location="header",
        )
        return 415, [problem]
    if _declared(scope) == "application/x-www-form-urlencoded":
        wrong = form_problems(body)
        return (422, wrong) if wrong else None
    return None


class _ParsedRequest(Request):
    """A request whose JSON is what ``BodyLimit`` read strictly from the same bytes (the
    very data ``json.loads`` would give: the reader refuses any body where it differs)."""

    async def json(self) -> Any:
        if PARSED in self.scope:
            return self.scope[PARSED]
        return await super().json()


class ParsedOnce(APIRoute):
    """A route that takes its JSON body from ``BodyLimit`` instead of parsing it again."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def parsed_once(request: Request) -> Response:
            return await handler(_ParsedRequest(request.scope, request.receive))

        return parsed_once


class BodyLimit:
    """Pure ASGI: checks Content-Length, else counts the streamed body, then replays it,
    once the request line and (for JSON) the body have been read strictly."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wrong = request_line_problems(scope)
        if wrong:
            await self._problem(scope, send, 422, wrong)
            return
        declared = next(
            (value for name, value in scope.get("headers", []) if name == b"content-length"),
            None,
        )
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = False
            if too_big:
                await self._refuse(scope, send)
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        refused = body_refusal(scope, body) if body else None
        if refused:
            await self._problem(scope, send, *refused)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        await self._send(scope, send, 413, f"Het verzoek is groter dan {self.max_bytes} bytes.", ())

    async def _problem(
        self, scope: Scope, send: Send, status: int, errors: Sequence[FieldProblem]
    ) -> None:
        detail = "; ".join(f"{e.path}: {e.message}" for e in errors[:5])
        await self._send(scope, send, status, detail, errors)

    async def _send(
        self,
        scope: Scope,
        send: Send,
        status: int,
        detail: str,
        errors: Sequence[FieldProblem],
    ) -> None:
        # The path as sent, never a NUL or surrogate it may hold.
        instance = raw.shown(scope.get("path", ""))
        payload = json.dumps(
            problem_body(status, detail, errors, instance=instance), ensure_ascii=False
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", MEDIA_TYPE.encode()),
                    (b"content-length", str(len(payload)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})


class InFlight:
    """Pure ASGI: counts the requests being answered, so that durable's background
    reading waits for a quiet moment instead of taking the CPU from answers."""

    def __init__(self, app: ASGIApp, activity: Activity):
        self.app = app
        self.activity = activity

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.activity.begin()
        try:
            await self.app(scope, receive, send)
        finally:
            self.activity.end()
