"""A chain with a points programme for the points tests.

It is the chain of member_world.py (members, cards, March 2026 receipts, a store admin of PV01,
customers Maria and Niccolò) plus a customer account for Luca, who has no receipts. Rule sets
and rewards are written through the API, till keys with `imagross pos-key create`.

Points of the March receipts under RULES, worked out by hand (1 point per full euro of each
receipt, Drogheria lines doubled): Maria M1 5.04 EUR -> 5, M2 5.00 EUR of Drogheria -> 10;
Niccolò N1 3.00 EUR -> 3. The anonymous receipt A1 earns nothing.
"""

import datetime
import re
import signal

import pytest

from conftest import start_server
from member_world import PASSWORD, World, build, member, run

# The season starts before the March receipts and ends at least 400 days after the day the tests
# run, so that it is the season of today, takes prize claims and has expired nothing whenever
# the tests run.
SEASON_END = max(datetime.date(2026, 12, 31), datetime.date.today() + datetime.timedelta(400))
SEASON = {"name": "Raccolta 2026", "start": "2026-01-01", "end": SEASON_END.isoformat(),
          "expires": (SEASON_END + datetime.timedelta(60)).isoformat(),
          "claim_until": (SEASON_END + datetime.timedelta(30)).isoformat()}
RULES = {
    "name": "Raccolta 2026",
    "earn": {"mode": "per_euro", "points_per_euro": "1", "rounding": "down"},
    "rules": [{"name": "Drogheria x2", "kind": "multiplier", "multiplier": "2",
               "match": {"departments": ["Drogheria"]}}],
    "seasons": [SEASON],
    "point_value": "0.01",
}
# What RULES award on the March receipts, per member key and in total.
EXPECTED_POINTS = {"maria": 15, "niccolo": 3}
EXPECTED_TOTAL = 18
EXPECTED_ELIGIBLE = "13.04"


class PointsWorld(World):
    """The running server of the chain, with helpers for the points routes."""

    def create_rule_set(self, document=None, name=None):
        """Stores `document` (RULES by default) as a draft; returns the version."""
        body = {"document": document or RULES}
        if name is not None:
            body["name"] = name
        response = self.call("POST", "/api/v1/points/rule-sets", "super", body)
        assert response.status == 201, response.body
        return response.json()["version"]

    def activate(self, version, effective_from="2026-01-01"):
        response = self.call("POST", f"/api/v1/points/rule-sets/{version}/activate", "super",
                             {"effective_from": effective_from})
        assert response.status == 200, response.body
        return response.json()

    def create_reward(self, **fields):
        body = {"name": "Borsa termica", "category": "casa", "points_cost": 100}
        body.update(fields)
        response = self.call("POST", "/api/v1/rewards", "super", body)
        assert response.status == 201, response.body
        return response.json()

    def points(self, key):
        """The customer's own points view."""
        response = self.get("/api/v1/me/points", key)
        assert response.status == 200, response.body
        return response.json()

    def ledger(self, member_id, query=""):
        response = self.get(f"/api/v1/members/{member_id}/points/ledger?limit=500{query}", "super")
        assert response.status == 200, response.body
        return response.json()

    def adjust(self, member_id, points, reason="Opening balance for the tests"):
        response = self.call("POST", f"/api/v1/members/{member_id}/points/adjustments", "super",
                             {"points": points, "reason": reason})
        assert response.status == 201, response.body
        return response.json()

    def pos_key(self, store, label="till 1"):
        """A new API key of `store` and its id, from `imagross pos-key create`, which prints the
        key alone on the last line of stdout (after the log lines) and the id on stderr."""
        completed = run(self.server.workdir, "pos-key", "create", "--store", store, "--label",
                        label)
        key = completed.stdout.strip().splitlines()[-1]
        assert re.fullmatch(r"igpos_[A-Za-z0-9_-]{43}", key), completed.stdout
        key_id = int(re.search(r"created key (\d+)", completed.stderr).group(1))
        return key, key_id

    def post_receipt(self, receipt, key):
        headers = {"Content-Type": "application/json"}
        if key is not None:
            headers["Authorization"] = f"ApiKey {key}"
        return self.server.post_json("/api/v1/pos/receipts", receipt, headers=headers)


def revoke_pos_key(workdir, key_id):
    run(workdir, "pos-key", "revoke", str(key_id))


def start_points_world(workdir):
    build(workdir)
    run(workdir, "customer", "create", "--card", member("luca")["card_number"],
        password=PASSWORD)
    return PointsWorld(start_server(workdir))


@pytest.fixture
def points_world(tmp_path):
    """A chain of its own with no rule set yet."""
    running = start_points_world(tmp_path)
    yield running
    running.server.stop(signal.SIGKILL)


@pytest.fixture
def programme(points_world):
    """A chain of its own with RULES in force since 2026-01-01, the March receipts awarded."""
    points_world.activate(points_world.create_rule_set())
    return points_world
