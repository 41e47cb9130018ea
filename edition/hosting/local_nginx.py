"""Debian's nginx with overrides/hosting/ on 127.0.0.1, installed the way the README says.

The installation folder is laid out as in production: a main configuration like Debian's (with
its own pid, logs and temporary paths) whose http block includes durftedromen/nginx.conf. That
file is the repository's, with only its installation values changed: the ports (on 127.0.0.1,
free ones; IPv6 left out) and the certificate (a fresh self-signed one). Sites are served as
releases made by scripts/deploy (edition/hosting/deploy.py) under PREFIX/www. The tests
(tests/nginx_support.py) and the load figures of scripts/bench use it.
"""
from __future__ import annotations

import http.client
import os
import random
import re
import shutil
import signal
import socket
import ssl
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from edition.hosting import deploy
from edition.hosting.releases import Layout

HOSTING = Path(__file__).resolve().parents[2] / "overrides" / "hosting"
FOLDER = "durftedromen"  # the includes' folder, relative to the main configuration
# The main context's line that README asks for: old workers end at most this long after a reload.
SHUTDOWN = "worker_shutdown_timeout 30s;"


def nginx_binary() -> str | None:
    # /usr/sbin is not on every user's PATH.
    return shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)


def free_ports(count: int) -> list[int]:
    """Ports nothing listens on, from below the kernel's ephemeral range: a port that bind(0)
    hands out is an ephemeral one, which any outgoing connection (a browser test makes
    thousands) may take in the seconds before nginx binds it, as happened to the suite."""
    low = _ephemeral_range()[0]
    chosen: list[int] = []
    for port in random.Random().sample(range(10000, low), k=min(200, low - 10000)):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        chosen.append(port)
        if len(chosen) == count:
            return chosen
    raise RuntimeError(f"no {count} free ports between 10000 and {low}")


def _ephemeral_range() -> tuple[int, int]:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999  # Linux's default


@dataclass
class Ports:
    redirect: int  # block 1, public plain HTTP (port 80)
    tls: int       # block 2, public HTTPS (port 443)
    origin: int    # block 3, the origin on plain HTTP (127.0.0.1:8080)


def installation_values(text: str, ports: Ports, cert: Path, key: Path) -> str:
    """nginx.conf with the test installation's values; every one must be found exactly where
    the README says to edit it."""
    directive = r"^([ \t]+)"  # a directive at the start of a line, not a comment
    substitutions = [
        (directive + r"listen \[::\]:\d+[^;]*;\n", "", 2),
        (directive + r"listen 80;", rf"\1listen 127.0.0.1:{ports.redirect};", 1),
        (directive + r"listen 443 ", rf"\1listen 127.0.0.1:{ports.tls} ", 1),
        (directive + r"listen 127\.0\.0\.1:8080;", rf"\1listen 127.0.0.1:{ports.origin};", 1),
        (directive + r"ssl_certificate /[^;]+;", rf"\1ssl_certificate {cert};", 1),
        (directive + r"ssl_certificate_key /[^;]+;", rf"\1ssl_certificate_key {key};", 1),
    ]
    for pattern, replacement, expected in substitutions:
        text, found = re.subn(pattern, replacement, text, flags=re.MULTILINE)
        if found != expected:
            raise AssertionError(f"overrides/hosting/nginx.conf: expected {expected} line(s) matching "
                                 f"{pattern!r}, found {found}; update edition/hosting/local_nginx.py with it")
    return text


def main_configuration(prefix: Path, include: str = f"{FOLDER}/nginx.conf") -> str:
    # Debian's /etc/nginx/nginx.conf, directive for directive (its workers and connections too),
    # so that a conflict with it (a duplicate "gzip on", say) fails here as it would there.
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the pytest folder
    temp = "".join(f"    {kind}_temp_path {prefix}/temp/{kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""{user}daemon off;
worker_processes auto;
{SHUTDOWN}
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 768; }}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers on;
    access_log {prefix}/access.log;
    gzip on;
{temp}    include {include};
}}
"""


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


def prepare(prefix: Path, include: str = f"{FOLDER}/nginx.conf") -> Path:
    """The main configuration and nginx's folders under prefix; return the site's folder."""
    folder = prefix / FOLDER
    folder.mkdir(parents=True)
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / kind).mkdir(parents=True)
    (prefix / "nginx.conf").write_text(main_configuration(prefix, include), encoding="utf-8")
    return folder


def install(prefix: Path, ports: Ports) -> Layout:
    """Lay out the installation (no release yet); return where scripts/deploy puts releases."""
    folder = prepare(prefix)
    cert, key = self_signed_certificate(prefix)
    for conf in HOSTING.glob("*.conf"):
        if conf.name != "nginx.conf":
            shutil.copy(conf, folder / conf.name)
    (folder / "nginx.conf").write_text(installation_values(
        (HOSTING / "nginx.conf").read_text(encoding="utf-8"), ports, cert, key), encoding="utf-8")
    return Layout(prefix / "www", folder)


def nginx_command(prefix: Path, *options: str) -> list[str]:
    return [nginx_binary(), "-p", f"{prefix}/", "-c", str(prefix / "nginx.conf"), "-e",
            str(prefix / "error.log"), *options]


def deploy_site(prefix: Path, site: Path, reload: bool = True) -> str:
    """scripts/deploy for this installation (in-process); returns the release's id."""
    return deploy.deploy(Layout(prefix / "www", prefix / FOLDER), site, nginx_command(prefix), reload)


def check(prefix: Path) -> subprocess.CompletedProcess:
    return subprocess.run(nginx_command(prefix, "-t"), capture_output=True, text=True)


class Nginx:
    """nginx in the foreground (not a daemon), stopped with SIGQUIT (graceful) at the end."""

    def __init__(self, prefix: Path, ports: list[int]):
        self.prefix = prefix
        self.process = subprocess.Popen(nginx_command(prefix), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 10
        while not all(self._listening(p) for p in ports):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"nginx did not start:\n{self.log()}")
            time.sleep(0.05)

    @staticmethod
    def _listening(port: int) -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) == 0

    def log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # names in lower case; repeated headers joined with ", "
    body: bytes
    counts: dict[str, int]  # how often each header came

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


def fetch(port: int, path: str, headers: dict | None = None, tls: bool = False,
          method: str = "GET", source: str = "127.0.0.1", body: bytes | None = None) -> Response:
    """One request as it is: no redirect followed, no decompression; from the source address
    (any 127.x.y.z: the limits count each as another reader)."""
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # our self-signed cert
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10,
                                                 source_address=(source, 0))
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        collected: dict[str, str] = {}
        counts: dict[str, int] = {}
        for name, value in response.getheaders():
            key = name.lower()
            collected[key] = f"{collected[key]}, {value}" if key in collected else value
            counts[key] = counts.get(key, 0) + 1
        return Response(response.status, collected, response.read(), counts)
    finally:
        connection.close()
