"""Black-box tests of `imagross serve` over loopback HTTP.

Each test starts the real binary on a free port, in a temporary directory of its own with a fresh
SQLite database, and talks to it with the standard library only. Before the server starts, a super
admin is created with `imagross admin create`; the server object signs in as that admin and sends
its access token with every request unless a test passes another token or none.

Run from the repository root, after building the `imagross` target:

    IMAGROSS_BIN=build/src/cli/imagross /usr/bin/python3 -m pytest tests/http

IMAGROSS_BIN defaults to build/src/cli/imagross. Debian's /usr/bin/python3 is needed because the
export tests read XLSX files back with python3-openpyxl.
"""

import http.client
import json
import sqlite3
import os
import re
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

# The servers of the tests sign their tokens with this secret, so that tests can forge and expire
# tokens of their own with Python's hmac.
JWT_SECRET = "http-tests-jwt-secret-of-at-least-32-bytes"
ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "admin password for tests"
# Default of the `token` argument of Server.request: the server's own admin token. Pass
# token=None for an anonymous request.
OWN_TOKEN = object()


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
        self.token = None  # the super admin's access token once signed in

    def connection(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, target, body=None, headers=None, token=OWN_TOKEN):
        headers = dict(headers or {})
        if token is OWN_TOKEN:
            token = self.token
        if token is not None and "Authorization" not in headers:
            headers["Authorization"] = f"Bearer {token}"
        connection = self.connection()
        try:
            connection.request(method, target, body=body, headers=headers)
            raw = connection.getresponse()
            return Response(raw.status, raw.getheaders(), raw.read())
        finally:
            connection.close()

    def get(self, target, headers=None, token=OWN_TOKEN):
        return self.request("GET", target, headers=headers, token=token)

    def post_json(self, target, payload, token=None, headers=None):
        """POSTs `payload` as JSON, anonymously unless a token is given."""
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = {"Content-Type": "application/json", **(headers or {})}
        return self.request("POST", target, body=body, headers=headers, token=token)

    def upload(self, path, query, token=OWN_TOKEN):
        return self.request("POST", f"/api/v1/imports?{query}", body=Path(path).read_bytes(),
                            token=token)

    def sign_in(self, identifier, password):
        """Signs in and returns the session; fails the test unless the sign-in succeeds."""
        response = self.post_json("/api/v1/auth/login",
                                  {"identifier": identifier, "password": password})
        assert response.status == 200, response.body
        return response.json()

    def authorization_line(self):
        """The Authorization header line of the admin's token, for requests written by hand."""
        return f"Authorization: Bearer {self.token}\r\n".encode()

    def database(self):
        """A connection to the server's SQLite file, to read what the server wrote."""
        return sqlite3.connect(self.workdir / "data" / "imagross.db", timeout=10)

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


def environment(overrides=None):
    """The environment of the binary: this one, the tests' JWT secret, and `overrides`, where a
    value of None removes the variable."""
    env = dict(os.environ, IMAGROSS_JWT_SECRET=JWT_SECRET)
    for name, value in (overrides or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_cli(workdir, *arguments, env=None, input=None):
    """Runs the binary with --db in `workdir`; returns the completed process."""
    return subprocess.run(
        [str(binary_path()), "--db", str(workdir / "data" / "imagross.db"), *arguments],
        cwd=workdir, capture_output=True, text=True, timeout=120, env=environment(env),
        input=input)


def create_admin(workdir, email=ADMIN_EMAIL, password=ADMIN_PASSWORD, role="super_admin",
                 stores=()):
    """Creates an administrator with `imagross admin create`; returns the account id."""
    store_options = [option for store in stores for option in ("--store", store)]
    result = run_cli(workdir, "admin", "create", "--email", email, "--role", role, *store_options,
                     env={"IMAGROSS_PASSWORD": password})
    assert result.returncode == 0, result.stderr
    return int(re.search(r"created \w+ account (\d+)", result.stdout).group(1))


def issue_cards(workdir, first, count):
    """Registers `count` cards from the 12 or 13 digits `first` with `imagross cards issue`."""
    result = run_cli(workdir, "cards", "issue", "--from", first, "--count", str(count))
    assert result.returncode == 0, result.stderr


def ensure_admin(workdir):
    """Creates the tests' super admin unless an earlier server of the test created it."""
    result = run_cli(workdir, "admin", "create", "--email", ADMIN_EMAIL,
                     env={"IMAGROSS_PASSWORD": ADMIN_PASSWORD})
    assert result.returncode == 0 or "email_taken" in result.stderr, result.stderr


def start_server(workdir, wait_ready=True, extra=(), global_options=(), env=None):
    port = free_port()
    log_path = workdir / "server.log"
    web = workdir / "web"
    (web / "assets").mkdir(parents=True, exist_ok=True)
    (web / "index.html").write_text("<!doctype html><title>ImaGross</title>")
    (web / "assets" / "index-4f3a2b1c.js").write_text("console.log('app')")
    (web / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    ensure_admin(workdir)
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(binary_path()), "--db", str(workdir / "data" / "imagross.db"), *global_options,
             "serve",
             "--listen", f"127.0.0.1:{port}", "--web-dir", str(web), *extra],
            cwd=workdir, stdout=log, stderr=subprocess.STDOUT, env=environment(env))
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
    server.token = server.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)["access_token"]
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
