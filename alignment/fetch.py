"""Downloading one page: a GET bounded in time and size, http(s) only, redirects included.

Why standard `urllib`: a single GET needs no extra dependency. What urllib does not give,
and this module adds:
- a total deadline: urllib's timeout bounds each socket operation, so a server that
  trickles a byte a second is never cut off. The body is read with `read1` (one socket
  read at a time) against a deadline, and the whole request runs in a worker thread that
  the caller stops waiting for once the deadline has passed (headers can trickle too);
- redirects only to http and https (urllib would follow one to ftp://);
- a malformed URL ("http://[::1") is a FetchError, not a ValueError traceback.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from .errors import FetchError

_SCHEMES = ("http", "https")


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> Any:
        scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl)).scheme
        if scheme not in _SCHEMES:
            raise FetchError(f"{req.full_url}: redirected to a {scheme or 'relative'}:// URL "
                             f"({newurl}); only http(s) redirects are followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str) -> str:
    """`url` if it is a well-formed http(s) URL; FetchError (one line) otherwise."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError as exc:
        raise FetchError(f"{url}: not a valid URL ({exc}); check it") from None
    if parts.scheme not in _SCHEMES:
        raise FetchError(f"{url}: only http(s) URLs can be fetched")
    if not parts.hostname:
        raise FetchError(f"{url}: not a valid URL (no host); check it")
    return url


def _read_body(resp: Any, url: str, deadline: float, max_bytes: int) -> bytes:
    if int(resp.headers.get("Content-Length") or 0) > max_bytes:
        raise FetchError(f"{url}: response larger than {max_bytes:,} bytes")
    chunks, size = [], 0
    while chunk := resp.read1(65536):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: response larger than {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise TimeoutError
    return b"".join(chunks)


def _get(url: str, timeout: float, deadline: float, max_bytes: int) -> tuple[bytes, str]:
    request = urllib.request.Request(url, headers={"User-Agent": "alignment-corpus-fetch/1"})
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    try:
        with opener.open(request, timeout=timeout) as resp:
            body = _read_body(resp, url, deadline, max_bytes)
            return body, resp.headers.get_content_charset() or ""
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP error {exc.code} ({exc.reason})") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(f"{url}: no answer within {timeout:g} s") from None
        raise FetchError(f"{url}: cannot connect ({exc.reason}), perhaps offline") from None
    except TimeoutError:
        raise FetchError(f"{url}: no complete answer within {timeout:g} s") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchError(f"{url}: network error ({exc})") from None


def download(url: str, *, timeout: float = 20, max_bytes: int = 20_000_000) -> tuple[bytes, str]:
    """GET `url` within `timeout` seconds in all and `max_bytes`; returns (body, charset or '').

    The worker thread is a daemon: past the deadline we stop waiting for it, and its own
    deadline checks (or the per-read timeout) end it soon after.
    """
    check_url(url)
    deadline = time.monotonic() + timeout
    outcome: list[Any] = []

    def work() -> None:
        try:
            outcome.append(_get(url, timeout, deadline, max_bytes))
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append(exc)

    worker = threading.Thread(target=work, name="alignment-fetch", daemon=True)
    worker.start()
    worker.join(timeout + 0.5)
    if not outcome:
        raise FetchError(f"{url}: no complete answer within {timeout:g} s")
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]
