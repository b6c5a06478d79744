"""Listening and serving: the socket is bound before the pipeline loads, so a port in use is a
coded error at once, and ``--port 0`` gets a free port whose real number can be printed."""

from __future__ import annotations

import ipaddress
import socket

import uvicorn
from fastapi import FastAPI

from ..errors import ServeError


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening. Raises ``ServeError`` E402 when it cannot be."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise ServeError("E402", host=host, port=port, reason=exc.strerror or str(exc)) from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ServeError("E402", host=host, port=port, reason=exc.strerror or str(exc)) from exc
    return sock


def url_of(sock: socket.socket) -> str:
    """The http URL a bound socket answers on."""
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(app: FastAPI, sock: socket.socket) -> None:
    """Serve ``app`` on ``sock`` until interrupted (Ctrl-C or SIGTERM)."""
    server = uvicorn.Server(uvicorn.Config(app, log_level="info", timeout_graceful_shutdown=5))
    server.run(sockets=[sock])
