"""Limits of the points routes: rule set names, keys and figures, activation times, adjustment
expiry dates and never-expiring points in the summary, against the real server."""

import copy
import json

from points_world import RULES, points_world, programme  # noqa: F401 (fixtures)

RULE_SETS = "/api/v1/points/rule-sets"


def post_raw(world, target, text):
    """POSTs `text` as the JSON body unchanged, so that it can repeat a key."""
    return world.server.request("POST", target, body=text.encode(),
                                headers={"Content-Type": "application/json"},
                                token=world.token("super"))


def test_rule_set_names_checked(points_world):
    world = points_world
    season = RULES["seasons"][0]
    cases = [
        ({"name": "   ", "document": RULES}, "name", "blank"),
        ({"name": "x" * 101, "document": RULES}, "name", "longer than 100"),
        ({"document": {**RULES, "name": "\t"}}, "document.name", "blank"),
        ({"document": {**RULES, "seasons": [{**season, "name": "  "}]}},
         "document.seasons[0].name", "blank"),
        ({"document": {**RULES, "rules": [{"name": "a\u0000b"}]}},
         "document.rules[0].name", "U+0000"),
        ({"document": {**RULES, "tiers": {"levels": [{"name": " ", "threshold": 0}]}}},
         "document.tiers.levels[0].name", "blank"),
    ]
    for body, field, problem in cases:
        response = world.call("POST", RULE_SETS, "super", body)
        assert response.status == 422, (field, response.body)
        assert response.error["code"] == "invalid_rule_set"
        assert response.error["parameter"] == field
        assert problem in response.error["message"]
    assert world.get(RULE_SETS, "super").json()["rows"] == []

    # 100 emoji are 100 characters, so the same name is valid inside and outside the document.
    emoji = "\U0001F34E" * 100
    inner = world.call("POST", RULE_SETS, "super", {"document": {**RULES, "name": emoji}})
    assert inner.status == 201, inner.body
    outer = world.call("POST", RULE_SETS, "super", {"name": emoji, "document": RULES})
    assert outer.status == 201, outer.body
    assert outer.json()["name"] == emoji


def test_rule_set_duplicate_keys_rejected(points_world):
    world = points_world
    document = json.dumps(RULES)
    inner = '{"document": {"name": "A", ' + document[1:] + "}"
    response = post_raw(world, RULE_SETS, inner)
    assert response.status == 422, response.body
    assert response.error["code"] == "invalid_rule_set"
    assert response.error["parameter"] == "document.name"
    assert "twice" in response.error["message"]
    simulation = post_raw(world, "/api/v1/points/simulations",
                          '{"from": "2026-03-01", "to": "2026-03-31", "document": {"name": "A", '
                          + document[1:] + "}")
    assert simulation.status == 422, simulation.body
    assert simulation.error["parameter"] == "document.name"
    outer = post_raw(world, RULE_SETS, '{"name": "A", "name": "B", "document": ' + document + "}")
    assert outer.status == 400, outer.body
    assert outer.error["parameter"] == "name"


def test_rule_set_overflowing_figures_rejected(points_world):
    world = points_world
    overflowing = copy.deepcopy(RULES)
    overflowing["earn"] = {"mode": "per_threshold", "threshold": "0.001", "points": 1000000000}
    cases = [
        (overflowing, "document.earn.threshold", "too small"),
        ({**RULES, "earn": {"mode": "per_threshold", "points": 1000000000}},
         "document.earn.points", "from 1 to 10000"),
        ({**RULES, "point_value": "9223372036854775.808"}, "document.point_value", "too large"),
        ({**RULES, "point_value": "100.01"}, "document.point_value", "too large"),
    ]
    for document, field, problem in cases:
        response = world.call("POST", RULE_SETS, "super", {"document": document})
        assert response.status == 422, (field, response.body)
        assert response.error["parameter"] == field
        assert problem in response.error["message"]


def test_simulation_at_largest_figures_stays_positive(points_world):
    world = points_world
    largest = copy.deepcopy(RULES)
    largest["earn"] = {"mode": "per_threshold", "threshold": "0.01", "points": 10000}
    largest["stacking"] = {"line": "multiply", "receipt": "multiply"}
    largest["rules"] = [{"name": "x100", "multiplier": "100"}, {"name": "x10", "multiplier": "10"}]
    largest["tiers"] = {"levels": [{"name": "Base", "threshold": 0, "multiplier": "100"}]}
    largest["point_value"] = "100.00"
    response = world.call("POST", "/api/v1/points/simulations", "super",
                          {"document": largest, "from": "2026-03-01", "to": "2026-03-31"})
    assert response.status == 200, response.body
    simulation = response.json()
    # Every earning receipt reaches the cap of 1,000,000,000 points per receipt.
    assert simulation["points"] == simulation["receipts_earning"] * 1_000_000_000
    assert simulation["points"] > 0
    assert not simulation["value"].startswith("-")
    buckets = simulation["distribution"]["buckets"]
    assert 1 <= len(buckets) <= 10
    assert all(bucket["from"] >= 0 and bucket["to"] >= bucket["from"] for bucket in buckets)


def test_activation_times_checked(points_world):
    world = points_world
    first, second, third = (world.create_rule_set() for _ in range(3))
    world.activate(first, "2026-12-05T09:00:00Z")
    target = f"{RULE_SETS}/{second}/activate"
    cases = [
        ("2026-12-05T09:00:00Z", "effective_from_too_early", "not after"),
        ("2026-12-05T10:00:00", "invalid_effective_from", "no UTC offset"),
        ("2026-12-05T10:00:00.5Z", "invalid_effective_from", "fraction of a second"),
        ("0000-01-01", "invalid_effective_from", "2000 to 2999"),
        ("3000-01-01", "invalid_effective_from", "2000 to 2999"),
    ]
    for effective_from, code, problem in cases:
        response = world.call("POST", target, "super", {"effective_from": effective_from})
        assert response.status == 422, (effective_from, response.body)
        assert response.error["code"] == code
        assert response.error["parameter"] == "effective_from"
        assert problem in response.error["message"]
    later = world.activate(second, "2026-12-05T09:00:01Z")
    assert later["effective_from"] == "2026-12-05T09:00:01Z"
    # 10:00 at +01:00 is 09:00Z, before the version in force from 09:00:01Z.
    same_instant = world.call("POST", f"{RULE_SETS}/{third}/activate", "super",
                              {"effective_from": "2026-12-05T10:00:00+01:00"})
    assert same_instant.status == 422, same_instant.body
    assert same_instant.error["code"] == "effective_from_too_early"


def test_adjustment_expiry_not_in_past(programme):
    world = programme
    target = f"/api/v1/members/{world.member_id('maria')}/points/adjustments"
    response = world.call("POST", target, "super",
                          {"points": 5, "reason": "Goodwill", "expires_on": "2020-01-01"})
    assert response.status == 422, response.body
    assert response.error["parameter"] == "expires_on"
    assert "2020-01-01" in response.error["message"]


def test_summary_never_expiring_is_null(programme):
    world = programme
    target = f"/api/v1/members/{world.member_id('maria')}/points/adjustments"
    response = world.call("POST", target, "super", {"points": 5, "reason": "Goodwill"})
    assert response.status == 201, response.body
    summary = world.get("/api/v1/points/summary", "super").json()
    never = [row for row in summary["liability"]["by_expiry"] if row["expires_on"] is None]
    assert never == [{"expires_on": None, "points": 5}]
    assert "" not in [row["expires_on"] for row in summary["liability"]["by_expiry"]]
