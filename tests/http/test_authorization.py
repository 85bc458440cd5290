"""Who may call which route: anonymous callers, customers, store admins and the super admin, and
the audit entries of admin actions."""

import json

import pytest

from auth_world import PASSWORD, free_card, prepare_cards, sign_up
from conftest import FIXTURES, create_admin, start_server
from reference import kpis, read_lines
from test_analytics import FIRST, LAST, PERIOD, assert_kpis_match

STORE_ADMIN = "pv01@example.com"


@pytest.fixture
def roles_server(workdir):
    """A server with the small sales fixture, a store admin of PV01, another of PV09 (a store
    without sales), and a customer."""
    prepare_cards(workdir)
    create_admin(workdir, STORE_ADMIN, PASSWORD, role="store_admin", stores=["PV01"])
    create_admin(workdir, "pv09@example.com", PASSWORD, role="store_admin", stores=["PV09"])
    server = start_server(workdir)
    response = server.upload(FIXTURES / "sales_small.csv", "filename=sales_small.csv")
    assert response.status == 202, response.body
    server.import_id = response.json()["id"]
    assert server.wait_for_import(server.import_id)["status"] == "completed"
    server.store_admin = server.sign_in(STORE_ADMIN, PASSWORD)["access_token"]
    server.empty_store_admin = server.sign_in("pv09@example.com", PASSWORD)["access_token"]
    server.customer = sign_up(server, free_card(0))["access_token"]
    yield server
    server.stop()


ANALYTICS = [f"/api/v1/analytics/dashboard?{PERIOD}", f"/api/v1/analytics/products?{PERIOD}",
             f"/api/v1/analytics/export?table=kpis&{PERIOD}", "/api/v1/analytics/coverage",
             "/api/v1/stores", "/api/v1/departments"]
IMPORTS = ["/api/v1/imports", "/api/v1/imports/1", "/api/v1/imports/1/rejects"]


def test_anonymous_callers_get_401(roles_server):
    for target in ANALYTICS + IMPORTS:
        response = roles_server.get(target, token=None)
        assert response.status == 401, target
        assert response.headers["www-authenticate"] == "Bearer", target
    upload = roles_server.upload(FIXTURES / "sales_small.csv", "filename=x.csv", token=None)
    assert upload.status == 401


def test_customer_refused_on_analytics_and_imports(roles_server):
    for target in ANALYTICS + IMPORTS:
        response = roles_server.get(target, token=roles_server.customer)
        assert response.status == 403, target
        assert response.error["code"] == "forbidden"
    upload = roles_server.upload(FIXTURES / "sales_small.csv", "filename=x.csv",
                                 token=roles_server.customer)
    assert upload.status == 403


def test_store_admin_refused_on_imports(roles_server):
    for target in IMPORTS:
        assert roles_server.get(target, token=roles_server.store_admin).status == 403, target
    upload = roles_server.upload(FIXTURES / "sales_small.csv", "filename=x.csv",
                                 token=roles_server.store_admin)
    assert upload.status == 403


def test_store_admin_sees_their_stores_by_default(roles_server):
    body = roles_server.get(f"/api/v1/analytics/dashboard?{PERIOD}",
                            token=roles_server.store_admin).json()
    expected = kpis(read_lines(FIXTURES / "sales_small.csv"), FIRST, LAST, store="PV01")
    assert_kpis_match(body["kpis"], expected)
    assert body["filter"]["stores"] == ["PV01"]
    explicit = roles_server.get(f"/api/v1/analytics/dashboard?{PERIOD}&store=PV01",
                                token=roles_server.store_admin).json()
    assert explicit["kpis"] == body["kpis"]
    stores = roles_server.get("/api/v1/stores", token=roles_server.store_admin).json()
    assert [store["code"] for store in stores["items"]] == ["PV01"]


def test_store_admin_refused_outside_their_stores(roles_server):
    for target in [f"/api/v1/analytics/dashboard?{PERIOD}&store=PV02",
                   f"/api/v1/analytics/dashboard?{PERIOD}&store=PV01&store=PV02",
                   f"/api/v1/analytics/products?{PERIOD}&store=PV02",
                   f"/api/v1/analytics/export?table=kpis&{PERIOD}&store=PV02",
                   f"/api/v1/analytics/dashboard?{PERIOD}&store=NOPE"]:
        response = roles_server.get(target, token=roles_server.store_admin)
        assert response.status == 403, target
        assert response.error["code"] == "forbidden"


def test_store_admin_without_sales_sees_nothing(roles_server):
    body = roles_server.get(f"/api/v1/analytics/dashboard?{PERIOD}",
                            token=roles_server.empty_store_admin).json()
    assert body["kpis"]["net_revenue"] == 0
    assert body["kpis"]["receipts"] == 0
    stores = roles_server.get("/api/v1/stores", token=roles_server.empty_store_admin).json()
    assert stores["items"] == []


def test_super_admin_sees_every_store(roles_server):
    body = roles_server.get(f"/api/v1/analytics/dashboard?{PERIOD}").json()
    assert_kpis_match(body["kpis"], kpis(read_lines(FIXTURES / "sales_small.csv"), FIRST, LAST))
    stores = roles_server.get("/api/v1/stores").json()
    assert [store["code"] for store in stores["items"]] == ["PV01", "PV02"]


def test_public_routes_need_no_token(roles_server):
    for target in ["/health/live", "/health/ready", "/api/openapi.json", "/metrics"]:
        assert roles_server.get(target, token=None).status == 200, target


def audit_entries(server, action):
    with server.database() as database:
        return database.execute(
            "SELECT actor_account_id, actor_role, target_type, target_id, details, "
            "client_address, request_id FROM audit_log WHERE action = ? ORDER BY id",
            (action,)).fetchall()


def test_admin_actions_are_audited(roles_server):
    admin_id = roles_server.get("/api/v1/auth/session").json()["account"]["id"]
    uploads = audit_entries(roles_server, "import.upload")
    assert len(uploads) == 1
    actor, role, target_type, target_id, details, address, request_id = uploads[0]
    assert (actor, role, target_type, target_id) == (admin_id, "super_admin", "import",
                                                     str(roles_server.import_id))
    assert json.loads(details)["source_name"] == "sales_small.csv"
    assert address == "127.0.0.1"
    assert request_id

    export = roles_server.get(f"/api/v1/analytics/export?table=kpis&{PERIOD}&store=PV01",
                              token=roles_server.store_admin)
    assert export.status == 200
    exports = audit_entries(roles_server, "analytics.export")
    assert len(exports) == 1
    assert exports[0][1:4] == ("store_admin", "table", "kpis")
    details = json.loads(exports[0][4])
    assert details["format"] == "csv"
    assert details["filter"]["stores"] == ["PV01"]
    assert exports[0][6] == export.headers["x-request-id"]


def test_store_admin_session_lists_stores(roles_server):
    account = roles_server.get("/api/v1/auth/session", token=roles_server.store_admin).json()
    assert account["account"]["role"] == "store_admin"
    assert account["account"]["stores"] == ["PV01"]
    assert account["account"]["email"] == STORE_ADMIN
