"""Bad requests get 4xx with the documented error body, never 5xx."""

import pytest

DASHBOARD = "/api/v1/analytics/dashboard"
GOOD = "from=2026-03-02&to=2026-03-04"

BAD_PARAMETERS = [
    (f"{DASHBOARD}?from=2026-02-30&to=2026-03-04", "from", "2026-02-30"),
    (f"{DASHBOARD}?from=2026-3-2&to=2026-03-04", "from", "2026-3-2"),
    (f"{DASHBOARD}?from=yesterday&to=2026-03-04", "from", "yesterday"),
    (f"{DASHBOARD}?from=2026-03-05&to=2026-03-04", "from", "2026-03-05"),
    (f"{DASHBOARD}?from=2026-03-02", "to", "to"),
    (f"{DASHBOARD}?to=2026-03-02", "from", "from"),
    (f"{DASHBOARD}?from=1900-01-01&to=2026-03-04", "from", "1900-01-01"),
    (f"{DASHBOARD}?from=2000-01-01&to=2026-03-04", "to", "3660"),
    (f"{DASHBOARD}?{GOOD}&store=PV99", "store", "PV99"),
    (f"{DASHBOARD}?{GOOD}&store=", "store", "store"),
    (f"{DASHBOARD}?{GOOD}&department=Macelleria", "department", "Macelleria"),
    (f"{DASHBOARD}?{GOOD}&cards_only=yes", "cards_only", "yes"),
    (f"{DASHBOARD}?{GOOD}&top=0", "top", "0"),
    (f"{DASHBOARD}?{GOOD}&top=101", "top", "101"),
    (f"{DASHBOARD}?{GOOD}&from=2026-03-02", "from", "once"),
    (f"{DASHBOARD}?{GOOD}&stores=PV01", "stores", "stores"),
    ("/api/v1/analytics/products?page=0", "page", "0"),
    ("/api/v1/analytics/products?page_size=501", "page_size", "501"),
    ("/api/v1/analytics/products?sort=price", "sort", "price"),
    ("/api/v1/analytics/products?order=up", "order", "up"),
    ("/api/v1/analytics/export?table=customers", "table", "customers"),
    ("/api/v1/analytics/export", "table", "nothing"),
    ("/api/v1/analytics/export?table=kpis&format=pdf", "format", "pdf"),
    ("/api/v1/imports?page_size=0", "page_size", "0"),
    ("/api/v1/imports/abc", "id", "abc"),
    ("/api/v1/imports/0/rejects", "id", "0"),
    ("/api/v1/stores?x=1", "x", "x"),
]


@pytest.mark.parametrize("target,parameter,mentioned", BAD_PARAMETERS)
def test_bad_parameter_is_400_naming_it(loaded_server, target, parameter, mentioned):
    response = loaded_server.get(target)
    assert response.status == 400, response.body
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    error = response.error
    assert error["code"] == "invalid_parameter"
    assert error["parameter"] == parameter
    assert mentioned in error["message"]


def test_unknown_route_is_404(server):
    for target in ["/api/v1/nothing", "/api/v2/analytics/dashboard", "/health/other",
                   "/api/v1/imports/1/2/3"]:
        response = server.get(target)
        assert response.status == 404, target
        assert response.error["code"] == "not_found"


def test_unknown_import_is_404(server):
    response = server.get("/api/v1/imports/999")
    assert response.status == 404
    assert "999" in response.error["message"]


def test_wrong_method_is_405_with_allow(server):
    response = server.request("DELETE", "/api/v1/imports")
    assert response.status == 405
    assert response.headers["allow"] == "GET, HEAD, POST"
    assert response.error["code"] == "method_not_allowed"
    response = server.request("POST", "/api/v1/analytics/dashboard")
    assert response.status == 405
    assert response.headers["allow"] == "GET, HEAD"


def test_request_id_echoed_or_generated(server):
    assert server.get("/health/live", {"X-Request-Id": "trace-42.a_b"}).headers["x-request-id"] == "trace-42.a_b"
    generated = server.get("/health/live", {"X-Request-Id": "has space"}).headers["x-request-id"]
    assert generated != "has space" and len(generated) == 16
    error = server.get("/api/v1/nothing", {"X-Request-Id": "err-1"})
    assert error.headers["x-request-id"] == "err-1"
    server.wait_for_log("request_id=err-1")
