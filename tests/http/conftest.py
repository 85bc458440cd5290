"""Black-box tests of `imagross serve` over loopback HTTP.

Each test starts the real binary on a free port, in a temporary directory of its own with a fresh
SQLite database, and talks to it with the standard library only.

Run from the repository root, after building the `imagross` target:

    IMAGROSS_BIN=build/src/cli/imagross /usr/bin/python3 -m pytest tests/http

IMAGROSS_BIN defaults to build/src/cli/imagross. Debian's /usr/bin/python3 is needed because the
export tests read XLSX files back with python3-openpyxl.
"""

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
START_TIMEOUT_S = 20
STOP_TIMEOUT_S = 20


def binary_path():
    path = Path(os.environ.get("IMAGROSS_BIN", REPO / "build" / "src" / "cli" / "imagross"))
    if not path.is_absolute():
        path = REPO / path
    if not path.exists():
        pytest.exit(f"imagross binary not found at {path}: build it or set IMAGROSS_BIN", 2)
    return path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    @property
    def error(self):
        return self.json()["error"]


class Server:
    """One `imagross serve` process and the directory it runs in."""

    def __init__(self, workdir, port, process, log_path):
        self.workdir = workdir
        self.port = port
        self.process = process
        self.log_path = log_path

    def connection(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, target, body=None, headers=None):
        connection = self.connection()
        try:
            connection.request(method, target, body=body, headers=headers or {})
            raw = connection.getresponse()
            return Response(raw.status, raw.getheaders(), raw.read())
        finally:
            connection.close()

    def get(self, target, headers=None):
        return self.request("GET", target, headers=headers)

    def upload(self, path, query):
        return self.request("POST", f"/api/v1/imports?{query}", body=Path(path).read_bytes())

    def wait_for_import(self, import_id, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            record = self.get(f"/api/v1/imports/{import_id}").json()
            if record["status"] in ("completed", "failed"):
                return record
            time.sleep(0.05)
        raise AssertionError(f"import {import_id} did not finish in {timeout} s")

    def wait_ready(self, timeout=START_TIMEOUT_S):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.get("/health/ready").status == 200:
                return
            time.sleep(0.02)
        raise AssertionError("the server did not become ready")

    def log(self):
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, text, timeout=5):
        """Waits until `text` is in the log: a request is logged just after its response."""
        deadline = time.monotonic() + timeout
        while text not in self.log():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not in the server log:\n{self.log()}")
            time.sleep(0.01)

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=STOP_TIMEOUT_S)


def run_cli(workdir, *arguments):
    """Runs the binary with --db in `workdir`; returns the completed process."""
    return subprocess.run(
        [str(binary_path()), "--db", str(workdir / "data" / "imagross.db"), *arguments],
        cwd=workdir, capture_output=True, text=True, timeout=120)


def start_server(workdir, wait_ready=True, extra=(), global_options=()):
    port = free_port()
    log_path = workdir / "server.log"
    web = workdir / "web"
    (web / "assets").mkdir(parents=True, exist_ok=True)
    (web / "index.html").write_text("<!doctype html><title>ImaGross</title>")
    (web / "assets" / "index-4f3a2b1c.js").write_text("console.log('app')")
    (web / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(binary_path()), "--db", str(workdir / "data" / "imagross.db"), *global_options,
             "serve",
             "--listen", f"127.0.0.1:{port}", "--web-dir", str(web), *extra],
            cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    server = Server(workdir, port, process, log_path)
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}:\n{server.log()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                server.stop(signal.SIGKILL)
                raise AssertionError("the server did not start listening")
            time.sleep(0.005)
    if wait_ready:
        server.wait_ready()
    return server


@pytest.fixture
def workdir(tmp_path):
    return tmp_path


@pytest.fixture
def server(workdir):
    running = start_server(workdir)
    yield running
    running.stop(signal.SIGKILL if running.process.poll() is None else signal.SIGTERM)


@pytest.fixture
def loaded_server(server):
    """A server with the small sales fixture imported through the API."""
    response = server.upload(FIXTURES / "sales_small.csv", "filename=sales_small.csv")
    assert response.status == 202, response.body
    record = server.wait_for_import(response.json()["id"])
    assert record["status"] == "completed", record
    return server
