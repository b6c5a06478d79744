"""ASGI middleware of the web view: a limit on request bodies and security headers.

Written against the ASGI interface rather than Starlette's ``BaseHTTPMiddleware`` so the body is
counted as it streams in (a chunked upload has no Content-Length to trust) and nothing buffers
a response.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import InputError, NewsQuotesError

# Scripts and styles only from this server (no inline script can run even if some text were
# ever left unescaped); downloads are data: links.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

ErrorResponder = Callable[[str, NewsQuotesError], Response]


def _too_large(size: int, limit: int, *, at_least: bool) -> InputError:
    unit = "bytes or more" if at_least else "bytes"
    return InputError("E112", source="the request body", size=size, unit=unit, limit=limit)


class GuardMiddleware:
    """Refuses a request body over ``limit`` bytes (E112, answered 413 by ``respond``) and adds
    :data:`SECURITY_HEADERS` to every response."""

    def __init__(self, app: ASGIApp, *, limit: int, respond: ErrorResponder) -> None:
        self.app = app
        self.limit = limit
        self.respond = respond

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            response = self.respond(scope["path"], _too_large(int(declared), self.limit, at_least=False))
            await response(scope, receive, send_with_headers)
            return

        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    # raised inside the app's own read of the body, so the app's handler for
                    # newsquotes errors answers it like any other
                    raise _too_large(received, self.limit, at_least=True)
            return message

        await self.app(scope, counted_receive, send_with_headers)
