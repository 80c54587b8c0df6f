"""How the relay serves the widget's two scripts over HTTP: validators, caching and gzip.

Every page view of an embedding site fetches widget.js, so a revisit must cost a 304 and no
body, and a first visit a gzipped body. Raw ``http.client`` requests against a real relay on
port 0, so no client library decodes, caches or follows anything on the test's behalf.
"""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import RelayThread, make_config
from widget import asset

SCRIPTS = ["widget.js", "widget-panel.js"]


@pytest.fixture(scope="module")
def relay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RelayThread]:
    tmp_path: Path = tmp_path_factory.mktemp("relay")
    with RelayThread(make_config(tmp_path)) as running:
        yield running


def get(relay: RelayThread, path: str, **headers: str) -> tuple[int, http.client.HTTPMessage,
                                                                 bytes]:
    """GET ``path`` with exactly ``headers``; the status, the headers and the raw body."""
    connection = http.client.HTTPConnection("127.0.0.1", relay.port, timeout=5)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_has_a_validator_and_a_cache_policy(relay: RelayThread, name: str) -> None:
    """A plain GET returns the shipped bytes with an ETag and a Cache-Control header."""
    status, headers, body = get(relay, "/" + name)
    assert status == 200
    assert body == asset(name).read_bytes()
    assert headers["ETag"] and headers["ETag"].startswith('"')
    assert "max-age" in headers["Cache-Control"]
    assert headers["Content-Type"].startswith("text/javascript")
    assert headers.get("Content-Encoding") is None


@pytest.mark.parametrize("name", SCRIPTS)
def test_revalidation_with_the_etag_is_a_304_without_a_body(relay: RelayThread,
                                                            name: str) -> None:
    """If-None-Match with the current ETag gets 304 and no body, still carrying the ETag."""
    _, first, _ = get(relay, "/" + name)
    status, headers, body = get(relay, "/" + name, **{"If-None-Match": first["ETag"]})
    assert status == 304
    assert body == b""
    assert headers["ETag"] == first["ETag"]
    assert headers["Cache-Control"] == first["Cache-Control"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_stale_etag_gets_the_full_script(relay: RelayThread, name: str) -> None:
    """An ETag from another version of the script is answered with the current bytes."""
    status, _, body = get(relay, "/" + name, **{"If-None-Match": '"an-older-version"'})
    assert status == 200
    assert body == asset(name).read_bytes()


@pytest.mark.parametrize("name", SCRIPTS)
def test_gzip_body_decompresses_to_the_same_bytes(relay: RelayThread, name: str) -> None:
    """Accept-Encoding: gzip gets a smaller gzip body that decompresses to the shipped bytes."""
    status, headers, zipped = get(relay, "/" + name, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"], "caches must keep gzip and plain apart"
    assert int(headers["Content-Length"]) == len(zipped)
    plain = asset(name).read_bytes()
    assert gzip.decompress(zipped) == plain
    assert len(zipped) < len(plain)


@pytest.mark.parametrize("name", SCRIPTS)
def test_gzip_and_plain_have_their_own_validators(relay: RelayThread, name: str) -> None:
    """A proxy's weak W/ tag and lists revalidate; gzip;q=0 means plain; tags never cross."""
    _, plain, _ = get(relay, "/" + name)
    _, zipped, _ = get(relay, "/" + name, **{"Accept-Encoding": "br, gzip;q=0.8"})
    assert zipped["Content-Encoding"] == "gzip" and zipped["ETag"] != plain["ETag"]
    status, headers, body = get(relay, "/" + name, **{
        "Accept-Encoding": "gzip", "If-None-Match": f'"old", W/{zipped["ETag"]}'})
    assert (status, body, headers["ETag"]) == (304, b"", zipped["ETag"])
    assert headers.get("Content-Length") is None
    status, _, _ = get(relay, "/" + name, **{"If-None-Match": zipped["ETag"]})
    assert status == 200, "the gzip tag must not validate the plain bytes"
    assert get(relay, "/" + name, **{"If-None-Match": "*"})[0] == 304
    status, headers, body = get(relay, "/" + name, **{"Accept-Encoding": "gzip;q=0"})
    assert status == 200 and headers.get("Content-Encoding") is None
    assert body == asset(name).read_bytes()
