"""Security headers on every answer, and no caching of anything that may hold case data.

An API answer may carry a family's case, so no browser or proxy keeps it
(``Cache-Control: no-store``). The documentation pages are HTML with FastAPI's inline
start-up script for Swagger UI, so they get a policy that allows their own assets and
inline code, still never framed; every other answer allows nothing at all.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_POLICY = "default-src 'none'; frame-ancestors 'none'"
PAGE_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'"
)
_ALWAYS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]
_ALWAYS_NAMES = frozenset(name for name, _ in _ALWAYS)
_API_POLICY = (b"content-security-policy", API_POLICY.encode())
_PAGE_POLICY = (b"content-security-policy", PAGE_POLICY.encode())


class SecurityHeaders:
    """Pure ASGI: adds the headers to the start of every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() not in _ALWAYS_NAMES
                ]
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                page = content_type.startswith(b"text/html")
                headers += [*_ALWAYS, _PAGE_POLICY if page else _API_POLICY]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
