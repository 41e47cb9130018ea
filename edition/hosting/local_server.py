"""Serve the built site on 127.0.0.1 as a static host would, with each language's 404 page."""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        if code == 404:
            lang = self.path.lstrip("/").split("/", 1)[0]
            page = Path(self.directory, lang if lang in ("nl", "en") else "nl", "404.html")
            if page.exists():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # quiet: the tests read the pages, not the log
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that leaves a page drops what it still loads: no fault of the site's, and
        # not worth a traceback in the test output. Anything else is printed as before.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def make_server(site: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(SiteHandler, directory=str(site))
    return SiteServer(("127.0.0.1", port), handler)


def serve_in_background(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = make_server(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
