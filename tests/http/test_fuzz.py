"""A bounded fuzz of malformed requests: none may get a 5xx or take the server down."""

import random
import socket
import urllib.parse

ROUTES = ["/api/v1/analytics/dashboard", "/api/v1/analytics/products", "/api/v1/analytics/export",
          "/api/v1/analytics/coverage", "/api/v1/stores", "/api/v1/departments", "/api/v1/imports",
          "/api/v1/imports/1", "/api/v1/imports/1/rejects", "/health/ready", "/metrics", "/",
          "/assets/x.js"]
NAMES = ["from", "to", "store", "department", "cards_only", "promo_only", "top", "q", "sort",
         "order", "page", "page_size", "table", "format", "filename", "x", "", "from[]"]
VALUES = ["2026-03-02", "2026-02-30", "0000-00-00", "9999-12-31", "-1", "0", "1", "99999999999999999999",
          "true", "PV01", "Ortofrutta", "kpis", "xlsx", "csv", "%", "%zz", "%00", "%C3%A0", "%FF%FE",
          "a b", "'; DROP TABLE imports; --", "<script>", "../../etc/passwd", "\u00e8", "", "=1+1",
          "1e308", "NaN", "Infinity", "%0d%0aX-Injected:%201"]
ITERATIONS = 400


def random_target(rng):
    path = rng.choice(ROUTES)
    params = []
    for _ in range(rng.randint(0, 6)):
        name = rng.choice(NAMES)
        value = rng.choice(VALUES)
        if rng.random() < 0.3:
            value = "".join(chr(rng.randint(0x21, 0x7e)) for _ in range(rng.randint(1, 12)))
        params.append(f"{urllib.parse.quote(name, safe='%[]')}={urllib.parse.quote(value, safe='%')}")
    if rng.random() < 0.1:
        path += "/" + "".join(rng.choice("abc%/.") for _ in range(rng.randint(1, 8)))
    return path + ("?" + "&".join(params) if params else "")


def status_of(reply):
    assert reply.startswith(b"HTTP/1.1 "), reply[:80]
    return int(reply[9:12])


def exchange(port, raw, timeout=10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(raw)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        return data


def test_random_queries_never_get_5xx(loaded_server):
    rng = random.Random(20261204)
    connection = loaded_server.connection()
    for _ in range(ITERATIONS):
        target = random_target(rng)
        connection.putrequest("GET", target, skip_accept_encoding=True)
        connection.putheader("Authorization", f"Bearer {loaded_server.token}")
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        assert response.status < 500, (target, body[:200])
        if response.getheader("connection") == "close":
            connection.close()
            connection = loaded_server.connection()
    connection.close()
    assert loaded_server.get("/health/live").status == 200


MALFORMED = [
    b"GET / HTTP/1.1\r\n\r\n",
    b"GARBAGE\r\n\r\n",
    b"GET /api/v1/stores HTTP/2.0\r\nHost: x\r\n\r\n",
    b"GET  /api/v1/stores HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/v1/stores?x=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET * HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/v1/stores HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    b"GET /api/v1/stores HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
    b"POST /api/v1/imports?filename=a.csv HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"GET /api/v1/stores HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * 20000 + b"\r\n\r\n",
    b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/v1/stores HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    b"GET /api/v1/stores HTTP/1.1\r\nHost: x\r\nX-Request-Id: \xff\xfe\r\n\r\n",
    b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"POST /api/v1/analytics/dashboard HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n",
    b"DELETE /health/live HTTP/1.1\r\nHost: x\r\n\r\n",
    b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    b"\r\n\r\n\r\n",
]


def with_authorization(raw, server):
    """Adds the admin's token after the request line, so that requests reach the handlers."""
    line_end = raw.find(b"\r\n")
    if line_end < 0 or not raw.startswith((b"GET", b"POST")):
        return raw
    return raw[:line_end + 2] + server.authorization_line() + raw[line_end + 2:]


def test_malformed_requests_never_get_5xx(loaded_server):
    for raw in MALFORMED:
        reply = exchange(loaded_server.port, with_authorization(raw, loaded_server))
        if reply:
            assert status_of(reply) < 500, (raw[:60], reply[:200])
    rng = random.Random(7)
    for _ in range(100):
        noise = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 300)))
        reply = exchange(loaded_server.port, b"GET /api/v1/stores HTTP/1.1\r\n"
                         + loaded_server.authorization_line() + noise + b"\r\n\r\n")
        if reply:
            assert status_of(reply) < 500, (noise, reply[:200])
    assert loaded_server.get("/health/live").status == 200
    assert "[error]" not in loaded_server.log()
