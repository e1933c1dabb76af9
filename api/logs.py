"""Structured logs: one JSON object per line, each with the request's id, no personal data.

A log line names the route's template (``/v1/cases/{case_id}``), the status, the time
taken and the role, never the user's name, a query string, a header or a body: those may
carry case data or a reason text. uvicorn's own access log prints the raw query string,
so it is switched off; this middleware writes the access line instead.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "X-Request-Id"
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)

access = logging.getLogger("api.access")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id.get(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            # The type only: an exception's message may quote the data it choked on.
            kind = record.exc_info[0]
            entry["exception"] = kind.__name__ if kind else None
        return json.dumps(entry, ensure_ascii=False)


class WithoutExceptionText(logging.Filter):
    """Keeps only an exception's type on a record from a logger this package does not own.

    Starlette re-raises an unhandled exception after our 500 answer, and uvicorn logs it
    with its text; a database error's text may quote a row (PostgreSQL's DETAIL does).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info:
            kind = record.exc_info[0]
            record.msg = f"{record.getMessage()} ({kind.__name__ if kind else 'fout'})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


def configure() -> None:
    """JSON lines on stderr for the service's loggers; idempotent per process."""
    root = logging.getLogger("api")
    if not any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    logging.getLogger("uvicorn.access").disabled = True
    uvicorn_errors = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, WithoutExceptionText) for f in uvicorn_errors.filters):
        uvicorn_errors.addFilter(WithoutExceptionText())


def _template(scope: Scope) -> str:
    """The matched route's template: each path parameter's value put back as its name.

    A path that matched no route is not logged at all: it is whatever the client typed.
    """
    if scope.get("route") is None:
        return "(geen route)"
    path = str(scope.get("path", ""))
    for name, value in (scope.get("path_params") or {}).items():
        path = path.replace(f"/{value}", f"/{{{name}}}", 1)
    return path


class RequestLog:
    """Pure ASGI: gives every request an id (the client's, if well-formed) and logs it once."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next(
            (v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"x-request-id"),
            "",
        )
        ident = given if _VALID_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(ident)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER.lower().encode(), ident.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            state = scope.get("state") or {}
            access.info(
                "verzoek",
                extra={
                    "fields": {
                        "method": scope.get("method"),
                        "route": _template(scope),
                        "status": status,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                        "role": state.get("role"),
                    }
                },
            )
            request_id.reset(token)
