"""Connection handling, health, metrics, the OpenAPI document, static files and shutdown."""

import json
import signal
import socket
import time

from conftest import FIXTURES, binary_path, free_port, run_cli, start_server


def raw_exchange(port, request_bytes, timeout=10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request_bytes)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def test_keep_alive_reuses_connection(server):
    connection = server.connection()
    connection.request("GET", "/health/live")
    first = connection.getresponse()
    first.read()
    sock = connection.sock
    for _ in range(5):
        connection.request("GET", "/api/v1/stores",
                           headers={"Authorization": f"Bearer {server.token}"})
        response = connection.getresponse()
        assert response.status == 200
        response.read()
        assert connection.sock is sock, "the server closed a kept-alive connection"
    connection.close()


def test_health_and_metrics(loaded_server):
    assert loaded_server.get("/health/live").json() == {"status": "live"}
    assert loaded_server.get("/health/ready").json() == {"status": "ready", "lines": 10}
    loaded_server.get("/api/v1/analytics/dashboard")
    dashboard_count = 'route="/api/v1/analytics/dashboard",method="GET",status="200"'
    for _ in range(100):  # a request is counted just after its response is sent
        metrics = loaded_server.get("/metrics")
        text = metrics.body.decode()
        if dashboard_count in text:
            break
        time.sleep(0.01)
    assert metrics.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert "imagross_sales_lines 10" in text
    assert 'imagross_imports_total{status="completed"} 1' in text
    assert dashboard_count in text
    assert "imagross_http_request_duration_seconds_bucket" in text


def test_openapi_documents_every_answering_route(server):
    document = server.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.0")
    for path, item in document["paths"].items():
        target = path.replace("{id}", "1")
        for method in item:
            response = server.request(method.upper(), target, body=b"" if method == "post" else None)
            assert response.status != 405, (method, path)
            if response.status == 404:
                assert not response.error["message"].startswith("no route"), (method, path)


def test_static_files_and_client_routes(server):
    index = server.get("/")
    assert index.status == 200
    assert index.headers["content-type"] == "text/html; charset=utf-8"
    assert index.headers["cache-control"] == "no-cache"
    asset = server.get("/assets/index-4f3a2b1c.js")
    assert asset.headers["content-type"] == "text/javascript; charset=utf-8"
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert server.get("/favicon.svg").headers["content-type"] == "image/svg+xml"
    assert server.get("/dashboard/stores").body == index.body
    assert server.get("/assets/missing.js").status == 404
    head = server.request("HEAD", "/")
    assert head.status == 200 and head.body == b""
    assert head.headers["content-length"] == str(len(index.body))


def test_path_traversal_is_refused(server):
    (server.workdir / "secret.txt").write_text("top-secret-content")
    for target in [b"/../secret.txt", b"/assets/../../secret.txt", b"/%2e%2e/secret.txt",
                   b"/..%2fsecret.txt", b"/assets/..%5c..%5csecret.txt"]:
        reply = raw_exchange(server.port, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert b"top-secret-content" not in reply, target
        assert reply.startswith(b"HTTP/1.1 404") or reply.startswith(b"HTTP/1.1 400"), reply[:60]


def test_readiness_goes_from_503_to_200(workdir):
    # Enough lines that loading them takes a noticeable time after the port opens.
    demo = workdir / "demo"
    result = run_cli(workdir, "demo-data", "--lines", "200000", "--out", str(demo), "--seed", "7")
    assert result.returncode == 0, result.stderr
    sales = sorted(demo.glob("*sales*"))[0]
    result = run_cli(workdir, "import", "sales", str(sales))
    assert result.returncode == 0, result.stderr

    server = start_server(workdir, wait_ready=False)
    try:
        statuses = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            response = server.get("/health/ready")
            statuses.append(response.status)
            if response.status == 200:
                break
            assert response.status == 503
            assert response.headers["retry-after"] == "1"
            dashboard = server.get("/api/v1/analytics/dashboard")
            assert dashboard.status in (503, 200)
        assert statuses[0] == 503, "the server was ready before it could have loaded"
        assert statuses[-1] == 200
        assert server.get("/health/ready").json()["lines"] == 200000
        server.wait_for_log("event=server_ready lines=200000")
    finally:
        assert server.stop() == 0


def test_sigterm_stops_gracefully(server):
    idle = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    idle.sendall(b"GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n")
    idle.recv(65536)
    started = time.monotonic()
    assert server.stop(signal.SIGTERM) == 0
    assert time.monotonic() - started < 10
    assert idle.recv(65536) == b""  # the idle keep-alive connection was closed
    idle.close()
    log = server.log()
    assert "event=signal_received signal=15" in log
    assert "event=server_stopped" in log


def test_sigint_stops_gracefully(server):
    assert server.stop(signal.SIGINT) == 0
    assert "event=server_stopped" in server.log()


def test_refuses_non_loopback_address_without_secret(workdir):
    result = run_cli(workdir, "serve", "--listen", f"0.0.0.0:{free_port()}",
                     env={"IMAGROSS_JWT_SECRET": None})
    assert result.returncode == 2
    assert "beyond loopback without IMAGROSS_JWT_SECRET" in result.stderr


def test_refuses_short_jwt_secret(workdir):
    result = run_cli(workdir, "serve", "--listen", f"127.0.0.1:{free_port()}",
                     env={"IMAGROSS_JWT_SECRET": "too-short"})
    assert result.returncode == 2
    assert "IMAGROSS_JWT_SECRET has 9 bytes but needs at least 32" in result.stderr


def test_generates_secret_on_loopback(workdir):
    server = start_server(workdir, env={"IMAGROSS_JWT_SECRET": None})
    try:
        assert "event=jwt_secret_generated" in server.log()
        assert server.get("/api/v1/stores").status == 200
    finally:
        assert server.stop() == 0


def test_reports_busy_port(server, tmp_path):
    result = run_cli(tmp_path, "serve", "--listen", f"127.0.0.1:{server.port}")
    assert result.returncode != 0
    assert f"127.0.0.1:{server.port}" in result.stderr + result.stdout
