"""The limits of limits.conf against the real nginx, on loopback, each bounded to a few seconds.

Every 127.x.y.z is the host itself, and nginx counts each as another reader's address, so one
test is a class behind one NAT address, another a slow or greedy client at its own address,
while a reader elsewhere checks that the site still answers. 127.0.0.1 is the host's own proxy
(limited by the address it forwards, nginx.conf) and is not used as a reader here.
"""
from __future__ import annotations

import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import nginx_support as nginx

CLASSROOM, SLOW, GREEDY, READER = "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6"
PHONES, CONNECTIONS_PER_PHONE = 30, 6  # a class; browsers open at most 6 connections to a host over HTTP/1.1
HEADER_TIMEOUT = 5  # limits.conf, client_header_timeout
MARGIN = 3  # seconds beyond it, for a machine shared with other work
REQUESTS_IN_PROGRESS = 300  # limits.conf, limit_conn
BURST = 1000  # limits.conf, limit_req burst
PAGES = ["nl/", "nl/verkenning/inleiding/"]


def cold_visit(served, page: str) -> list[str]:
    """What a phone without cache asks for: the page, its stylesheets and scripts."""
    html = (served[0] / page / "index.html").read_text(encoding="utf-8")
    assets = sorted(set(re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html)))
    base = "/" + page
    return [base] + [base + a if not a.startswith("/") else a for a in assets]


def one_connection(port: int, source: str, paths: list[str], start: threading.Barrier) -> list[int]:
    """Requests one after another on one keep-alive connection, as a browser does."""
    import http.client
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    start.wait(timeout=10)
    statuses = []
    try:
        for path in paths:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
    finally:
        connection.close()
    return statuses


def test_a_class_behind_one_address_is_never_throttled(served):
    """30 phones open two pages at the same moment, cold, each over 6 connections."""
    visits = [path for page in PAGES for path in cold_visit(served, page)]
    assert len(visits) >= 8, visits
    plans = [visits[i::CONNECTIONS_PER_PHONE] for _ in range(PHONES) for i in range(CONNECTIONS_PER_PHONE)]
    start = threading.Barrier(len(plans))
    with ThreadPoolExecutor(len(plans)) as pool:
        results = list(pool.map(lambda plan: one_connection(served[1].origin, CLASSROOM, plan, start), plans))
    statuses = [s for result in results for s in result]
    assert len(statuses) == PHONES * len(visits)
    refused = {s: statuses.count(s) for s in set(statuses) if s != 200}
    assert not refused, f"of {len(statuses)} requests from one class: {refused}"


def test_a_greedy_reader_behind_the_proxy_is_held_to_its_budget_and_others_are_not(served):
    """The local proxy (127.0.0.1) forwards the reader's address; past the burst: 429, never stored."""
    import http.client
    connection = http.client.HTTPConnection("127.0.0.1", served[1].origin, timeout=10)
    statuses, cache = [], set()
    try:
        for _ in range(BURST + 300):
            connection.request("GET", "/nl/", headers={"X-Forwarded-For": "198.51.100.7"})
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
            if response.status == 429:
                cache.add(response.getheader("Cache-Control"))
    finally:
        connection.close()
    assert statuses[:BURST] == [200] * BURST, "throttled within the burst"
    assert statuses.count(429) > 0 and set(statuses) == {200, 429}
    assert cache == {"no-store"}
    assert nginx.fetch(served[1].origin, "/nl/", source=READER).status == 200


def slow_header(port: int) -> socket.socket:
    """A slow loris: a request line and one header line, then nothing until the server gives up."""
    s = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(SLOW, 0))
    s.sendall(b"GET /nl/ HTTP/1.1\r\nHost: durftedromen.delft.nl\r\n")
    return s


def trickle(sockets: list[socket.socket], done: threading.Event, until: float) -> None:
    """Some lorises send one more byte of their header every half second: the header timeout
    counts from the start, so that buys them nothing."""
    while not done.wait(0.5) and time.monotonic() < until:
        for s in sockets:
            try:
                s.send(b"X")
            except OSError:  # cut off already
                pass


def stalled_download(port: int, path: str) -> socket.socket:
    """A reader that asks for a large file and does not read it (a tiny receive window)."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    # Small segments: the server's send buffer then stays small too (loopback's 64 kB segments
    # would let it grow to megabytes a connection, over 700 MB for these, on a shared machine).
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 1000)
    s.bind((SLOW, 0))
    s.settimeout(5)
    s.connect(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: durftedromen.delft.nl\r\n\r\n".encode())
    return s


def test_a_slow_client_cannot_starve_real_readers(served):
    port = served[1].origin
    pdf = "/" + next(served[0].glob("nl/pdf/*.pdf")).relative_to(served[0]).as_posix()
    # All asked for at once, then their status lines read: they must be in progress together
    # (nginx lets a download that makes no progress go after send_timeout, 10 s).
    downloads = [stalled_download(port, nginx.DOWNLOAD_PROBE) for _ in range(REQUESTS_IN_PROGRESS + 20)]
    lorises = [slow_header(port) for _ in range(400)]
    deadline = time.monotonic() + HEADER_TIMEOUT + MARGIN  # the last one's timeout, and some
    done = threading.Event()
    trickling = threading.Thread(target=trickle, args=(lorises[:50], done, deadline))
    trickling.start()
    try:
        statuses = [s.recv(12)[9:12] for s in downloads]
        # Past the requests in progress allowed to one address: refused at once.
        assert statuses.count(b"429") >= 20 and set(statuses) == {b"200", b"429"}, statuses
        # Meanwhile, a reader elsewhere is answered as usual.
        for path in ("/nl/", "/en/", pdf, "/nl/verkenning/inleiding/"):
            assert nginx.fetch(served[1].origin, path, source=READER).status == 200
        # The slow lorises are cut off after the header timeout, not held for nginx's default minute.
        held = 0
        for s in lorises:
            s.settimeout(max(0.01, deadline - time.monotonic()))  # the whole wait stays bounded
            try:
                while s.recv(4096):
                    pass
            except ConnectionResetError:  # reset_timedout_connection
                pass
            except socket.timeout:
                held += 1
        assert held == 0, f"{held} of {len(lorises)} slow clients still connected after {HEADER_TIMEOUT + MARGIN} s"
    finally:
        done.set()
        trickling.join()
        for s in lorises + downloads:
            s.close()
