"""The points, rewards, redemptions and tills routes against the real server.

Expected points are worked out by hand in points_world.py; the ledger totals are checked again
with SQL on the server's SQLite file.
"""

import copy
import datetime
import http.client
import json
import shutil
import socket
import subprocess
import threading
from decimal import Decimal

import pytest

from conftest import run_cli
from member_world import member
from test_me import decode_with_zbarimg
from points_world import (EXPECTED_ELIGIBLE, EXPECTED_POINTS, EXPECTED_TOTAL, RULES, SEASON,
                          points_world, programme, revoke_pos_key)  # noqa: F401 (fixtures)

MARCH = {"from": "2026-03-01", "to": "2026-03-31"}


def till_receipt(receipt_id, card, lines, **fields):
    body = {"receipt_id": receipt_id, "timestamp": "2026-03-10T10:00:00+01:00", "card": card,
            "lines": lines}
    body.update(fields)
    return body


def line(code, amount, quantity="1.000", department="Latticini"):
    unit_price = (Decimal(amount) / Decimal(quantity)).quantize(Decimal("0.001"))
    return {"product_code": code, "product_name": f"Prodotto {code}", "department": department,
            "quantity": quantity, "unit_price": str(unit_price), "amount": amount}


def audit_actions(world, member_id):
    response = world.get(f"/api/v1/audit?target_type=member&target_id={member_id}", "super")
    assert response.status == 200, response.body
    return response.json()["items"]


# --- Reading points -------------------------------------------------------------------------


def test_customer_reads_own_points(programme):
    world = programme
    for key, points in EXPECTED_POINTS.items():
        view = world.points(key)
        assert view["balance"] == points, key
        assert view["available"] == points, key
        assert view["earned"] == points, key
        assert view["owed"] == 0
        assert view["point_value"] == "0.01"
        assert view["value"] == f"0.{points:02d}"
        assert view["season"] == SEASON
        assert view["expiring"] == [{"expires_on": SEASON["expires"], "points": points}]
        assert view["expiring_soon"] == {"points": 0, "expires_on": None}
    ledger = world.get("/api/v1/me/points/ledger", "maria").json()
    assert ledger["total"] == 2
    assert sorted(row["points"] for row in ledger["rows"]) == [5, 10]
    assert {row["kind"] for row in ledger["rows"]} == {"award"}
    assert {row["source_ref"] for row in ledger["rows"]} == {"M1", "M2"}


def test_customer_cannot_read_other_member(programme):
    world = programme
    niccolo_id = world.member_id("niccolo")
    for target in (f"/api/v1/members/{niccolo_id}/points",
                   f"/api/v1/members/{niccolo_id}/points/ledger"):
        response = world.get(target, "maria")
        assert response.status == 403, target
        assert response.error["code"] == "forbidden"
    # The own routes take no member from the request.
    response = world.get(f"/api/v1/me/points/ledger?member_id={niccolo_id}", "maria")
    assert response.status == 400
    assert response.error["parameter"] == "member_id"
    for admin in ("super", "store"):
        assert world.get("/api/v1/me/points", admin).status == 403
    assert world.get("/api/v1/me/points", None).status == 401


def test_store_admin_reads_own_stores_members(programme):
    world = programme
    maria = world.get(f"/api/v1/members/{world.member_id('maria')}/points", "store")
    assert maria.status == 200, maria.body
    assert maria.json()["balance"] == EXPECTED_POINTS["maria"]
    niccolo = world.get(f"/api/v1/members/{world.member_id('niccolo')}/points", "store")
    assert niccolo.status == 403
    assert world.get("/api/v1/members/999999/points", "super").status == 404


def test_ledger_pages_and_filters_by_kind(programme):
    world = programme
    maria_id = world.member_id("maria")
    world.adjust(maria_id, 4, "Goodwill for a late delivery")
    first = world.get(f"/api/v1/members/{maria_id}/points/ledger?limit=2", "super").json()
    second = world.get(f"/api/v1/members/{maria_id}/points/ledger?limit=2&offset=2",
                       "super").json()
    assert first["total"] == 3
    assert len(first["rows"]) == 2
    assert len(second["rows"]) == 1
    ids = [row["id"] for row in first["rows"] + second["rows"]]
    assert len(set(ids)) == 3
    awards = world.ledger(maria_id, "&kind=award")
    assert awards["total"] == 2
    bad = world.get(f"/api/v1/members/{maria_id}/points/ledger?kind=bonus", "super")
    assert bad.status == 400
    assert bad.error["parameter"] == "kind"
    too_many = world.get(f"/api/v1/members/{maria_id}/points/ledger?limit=501", "super")
    assert too_many.status == 400
    assert too_many.error["parameter"] == "limit"


# --- Adjustments ----------------------------------------------------------------------------


def test_adjustment_needs_reason(programme):
    world = programme
    maria_id = world.member_id("maria")
    target = f"/api/v1/members/{maria_id}/points/adjustments"
    for body in ({"points": 7}, {"points": 7, "reason": "   "}, {"points": 7, "reason": None}):
        response = world.call("POST", target, "super", body)
        assert response.status == 422, body
        assert response.error["code"] == "reason_required"
        assert response.error["parameter"] == "reason"
    zero = world.call("POST", target, "super", {"points": 0, "reason": "nothing"})
    assert zero.status == 422
    assert zero.error["parameter"] == "points"
    text = world.call("POST", target, "super", {"points": "7", "reason": "typed as text"})
    assert text.status == 400
    assert text.error["parameter"] == "points"
    assert world.ledger(maria_id)["total"] == 2


def test_adjustment_in_ledger_and_audit(programme):
    world = programme
    maria_id = world.member_id("maria")
    target = f"/api/v1/members/{maria_id}/points/adjustments"
    response = world.call("POST", target, "super",
                          {"points": 7, "reason": "Damaged goods", "expires_on": "2027-06-30"})
    assert response.status == 201, response.body
    entry = response.json()
    assert entry["kind"] == "adjustment"
    assert entry["points"] == 7
    assert entry["reason"] == "Damaged goods"
    assert entry["expires_on"] == "2027-06-30"
    debit = world.call("POST", target, "store", {"points": -2, "reason": "Double credit"})
    assert debit.status == 201, debit.body

    ledger = world.ledger(maria_id, "&kind=adjustment")
    assert sorted(row["points"] for row in ledger["rows"]) == [-2, 7]
    assert world.points("maria")["balance"] == EXPECTED_POINTS["maria"] + 5

    adjustments = [item for item in audit_actions(world, maria_id)
                   if item["action"] == "points.adjust"]
    assert len(adjustments) == 2
    reasons = {item["details"]["reason"]: item for item in adjustments}
    assert reasons["Damaged goods"]["details"]["points"] == 7
    assert reasons["Damaged goods"]["actor_role"] == "super_admin"
    assert reasons["Double credit"]["details"]["points"] == -2
    assert reasons["Double credit"]["actor_role"] == "store_admin"

    # A store admin adjusts only members of their stores, and a customer adjusts no member.
    niccolo_target = f"/api/v1/members/{world.member_id('niccolo')}/points/adjustments"
    body = {"points": 1, "reason": "not allowed"}
    assert world.call("POST", niccolo_target, "store", body).status == 403
    assert world.call("POST", target, "maria", body).status == 403


# --- Rule sets and simulation ---------------------------------------------------------------


def test_rule_set_invalid_document_names_field(points_world):
    world = points_world
    cases = [
        ({**RULES, "earnn": {}}, "document.earnn"),
        ({**RULES, "seasons": [{**RULES["seasons"][0], "end": "2025-12-31"}]},
         "document.seasons[0].end"),
        ({**RULES, "earn": {"mode": "per_euro", "points_per_euro": 1}},
         "document.earn.points_per_euro"),
    ]
    for document, field in cases:
        response = world.call("POST", "/api/v1/points/rule-sets", "super", {"document": document})
        assert response.status == 422, (field, response.body)
        assert response.error["code"] == "invalid_rule_set"
        assert response.error["parameter"] == field
    missing = world.call("POST", "/api/v1/points/rule-sets", "super", {"name": "no document"})
    assert missing.status == 422
    assert missing.error["parameter"] == "document"
    assert world.get("/api/v1/points/rule-sets", "super").json()["rows"] == []


def test_rule_set_create_and_activate(points_world):
    world = points_world
    store = world.call("POST", "/api/v1/points/rule-sets", "store", {"document": RULES})
    assert store.status == 403
    version = world.create_rule_set(name="Primavera")
    listed = world.get("/api/v1/points/rule-sets", "store").json()["rows"]
    assert [(row["version"], row["name"], row["status"]) for row in listed] == [
        (version, "Primavera", "draft")]
    assert listed[0]["effective_from"] is None
    detail = world.get(f"/api/v1/points/rule-sets/{version}", "super").json()
    assert detail["document"]["name"] == RULES["name"]
    assert detail["document"]["rules"][0]["name"] == "Drogheria x2"
    # Nothing is awarded while no rule set is in force.
    assert world.points("maria")["balance"] == 0

    activated = world.activate(version, "2026-01-01")
    assert activated["status"] == "active"
    assert activated["effective_from"].startswith("2025-12-31T23:00:00")  # midnight in Rome
    assert activated["awarded"]["points"] == EXPECTED_TOTAL
    again = world.call("POST", f"/api/v1/points/rule-sets/{version}/activate", "super", {})
    assert again.status == 409
    assert again.error["code"] == "rule_set_not_draft"
    assert world.get("/api/v1/points/rule-sets/99", "super").status == 404
    actions = [item["action"] for item in
               world.get(f"/api/v1/audit?target_type=rule_set&target_id={version}",
                         "super").json()["items"]]
    assert sorted(actions) == ["points.rules.activate", "points.rules.create"]


def test_simulation_equals_awards(points_world):
    world = points_world
    response = world.call("POST", "/api/v1/points/simulations", "super",
                          {"document": RULES, **MARCH})
    assert response.status == 200, response.body
    simulation = response.json()
    assert simulation["from"] == MARCH["from"]
    assert simulation["to"] == MARCH["to"]
    assert simulation["receipts"] == 3
    assert simulation["receipts_earning"] == 3
    assert simulation["members"] == 2
    assert simulation["points"] == EXPECTED_TOTAL
    assert simulation["value"] == "0.18"
    assert simulation["eligible_amount"] == EXPECTED_ELIGIBLE
    assert simulation["by_rule"] == [{"name": "Drogheria x2", "receipts": 1}]
    distribution = simulation["distribution"]
    assert sum(bucket["members"] for bucket in distribution["buckets"]) == 2
    assert distribution["max"] == 15
    assert distribution["p50"] == 3
    assert simulation["current"] == {"version": None, "points": 0, "value": "0.00"}

    world.activate(world.create_rule_set())
    awarded = sum(world.points(key)["balance"] for key in EXPECTED_POINTS)
    assert awarded == simulation["points"]
    with world.server.database() as database:
        (ledger_sum,) = database.execute(
            "SELECT sum(points) FROM points_ledger WHERE kind = 'award'").fetchone()
    assert ledger_sum == simulation["points"]

    after = world.call("POST", "/api/v1/points/simulations", "super",
                       {"document": RULES, **MARCH}).json()
    assert after["current"]["points"] == simulation["points"]
    assert after["current"]["version"] == 1


def test_simulation_rejects_bad_period(points_world):
    world = points_world
    target = "/api/v1/points/simulations"
    backwards = world.call("POST", target, "super",
                           {"document": RULES, "from": "2026-03-31", "to": "2026-03-01"})
    assert backwards.status == 422
    assert backwards.error["parameter"] == "to"
    missing = world.call("POST", target, "super", {"document": RULES, "from": "2026-03-01"})
    assert missing.status == 422
    assert missing.error["parameter"] == "to"
    bad_date = world.call("POST", target, "super",
                          {"document": RULES, "from": "2026-02-30", "to": "2026-03-01"})
    assert bad_date.status == 400
    assert bad_date.error["parameter"] == "from"
    assert world.call("POST", target, "store", {"document": RULES, **MARCH}).status == 403


def test_summary_liability_and_flows(programme):
    world = programme
    summary = world.get("/api/v1/points/summary?from=2026-03-01&to=2026-03-31", "super")
    assert summary.status == 200, summary.body
    body = summary.json()
    assert body["liability"]["outstanding_points"] == EXPECTED_TOTAL
    assert body["liability"]["value"] == "0.18"
    assert body["liability"]["members_with_points"] == 2
    assert body["flows"]["granularity"] == "day"
    assert body["flows"]["totals"]["issued"] == EXPECTED_TOTAL
    issued_by_day = {row["period"]: row["issued"] for row in body["flows"]["rows"]
                     if row["issued"]}
    assert issued_by_day == {"2026-03-02": 5, "2026-03-03": 3, "2026-03-05": 10}
    assert body["redemptions"] == {"issued": 0, "used": 0, "cancelled": 0}
    assert world.get("/api/v1/points/summary", "maria").status == 403


# --- Tills ----------------------------------------------------------------------------------


def test_pos_receipt_needs_valid_key(programme):
    world = programme
    receipt = till_receipt("T1", member("maria")["card_number"], [line("P1", "10.00")])
    missing = world.post_receipt(receipt, None)
    assert missing.status == 401
    assert missing.headers["www-authenticate"] == "ApiKey"
    bearer = world.server.post_json("/api/v1/pos/receipts", receipt, token=world.token("super"))
    assert bearer.status == 401
    assert world.post_receipt(receipt, "igpos_" + "A" * 43).status == 401

    key, key_id = world.pos_key("PV01")
    revoke_pos_key(world.server.workdir, key_id)
    revoked = world.post_receipt(receipt, key)
    assert revoked.status == 401
    assert revoked.error["code"] == "unauthenticated"
    assert world.points("maria")["balance"] == EXPECTED_POINTS["maria"]


def test_pos_receipt_awards_once(programme):
    world = programme
    key, _ = world.pos_key("PV01")
    receipt = till_receipt("T1", member("maria")["card_number"],
                           [line("P1", "10.00", "2.000"), line("P2", "2.99")])
    first = world.post_receipt(receipt, key)
    assert first.status == 201, first.body
    outcome = first.json()
    assert outcome["status"] == "awarded"
    assert outcome["points"] == 12  # 12.99 EUR, 1 point per full euro
    assert outcome["duplicate"] is False
    assert outcome["balance"] == EXPECTED_POINTS["maria"] + 12

    again = world.post_receipt(receipt, key)
    assert again.status == 200, again.body
    assert again.json()["duplicate"] is True
    assert again.json()["points"] == 12
    assert world.points("maria")["balance"] == EXPECTED_POINTS["maria"] + 12
    awards = [row for row in world.ledger(world.member_id("maria"), "&kind=award")["rows"]
              if row["source_ref"] == "T1"]
    assert len(awards) == 1

    changed = copy.deepcopy(receipt)
    changed["lines"][1]["amount"] = "3.99"
    changed["lines"][1]["unit_price"] = "3.99"
    conflict = world.post_receipt(changed, key)
    assert conflict.status == 409
    assert conflict.error["code"] == "receipt_conflict"
    assert world.points("maria")["balance"] == EXPECTED_POINTS["maria"] + 12


def test_pos_return_reverses_proportionally(programme):
    world = programme
    key, _ = world.pos_key("PV01")
    card = member("maria")["card_number"]
    sale = world.post_receipt(till_receipt("T2", card, [line("P1", "20.00", "2.000")]), key)
    assert sale.json()["points"] == 20
    # A quarter of the receipt's eligible amount comes back: a quarter of its points goes.
    returned = till_receipt("T2R", card, [line("P1", "-5.00", "-1.000")],
                            original_receipt_id="T2", timestamp="2026-03-11T09:00:00+01:00")
    response = world.post_receipt(returned, key)
    assert response.status == 201, response.body
    outcome = response.json()
    assert outcome["status"] == "reversed"
    assert outcome["points"] == 5
    assert outcome["balance"] == EXPECTED_POINTS["maria"] + 15
    reversals = world.ledger(world.member_id("maria"), "&kind=reversal")["rows"]
    assert [row["points"] for row in reversals] == [-5]


def test_pos_return_after_spending_owes(programme):
    world = programme
    key, _ = world.pos_key("PV01")
    card = member("luca")["card_number"]
    sale = world.post_receipt(till_receipt("T5", card, [line("P9", "100.00")]), key)
    assert sale.json()["points"] == 100
    reward = world.create_reward(points_cost=100)
    spent = world.call("POST", "/api/v1/me/redemptions", "luca", {"reward_id": reward["id"]})
    assert spent.status == 201, spent.body

    returned = till_receipt("T5R", card, [line("P9", "-100.00", "-1.000")],
                            original_receipt_id="T5", timestamp="2026-03-12T09:00:00+01:00")
    response = world.post_receipt(returned, key)
    assert response.status == 201, response.body
    assert response.json()["points"] == 100
    assert response.json()["balance"] == -100
    view = world.points("luca")
    assert view["balance"] == -100
    assert view["owed"] == 100
    assert view["available"] == 0


def test_pos_receipt_waits_for_rules(points_world):
    world = points_world
    key, _ = world.pos_key("PV02")
    receipt = till_receipt("T6", member("niccolo")["card_number"], [line("P1", "7.50")])
    response = world.post_receipt(receipt, key)
    assert response.status == 201, response.body
    assert response.json()["status"] == "no_rules"
    assert response.json()["points"] == 0

    activated = world.activate(world.create_rule_set())
    assert activated["awarded"]["points"] == EXPECTED_TOTAL + 7
    assert world.points("niccolo")["balance"] == EXPECTED_POINTS["niccolo"] + 7
    again = world.post_receipt(receipt, key)
    assert again.status == 200, again.body
    assert again.json()["duplicate"] is True
    assert world.points("niccolo")["balance"] == EXPECTED_POINTS["niccolo"] + 7


def test_pos_receipt_bad_fields_named(programme):
    world = programme
    key, _ = world.pos_key("PV01")
    card = member("maria")["card_number"]
    cases = [
        (till_receipt("T3", card, [{**line("P1", "1.00"), "amount": "1,00"}]), 400,
         "lines[0].amount"),
        (till_receipt("T3", card, [{**line("P1", "1.00"), "colour": "red"}]), 400,
         "lines[0].colour"),
        (till_receipt("", card, [line("P1", "1.00")]), 422, "receipt_id"),
        (till_receipt("T3", card, []), 422, "lines"),
        (till_receipt("T3", card, [line("P1", "1.00")], timestamp="2026-03-10"), 400,
         "timestamp"),
        (till_receipt("T3", "123", [line("P1", "1.00")]), 422, "card"),
    ]
    for body, status, field in cases:
        response = world.post_receipt(body, key)
        assert response.status == status, (field, response.body)
        assert response.error["parameter"] == field
    not_json = world.post_receipt(b"{receipt", key)
    assert not_json.status == 400
    assert not_json.error["code"] == "invalid_body"
    # A body over the 1 MiB limit is rejected from its Content-Length, before it is sent.
    with socket.create_connection(("127.0.0.1", world.server.port), timeout=30) as connection:
        connection.sendall(
            b"POST /api/v1/pos/receipts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + f"Authorization: ApiKey {key}\r\n".encode()
            + b"Content-Type: application/json\r\nContent-Length: 1048577\r\n\r\n")
        status_line = connection.makefile("rb").readline()
    assert status_line.split()[1] == b"413", status_line


def utc_text(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_pos_receipt_limits_and_times(programme):
    world = programme
    key, _ = world.pos_key("PV01")
    card = member("maria")["card_number"]
    now = datetime.datetime.now(datetime.timezone.utc)

    def priced(quantity, unit_price, amount, **extra):
        return {**line("P1", "1.00"), "quantity": quantity, "unit_price": unit_price,
                "amount": amount, **extra}

    cases = [
        # The amount must be quantity x unit_price - discount, within one cent.
        (priced("1.000", "1.00", "1000000.00"), "lines[0].amount"),
        (priced("2.000", "1.25", "2.52"), "lines[0].amount"),
        (priced("1.000", "5.00", "4.00", discount="0.50"), "lines[0].amount"),
        # Limits of every line, whatever the other fields say.
        (priced("1.000", "9000000000000000.000", "9000000000000000.000"), "lines[0].unit_price"),
        (priced("100001.000", "0.01", "1000.01"), "lines[0].quantity"),
        (priced("20.000", "99999.00", "1999980.00"), "lines[0].amount"),
        (priced("1.000", "5.00", "10.00", discount="-5.00"), "lines[0].discount"),
        (priced("1.000", "5.00", "0.00", discount="6.00"), "lines[0].discount"),
    ]
    for index, (body_line, field) in enumerate(cases):
        response = world.post_receipt(till_receipt(f"L{index}", card, [body_line]), key)
        assert response.status == 422, (field, response.body)
        assert response.error["parameter"] == field, response.body
    accepted = world.post_receipt(
        till_receipt("L-ok", card, [priced("2.000", "1.25", "2.01", discount="0.50")]), key)
    assert accepted.status == 201, accepted.body

    times = [
        utc_text(now + datetime.timedelta(hours=10)),
        "2099-11-20T10:00:00+01:00",
        "1999-12-31T23:59:59Z",
        "1900-01-01T10:00:00+01:00",
    ]
    for index, timestamp in enumerate(times):
        response = world.post_receipt(
            till_receipt(f"F{index}", card, [line("P1", "1.00")], timestamp=timestamp), key)
        assert response.status == 422, (timestamp, response.body)
        assert response.error["parameter"] == "timestamp", response.body
    no_offset = world.post_receipt(
        till_receipt("F-local", card, [line("P1", "1.00")], timestamp="2026-03-10T10:00:00"), key)
    assert no_offset.status == 422, no_offset.body
    assert no_offset.error["parameter"] == "timestamp"
    assert "offset" in no_offset.error["message"]
    # Within the 5 minutes of clock skew a till may have.
    skewed = world.post_receipt(
        till_receipt("F-skew", card, [line("P1", "1.00")],
                     timestamp=utc_text(now + datetime.timedelta(minutes=2))), key)
    assert skewed.status == 201, skewed.body
    assert world.points("maria")["balance"] == EXPECTED_POINTS["maria"] + 3


def test_pos_receipt_identifiers_checked(programme):
    world = programme
    key, _ = world.pos_key("PV01")
    card = member("maria")["card_number"]
    cases = [
        (till_receipt("   ", card, [line("P1", "1.00")]), "receipt_id"),
        (till_receipt("T\u0000X", card, [line("P1", "1.00")]), "receipt_id"),
        (till_receipt("I1", card, [line("   ", "1.00")]), "lines[0].product_code"),
        (till_receipt("I2", card, [line("P\n1", "1.00")]), "lines[0].product_code"),
        (till_receipt("I3", card, [{**line("P1", "1.00"), "line": 1},
                                   {**line("P2", "1.00"), "line": 1}]), "lines[1].line"),
    ]
    for body, field in cases:
        response = world.post_receipt(body, key)
        assert response.status == 422, (field, response.body)
        assert response.error["parameter"] == field, response.body


def test_pos_receipt_other_lines_conflict(programme):
    world = programme
    key, _ = world.pos_key("PV01")
    receipt = till_receipt("T7", member("maria")["card_number"],
                           [line("P1", "4.00"), line("P2", "3.00")])
    assert world.post_receipt(receipt, key).status == 201
    subset = {**receipt, "lines": receipt["lines"][:1]}
    superset = {**receipt, "lines": [*receipt["lines"], line("P3", "2.00")]}
    for body in (subset, superset):
        response = world.post_receipt(body, key)
        assert response.status == 409, response.body
        assert response.error["code"] == "receipt_conflict"
    assert world.points("maria")["balance"] == EXPECTED_POINTS["maria"] + 7
    with world.server.database() as database:
        (stored,) = database.execute(
            "SELECT count(*) FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
            "WHERE r.code = 'T7'").fetchone()
    assert stored == 2


def test_pos_receipt_upgrades_tier(points_world):
    world = points_world
    document = {**RULES, "tiers": {
        "basis": "points", "window_days": 365, "hold_days": 30,
        "levels": [{"name": "Bronze", "threshold": 0, "multiplier": "1"},
                   {"name": "Silver", "threshold": 30, "multiplier": "1.25"}]}}
    world.activate(world.create_rule_set(document))
    assert world.points("maria")["tier"]["name"] == "Bronze"
    key, _ = world.pos_key("PV01")
    card = member("maria")["card_number"]
    # 15 points from March and 20 from this receipt cross the Silver threshold of 30.
    first = world.post_receipt(till_receipt("U1", card, [line("P1", "20.00")]), key)
    assert first.status == 201, first.body
    assert first.json()["points"] == 20
    view = world.points("maria")
    assert view["tier"]["name"] == "Silver"
    assert view["tier"]["multiplier"] == "1.25"
    second = world.post_receipt(till_receipt("U2", card, [line("P1", "10.00")]), key)
    assert second.status == 201, second.body
    assert second.json()["points"] == 12  # 10 x 1.25, rounded down


def test_pos_key_needs_known_store(programme):
    world = programme
    unknown = run_cli(world.server.workdir, "pos-key", "create", "--store", "PVXX")
    assert unknown.returncode != 0
    assert "PVXX" in unknown.stderr
    assert "PV01" in unknown.stderr
    assert "--new-store" in unknown.stderr
    created = run_cli(world.server.workdir, "pos-key", "create", "--store", "PVXX",
                      "--new-store")
    assert created.returncode == 0, created.stderr
    assert "for store PVXX" in created.stderr


def test_pos_receipt_without_card(programme):
    world = programme
    key, _ = world.pos_key("PV02")
    response = world.post_receipt(till_receipt("T4", None, [line("P1", "8.00")]), key)
    assert response.status == 201, response.body
    assert response.json()["status"] == "no_card"
    assert response.json()["balance"] is None


# --- Rewards and redemptions ----------------------------------------------------------------


def test_rewards_permissions(programme):
    world = programme
    body = {"name": "Set di pentole", "category": "cucina", "points_cost": 1500}
    assert world.call("POST", "/api/v1/rewards", "store", body).status == 403
    assert world.call("POST", "/api/v1/rewards", "maria", body).status == 403
    created = world.call("POST", "/api/v1/rewards", "super",
                         {**body, "copay": "9.90", "stock": 3, "valid_to": "2027-02-28"})
    assert created.status == 201, created.body
    reward = created.json()
    assert reward["copay"] == "9.90"
    assert reward["stock"] == 3
    assert reward["per_member_limit"] is None
    assert reward["active"] is True

    target = f"/api/v1/rewards/{reward['id']}"
    assert world.call("PUT", target, "store", {"points_cost": 10}).status == 403
    updated = world.call("PUT", target, "super", {"points_cost": 1200, "active": False})
    assert updated.status == 200, updated.body
    assert updated.json()["points_cost"] == 1200
    assert updated.json()["name"] == "Set di pentole"
    assert world.get("/api/v1/rewards", "store").status == 200
    assert world.get("/api/v1/rewards", "maria").status == 403
    assert world.get("/api/v1/rewards?active=true", "super").json()["rows"] == []
    assert world.get("/api/v1/me/rewards", "maria").json()["rows"] == []

    invalid = world.call("POST", "/api/v1/rewards", "super", {"name": "No cost"})
    assert invalid.status == 422
    assert invalid.error["parameter"] == "points_cost"
    unknown = world.call("PUT", "/api/v1/rewards/999", "super", {"points_cost": 5})
    assert unknown.status == 404
    actions = [item["action"] for item in world.get(
        f"/api/v1/audit?target_type=reward&target_id={reward['id']}", "super").json()["items"]]
    assert sorted(actions) == ["reward.create", "reward.update"]


def redeem_in_parallel(world, key, reward_id, count):
    """`count` POST /api/v1/me/redemptions as `key`, released together; returns the responses."""
    token = world.token(key)
    body = json.dumps({"reward_id": reward_id}).encode()
    barrier = threading.Barrier(count)
    results = [None] * count

    def redeem(index):
        connection = http.client.HTTPConnection("127.0.0.1", world.server.port, timeout=60)
        try:
            connection.connect()
            barrier.wait()
            connection.request("POST", "/api/v1/me/redemptions", body=body,
                               headers={"Authorization": f"Bearer {token}",
                                        "Content-Type": "application/json"})
            raw = connection.getresponse()
            results[index] = (raw.status, json.loads(raw.read()))
        finally:
            connection.close()

    threads = [threading.Thread(target=redeem, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_parallel_redemptions_never_overdraw(programme):
    world = programme
    luca_id = world.member_id("luca")
    world.adjust(luca_id, 1000)
    reward = world.create_reward(points_cost=100)

    results = redeem_in_parallel(world, "luca", reward["id"], 50)
    statuses = [status for status, _ in results]
    assert statuses.count(201) == 10, results
    assert statuses.count(409) == 40, results
    assert {body["error"]["code"] for status, body in results if status == 409} == {
        "insufficient_points"}
    vouchers = {body["voucher_code"] for status, body in results if status == 201}
    assert len(vouchers) == 10

    view = world.points("luca")
    assert view["balance"] == 0
    assert view["owed"] == 0
    redemptions = world.ledger(luca_id, "&kind=redemption")
    assert redemptions["total"] == 10
    assert sum(row["points"] for row in redemptions["rows"]) == -1000
    with world.server.database() as database:
        (ledger_sum,) = database.execute(
            "SELECT sum(points) FROM points_ledger WHERE member_id = ?", (luca_id,)).fetchone()
    assert ledger_sum == 0


def test_parallel_redemptions_respect_stock(programme):
    world = programme
    world.adjust(world.member_id("luca"), 5000)
    reward = world.create_reward(points_cost=100, stock=3)
    results = redeem_in_parallel(world, "luca", reward["id"], 20)
    statuses = [status for status, _ in results]
    assert statuses.count(201) == 3, results
    assert {body["error"]["code"] for status, body in results if status == 409} == {
        "out_of_stock"}
    assert world.points("luca")["balance"] == 4700


def test_cancel_refunds_points(programme):
    world = programme
    luca_id = world.member_id("luca")
    world.adjust(luca_id, 300)
    reward = world.create_reward(points_cost=120, copay="1.50")

    expensive = world.create_reward(name="Bicicletta", points_cost=5000)
    world.create_reward(name="Calendario 2020", points_cost=10, valid_to="2020-12-31")
    catalogue = world.get("/api/v1/me/rewards", "luca").json()["rows"]
    assert sorted((row["id"], row["affordable"], row["redeemed"]) for row in catalogue) == [
        (reward["id"], True, 0), (expensive["id"], False, 0)]

    response = world.call("POST", "/api/v1/me/redemptions", "luca", {"reward_id": reward["id"]})
    assert response.status == 201, response.body
    redemption = response.json()
    assert redemption["status"] == "issued"
    assert redemption["channel"] == "app"
    assert redemption["points"] == 120
    assert redemption["copay"] == "1.50"
    assert redemption["voucher_code"].startswith("99")
    assert len(redemption["voucher_code"]) == 13
    assert redemption["barcode_url"] == f"/api/v1/me/redemptions/{redemption['id']}/barcode.svg"
    assert world.points("luca")["balance"] == 180
    redeemed = {row["id"]: row["redeemed"]
                for row in world.get("/api/v1/me/rewards", "luca").json()["rows"]}
    assert redeemed == {reward["id"]: 1, expensive["id"]: 0}

    # Another customer cannot see or cancel it.
    target = f"/api/v1/me/redemptions/{redemption['id']}/cancel"
    assert world.call("POST", target, "maria").status == 404
    cancelled = world.call("POST", target, "luca")
    assert cancelled.status == 200, cancelled.body
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["closed_at"]
    assert world.points("luca")["balance"] == 300
    refunds = world.ledger(luca_id, "&kind=refund")["rows"]
    assert [row["points"] for row in refunds] == [120]
    # The reason of a cancel is for admins; a customer's body takes no field.
    with_reason = world.call("POST", target, "luca", {"reason": "no"})
    assert with_reason.status == 400
    assert with_reason.error["parameter"] == "reason"
    twice = world.call("POST", target, "luca")
    assert twice.status == 409
    assert twice.error["code"] == "redemption_not_issued"

    own = world.get("/api/v1/me/redemptions", "luca").json()
    assert own["total"] == 1
    assert own["rows"][0]["status"] == "cancelled"
    assert world.get("/api/v1/me/redemptions", "maria").json()["total"] == 0
    cancels = [item for item in audit_actions(world, luca_id)
               if item["action"] == "me.redemption.cancel"]
    assert len(cancels) == 1


def test_redemption_refusals(programme):
    world = programme
    luca_id = world.member_id("luca")
    world.adjust(luca_id, 50)
    reward = world.create_reward(points_cost=100)
    poor = world.call("POST", "/api/v1/me/redemptions", "luca", {"reward_id": reward["id"]})
    assert poor.status == 409
    assert poor.error["code"] == "insufficient_points"
    missing = world.call("POST", "/api/v1/me/redemptions", "luca", {"reward_id": 9999})
    assert missing.status == 404
    assert missing.error["code"] == "reward_not_found"
    no_id = world.call("POST", "/api/v1/me/redemptions", "luca", {})
    assert no_id.status == 422
    assert no_id.error["parameter"] == "reward_id"
    assert world.call("POST", "/api/v1/me/redemptions", "super",
                      {"reward_id": reward["id"]}).status == 403
    assert world.points("luca")["balance"] == 50


def test_redemption_outside_claim_window(points_world):
    world = points_world
    old_rules = {**RULES, "name": "Raccolta 2020",
                 "seasons": [{"name": "2020", "start": "2020-01-01", "end": "2020-12-31",
                              "expires": "2021-03-01", "claim_until": "2021-01-31"}]}
    world.activate(world.create_rule_set(old_rules), "2020-01-01")
    world.adjust(world.member_id("luca"), 500)
    reward = world.create_reward(points_cost=100)
    closed = world.call("POST", "/api/v1/me/redemptions", "luca", {"reward_id": reward["id"]})
    assert closed.status == 409
    assert closed.error["code"] == "claim_window_closed"
    assert world.points("luca")["balance"] == 500

    world.activate(world.create_rule_set(), "2026-01-01")
    opened = world.call("POST", "/api/v1/me/redemptions", "luca", {"reward_id": reward["id"]})
    assert opened.status == 201, opened.body
    assert world.points("luca")["balance"] == 400


def test_desk_redemption_use_and_audit(programme):
    world = programme
    maria_id = world.member_id("maria")
    niccolo_id = world.member_id("niccolo")
    reward = world.create_reward(points_cost=10)
    refused = world.call("POST", f"/api/v1/members/{niccolo_id}/redemptions", "store",
                         {"reward_id": reward["id"]})
    assert refused.status == 403
    response = world.call("POST", f"/api/v1/members/{maria_id}/redemptions", "store",
                          {"reward_id": reward["id"]})
    assert response.status == 201, response.body
    redemption = response.json()
    assert redemption["channel"] == "desk"
    assert redemption["member_id"] == maria_id
    assert world.points("maria")["balance"] == EXPECTED_POINTS["maria"] - 10

    listed = world.get(f"/api/v1/redemptions?voucher={redemption['voucher_code']}", "store")
    assert listed.status == 200, listed.body
    assert [row["id"] for row in listed.json()["rows"]] == [redemption["id"]]
    assert world.get("/api/v1/redemptions", "store").status == 403
    world.adjust(niccolo_id, 10)
    other_response = world.call("POST", f"/api/v1/members/{niccolo_id}/redemptions", "super",
                                {"reward_id": reward["id"]})
    assert other_response.status == 201, other_response.body
    other = other_response.json()
    hidden = world.get(f"/api/v1/redemptions?voucher={other['voucher_code']}", "store")
    assert hidden.status == 403
    assert world.get(f"/api/v1/redemptions?member_id={niccolo_id}", "store").status == 403
    assert world.call("POST", f"/api/v1/redemptions/{other['id']}/use", "store").status == 403
    cancelled = world.call("POST", f"/api/v1/redemptions/{other['id']}/cancel", "super",
                           {"reason": "Customer changed their mind"})
    assert cancelled.status == 200, cancelled.body
    cancel_entries = [item for item in audit_actions(world, niccolo_id)
                      if item["action"] == "redemption.cancel"]
    assert [item["details"]["reason"] for item in cancel_entries] == [
        "Customer changed their mind"]
    assert world.get("/api/v1/redemptions?status=issued", "super").json()["total"] == 1
    assert world.get("/api/v1/redemptions?status=cancelled", "super").json()["total"] == 1

    used = world.call("POST", f"/api/v1/redemptions/{redemption['id']}/use", "store")
    assert used.status == 200, used.body
    assert used.json()["status"] == "used"
    cancel = world.call("POST", f"/api/v1/redemptions/{redemption['id']}/cancel", "super")
    assert cancel.status == 409
    assert world.points("maria")["balance"] == EXPECTED_POINTS["maria"] - 10

    actions = [item["action"] for item in audit_actions(world, maria_id)]
    assert "redemption.create" in actions
    assert "redemption.use" in actions
    summary = world.get("/api/v1/points/summary", "super").json()
    assert summary["redemptions"] == {"issued": 0, "used": 1, "cancelled": 1}


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("rsvg-convert") is None,
                    reason="needs zbarimg (zbar-tools) and rsvg-convert (librsvg2-bin)")
def test_voucher_barcode_decodes(programme, tmp_path):
    world = programme
    reward = world.create_reward(points_cost=5)
    redemption = world.call("POST", "/api/v1/me/redemptions", "maria",
                            {"reward_id": reward["id"]}).json()
    response = world.get(redemption["barcode_url"], "maria")
    assert response.status == 200, response.body
    assert response.headers["content-type"] == "image/svg+xml"
    assert "no-store" in response.headers["cache-control"]
    svg = tmp_path / "voucher.svg"
    svg.write_bytes(response.body)
    raster = tmp_path / "voucher.png"
    subprocess.run(["rsvg-convert", "--background-color", "white", "-o", str(raster), str(svg)],
                   check=True, timeout=60)
    assert decode_with_zbarimg(raster) == [f"EAN-13:{redemption['voucher_code']}"]

    assert world.get(redemption["barcode_url"], "niccolo").status == 404
    admin_url = f"/api/v1/redemptions/{redemption['id']}/barcode.svg"
    assert world.get(admin_url, "super").body == response.body
    world.call("POST", f"/api/v1/me/redemptions/{redemption['id']}/cancel", "maria")
    assert world.get(redemption["barcode_url"], "maria").status == 404
