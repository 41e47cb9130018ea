"""nginx with overrides/hosting/ on 127.0.0.1 for the tests (edition/hosting/local_nginx.py), the
built site deployed into it by scripts/deploy's code as its first release."""
from __future__ import annotations

import shutil

import pytest

from edition.hosting.local_nginx import (FOLDER, Nginx, Ports, Response, check, deploy_site, fetch,  # noqa: F401
                                         free_ports, install, nginx_binary, nginx_command)


DOWNLOAD_PROBE = "/nl/download-probe.bin"


def require_nginx() -> None:
    if not nginx_binary() or not shutil.which("openssl"):
        pytest.fail("nginx and openssl are needed: run scripts/setup (as root) to install them")


def start(prefix, ports: Ports) -> Nginx:
    return Nginx(prefix, [ports.redirect, ports.tls, ports.origin])


@pytest.fixture(scope="session")
def served(site, tmp_path_factory):
    """(site root, ports, prefix): the built site as nginx serves it, plus a CSS file without .gz
    (for on-the-fly gzip) and a file larger than loopback's socket buffers (DOWNLOAD_PROBE, for a
    download that stays in progress). Shared by the session (conftest.py): tests only read it."""
    require_nginx()
    build = tmp_path_factory.mktemp("hosting") / "site"
    shutil.copytree(site, build)
    (build / "nl" / "gzip-probe.css").write_text("p { color: #1a1a1a; }\n" * 40, encoding="utf-8")
    with open(build / DOWNLOAD_PROBE.lstrip("/"), "wb") as probe:
        probe.truncate(16 * 1024 * 1024)  # sparse: no disk space
    prefix = tmp_path_factory.mktemp("nginx")
    ports = Ports(*free_ports(3))
    layout = install(prefix, ports)
    release = deploy_site(prefix, build, reload=False)  # the first release, before nginx runs
    server = start(prefix, ports)
    yield layout.folder(release), ports, prefix
    server.stop()
