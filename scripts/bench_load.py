"""The load figures of the benchmark (scripts/bench.py): requests per second and the 99th
percentile latency through nginx with the shipped configuration, on loopback, beside a bare
configuration serving the same release in the same run; and errors while nginx reloads.

The load generator is wrk (Debian's package, installed by scripts/setup): each run is bounded
(RUN_SECONDS at CONNECTIONS connections) and goes to 127.0.0.1 only, which limits.conf does not
limit (the host's own address), so the figures are the server's, not the limits'. Both servers
share the 2 cores with wrk: the figures are this machine's, for comparison within one run.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

from edition.hosting import local_nginx
from edition.project import default_project

RUN_SECONDS = 5
CONNECTIONS = 64
THREADS = 2
RELOADS = 5  # during one run, one a second
ESSAY_BUDGET = 10_000  # requests/s on the essay page at 64 connections, with 0 errors


def bare_server(port: int, root: Path) -> str:
    """nginx's defaults under Debian's http block: no pre-compressed files (gzip on the fly for
    text/html only), no headers, no limits."""
    return f"server {{\n    listen 127.0.0.1:{port};\n    root {root};\n}}\n"


def start_servers(scratch: Path, site: Path):
    """The shipped configuration with the site deployed as a release, and a bare one serving it."""
    shipped = scratch / "nginx-shipped"
    ports = local_nginx.Ports(*local_nginx.free_ports(3))
    layout = local_nginx.install(shipped, ports)
    release = layout.folder(local_nginx.deploy_site(shipped, site, reload=False))
    bare = scratch / "nginx-bare"
    (bare_port,) = local_nginx.free_ports(1)
    local_nginx.prepare(bare, include="bare.conf")
    (bare / "bare.conf").write_text(bare_server(bare_port, release), encoding="utf-8")
    servers = [local_nginx.Nginx(shipped, [ports.origin]), local_nginx.Nginx(bare, [bare_port])]
    return servers, {"shipped": ports.origin, "bare": bare_port}, release


def seconds(value: str, unit: str) -> float:
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0}[unit]


def wrk(url: str, duration: int = RUN_SECONDS) -> dict:
    """One bounded wrk run, as a browser asks (gzip accepted); its figures and errors."""
    result = subprocess.run(["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency",
                             "-H", "Accept-Encoding: gzip", url],
                            capture_output=True, text=True, timeout=duration + 30)
    out = result.stdout
    if result.returncode or "Requests/sec" not in out:
        raise RuntimeError(f"wrk failed on {url}:\n{out}\n{result.stderr}")
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))),
            "p99_ms": round(seconds(*p99.groups()) * 1000, 2),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "errors": (sum(map(int, sockets.groups())) if sockets else 0) + (int(non_2xx.group(1)) if non_2xx else 0)}


def measured(site: Path) -> dict[str, str]:
    """The essay page (the longest, as the page weight figures), Material's stylesheet, the full PDF."""
    from bench_web import measured_pages
    essay = next(path for label, path in measured_pages(site).items() if label.startswith("longest"))
    css = next(site.glob("nl/assets/stylesheets/main.*.min.css")).relative_to(site).as_posix()
    pdf = f"nl/{default_project().print_settings().files()['edition']}"
    return {f"essay page (/{essay})": essay, f"stylesheet (/{css})": css, f"full PDF (/{pdf})": pdf}


def load_figures(site: Path, scratch: Path) -> list[dict]:
    if not shutil.which("wrk") or not local_nginx.nginx_binary():
        return [dict(name="Load figures", value=0, unit="", note="wrk or nginx missing: run scripts/setup as root")]
    servers, ports, _ = start_servers(scratch, site)
    found = []
    try:
        for label, path in measured(site).items():
            ours, bare = (wrk(f"http://127.0.0.1:{ports[kind]}/{path}") for kind in ("shipped", "bare"))
            essay = label.startswith("essay")
            run = f"{CONNECTIONS} connections, {RUN_SECONDS} s of wrk; baseline: a bare nginx configuration"
            found += [
                dict(name=f"Load, {label}: requests/s", value=ours["rps"], unit="req/s",
                     budget=ESSAY_BUDGET if essay else None, comparison=">=", baseline=bare["rps"],
                     note=f"{ours['requests']} requests; {run}"),
                dict(name=f"Load, {label}: p99 latency", value=ours["p99_ms"], unit="ms", baseline=bare["p99_ms"]),
                dict(name=f"Load, {label}: errors", value=ours["errors"], unit="", budget=0, comparison="<=",
                     baseline=bare["errors"], note="socket errors and non-2xx/3xx responses"),
            ]
        found.append(reload_figure(servers[0].prefix, ports["shipped"], measured(site)))
    finally:
        for server in servers:
            server.stop()
    return found


def reload_figure(prefix: Path, port: int, paths: dict[str, str]) -> dict:
    """Errors seen by clients while nginx reloads (as scripts/deploy does) under load."""
    essay = next(path for label, path in paths.items() if label.startswith("essay"))
    stop = threading.Event()

    def reload_now_and_then():
        for _ in range(RELOADS):
            if stop.wait(RUN_SECONDS / (RELOADS + 1)):
                return
            subprocess.run(local_nginx.nginx_command(prefix, "-s", "reload"), capture_output=True, timeout=10)

    reloader = threading.Thread(target=reload_now_and_then)
    reloader.start()
    try:
        figures = wrk(f"http://127.0.0.1:{port}/{essay}")
    finally:
        stop.set()
        reloader.join()
    time.sleep(1)  # let the last old workers go before the servers stop
    share = 100 * figures["errors"] / max(1, figures["requests"])
    return dict(name=f"Load, essay page during {RELOADS} reloads: errors", value=figures["errors"], unit="",
                note=f"{share:.3f} % of {figures['requests']} requests: keep-alive connections idle at the "
                     "moment of a reload are closed and a request sent on one just then fails (browsers "
                     "retry it; wrk counts it); requests in progress finish")
