"""The preview server: the built site as the local server serves it, plus a small script in each
page that reloads it after a rebuild and shows a content error over the page."""
from __future__ import annotations

import http.server
import json
import threading

from edition.hosting.local_server import SiteHandler

RELOAD_SCRIPT = """(() => {
  let version = null;
  const show = error => {
    let box = document.getElementById("preview-error");
    if (!error) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "preview-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;z-index:10;max-height:50vh;overflow:auto;" +
        "margin:0;padding:1rem;background:#fff0f0;color:#5a0000;border-top:3px solid #b00020;" +
        "font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";
      document.body.append(box);
    }
    box.textContent = "The preview could not be rebuilt (the page shows the last good build):\\n\\n" + error;
  };
  const poll = async () => {
    try {
      const status = await (await fetch("/__preview__/status", {cache: "no-store"})).json();
      if (version !== null && status.version !== version) { location.reload(); return; }
      version = status.version;
      show(status.error);
    } catch (e) { /* the server restarts: try again */ }
    setTimeout(poll, 700);
  };
  poll();
})();
"""
TAG = b'<script src="/__preview__/reload.js"></script>'


class Status:
    """The preview's state, shared by the rebuild loop and the server threads."""

    def __init__(self):
        self.version = 0
        self.error: str | None = None
        self.lock = threading.Lock()

    def built(self) -> None:
        with self.lock:
            self.version += 1
            self.error = None

    def failed(self, error: str) -> None:
        with self.lock:
            self.error = error

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "error": self.error}).encode()


def handler_for(site, status: Status):
    class PreviewHandler(SiteHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def do_GET(self):
            if self.path.startswith("/__preview__/"):
                return self._own(self.path.split("?")[0])
            path = self.translate_path(self.path)
            if path.endswith("/") or path.endswith(".html") or not path.rsplit("/", 1)[-1].count("."):
                page = path + ("index.html" if path.endswith("/") else "")
                try:
                    with open(page, "rb") as file:
                        body = file.read()
                except OSError:
                    return super().do_GET()
                return self._send(200, "text/html; charset=utf-8", body.replace(b"</body>", TAG + b"</body>", 1))
            return super().do_GET()

        def _own(self, path):
            if path == "/__preview__/reload.js":
                return self._send(200, "text/javascript; charset=utf-8", RELOAD_SCRIPT.encode())
            if path == "/__preview__/status":
                return self._send(200, "application/json", status.as_json())
            return self.send_error(404)

        def _send(self, code, kind, body):
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
    return PreviewHandler


def make_preview_server(site, status: Status, port: int) -> http.server.ThreadingHTTPServer:
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_for(site, status))
