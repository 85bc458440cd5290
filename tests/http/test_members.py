"""The admin member routes (/api/v1/members...) and the audit log (/api/v1/audit)."""

import csv
import io
import signal
import sqlite3
import urllib.parse

import pytest

from conftest import run_cli, start_server
from member_world import (MEMBERS, SPARE_CARDS_FROM, World, card_number,  # noqa: F401
                          fresh_world, member, run, world)


def search(world, who="super", **params):
    """The page of GET /api/v1/members with `params` (a list value repeats the parameter)."""
    query = urllib.parse.urlencode(params, doseq=True)
    response = world.get(f"/api/v1/members?{query}" if query else "/api/v1/members", who)
    assert response.status == 200, response.body
    return response.json()


def last_names(page):
    return [item["last_name"] for item in page["items"]]


def test_list_pages_every_member(world):
    page = search(world, page_size=3)
    assert (page["total"], page["pages"], page["page"], page["page_size"]) == (4, 2, 1, 3)
    assert last_names(page) == ["Bianchi", "D'Àngelo", "Rossi"]
    second = search(world, page_size=3, page=2)
    assert last_names(second) == ["Verdi"]
    item = page["items"][2]
    assert item["cards"][0]["number"] == member("maria")["card_number"]
    assert item["cards"][0]["status"] == "active"
    assert search(world, page_size=3, page=3)["items"] == []


@pytest.mark.parametrize("q, expected", [
    ("ross", ["Rossi"]),
    ("ROSSI", ["Rossi"]),
    ("d'angelo", ["D'Àngelo"]),         # accents ignored
    ("NICCOLO D'ÀNGELO", ["D'Àngelo"]),  # case and accents
    ("d\u2019angelo", ["D'Àngelo"]),     # a typographic apostrophe
    ("nicc", ["D'Àngelo"]),
    ("luca.bian", ["Bianchi"]),         # e-mail part
    ("@example.it", ["Bianchi", "D'Àngelo", "Rossi", "Verdi"]),
    ("347 123", ["Rossi"]),             # phone part as typed
    ("+39 02 1234", ["Verdi"]),
    (card_number(3)[:10], ["Bianchi", "D'Àngelo", "Rossi", "Verdi"]),  # card prefix
    (card_number(2), ["D'Àngelo"]),     # whole card number
    ("zzz", []),
])
def test_search_is_partial_and_accent_insensitive(world, q, expected):
    assert last_names(search(world, q=q)) == expected


def test_filters_sort_and_order(world):
    assert last_names(search(world, store="PV01")) == ["Bianchi", "Rossi"]
    assert last_names(search(world, store=["PV02", "PV03"])) == ["D'Àngelo", "Verdi"]
    assert last_names(search(world, signup_from="2024-01-01", signup_to="2024-12-31")) == [
        "Bianchi", "D'Àngelo"]
    assert last_names(search(world, status="active"))[0] == "Bianchi"
    assert search(world, status="closed")["total"] == 0
    assert last_names(search(world, sort="first_name", order="desc")) == [
        "D'Àngelo", "Rossi", "Bianchi", "Verdi"]
    assert last_names(search(world, sort="signup_date")) == ["Rossi", "D'Àngelo", "Bianchi",
                                                             "Verdi"]
    assert last_names(search(world, sort="card_number", order="desc")) == [
        "Verdi", "Bianchi", "D'Àngelo", "Rossi"]


@pytest.mark.parametrize("query, parameter", [
    ("page_size=0", "page_size"),
    ("page_size=501", "page_size"),
    ("page=0", "page"),
    ("page=abc", "page"),
    ("sort=phone", "sort"),
    ("order=up", "order"),
    ("status=deleted", "status"),
    ("signup_from=2024-13-01", "signup_from"),
    ("signup_from=2024-05-01&signup_to=2024-04-01", "signup_from"),
    ("q=" + "a" * 201, "q"),
    ("stor=PV01", "stor"),
    ("page=1&page=2", "page"),
])
def test_bad_parameters_are_named(world, query, parameter):
    response = world.get(f"/api/v1/members?{query}", "super")
    assert response.status == 400, response.body
    assert response.error["code"] == "invalid_parameter"
    assert response.error["parameter"] == parameter


ADMIN_ROUTES = [
    ("GET", "/api/v1/members"),
    ("GET", "/api/v1/members/export"),
    ("GET", "/api/v1/members/{id}"),
    ("PATCH", "/api/v1/members/{id}"),
    ("POST", "/api/v1/members/{id}/cards/{number}/block"),
    ("POST", "/api/v1/members/{id}/cards/{number}/replace"),
    ("GET", "/api/v1/audit"),
]


def admin_target(world, template, key):
    return template.format(id=world.member_id(key), number=member(key)["card_number"])


def test_customers_are_refused_every_admin_route(world):
    for method, template in ADMIN_ROUTES:
        for owner, caller in (("maria", "niccolo"), ("niccolo", "maria"), ("maria", "maria")):
            target = admin_target(world, template, owner)
            response = world.call(method, target, caller,
                                  body={} if method != "GET" else None)
            assert response.status == 403, (method, target, caller)
            assert response.error["code"] == "forbidden"
            # Refusals tell nothing about the member.
            assert member(owner)["last_name"].encode() not in response.body
            anonymous = world.call(method, target, None, body={} if method != "GET" else None)
            assert anonymous.status == 401, (method, target)
    # Nothing changed: both cards are still active.
    for key in ("maria", "niccolo"):
        assert world.get("/api/v1/me/card", key).json()["status"] == "active"


def test_store_admin_sees_only_their_stores(world):
    page = search(world, "store")
    assert last_names(page) == ["Bianchi", "Rossi"]
    assert page["total"] == 2
    assert last_names(search(world, "store", q="example.it")) == ["Bianchi", "Rossi"]
    rejected = world.get("/api/v1/members?store=PV02", "store")
    assert rejected.status == 403
    assert world.get(f"/api/v1/members/{world.member_id('maria')}", "store").status == 200

    outside = world.member_id("niccolo")
    number = member("niccolo")["card_number"]
    for method, target in (
            ("GET", f"/api/v1/members/{outside}"),
            ("PATCH", f"/api/v1/members/{outside}"),
            ("POST", f"/api/v1/members/{outside}/cards/{number}/block"),
            ("POST", f"/api/v1/members/{outside}/cards/{number}/replace"),
            ("GET", "/api/v1/members/export?store=PV02"),
            ("GET", "/api/v1/audit")):
        response = world.call(method, target, "store",
                              body={"first_name": "X"} if method == "PATCH" else None)
        assert response.status == 403, (method, target, response.body)
        assert b"Niccol" not in response.body
    assert world.get("/api/v1/me/card", "niccolo").json()["status"] == "active"


def test_member_detail(world):
    maria_id = world.member_id("maria")
    response = world.get(f"/api/v1/members/{maria_id}", "super")
    assert response.status == 200, response.body
    detail = response.json()
    assert detail["id"] == maria_id
    assert detail["last_name"] == "Rossi"
    assert detail["birth_date"] == "1980-05-17"
    assert [card["number"] for card in detail["cards"]] == [member("maria")["card_number"]]
    assert set(detail["cards"][0]) == {"number", "status", "issued_at", "status_changed_at",
                                       "replaced_by"}
    purchases = detail["purchases"]
    assert (purchases["net_revenue"], purchases["receipts"]) == (10.04, 2)
    assert purchases["last_visit"] == "2026-03-05"
    assert [row["name"] for row in purchases["favourite_departments"]] == [
        "Drogheria", "Latticini", "Ortofrutta"]
    assert isinstance(detail["audit"], list)

    without_sales = world.get(f"/api/v1/members/{world.member_id('luca')}", "super").json()
    assert without_sales["purchases"]["receipts"] == 0
    assert without_sales["purchases"]["last_visit"] is None
    assert without_sales["purchases"]["favourite_departments"] == []


def test_unknown_member_and_bad_ids(world):
    assert world.get("/api/v1/members/999999", "super").status == 404
    for bad in ("abc", "0", "-3", "1.5"):
        response = world.get(f"/api/v1/members/{bad}", "super")
        assert response.status == 400, bad
        assert response.error["parameter"] == "id"
    maria_id = world.member_id("maria")
    wrong_card = world.call("POST", f"/api/v1/members/{maria_id}/cards/"
                            f"{member('niccolo')['card_number']}/block", "super")
    assert wrong_card.status == 404
    bad_number = world.call("POST", f"/api/v1/members/{maria_id}/cards/2991000000011/block",
                            "super")
    assert bad_number.status == 400
    assert bad_number.error["parameter"] == "number"


def test_patch_member_writes_audit_entry(fresh_world):
    world = fresh_world
    maria_id = world.member_id("maria")
    response = world.call("PATCH", f"/api/v1/members/{maria_id}", "store",
                          body={"last_name": "  Rossi  Bruni ", "birth_date": "1980-05-18",
                                "status": "suspended"})
    assert response.status == 200, response.body
    body = response.json()
    assert body["last_name"] == "Rossi Bruni"
    assert body["status"] == "suspended"

    detail = world.get(f"/api/v1/members/{maria_id}", "super").json()
    assert detail["last_name"] == "Rossi Bruni"
    entry = detail["audit"][0]
    assert entry["action"] == "member.update"
    assert entry["target_type"] == "member"
    assert entry["target_id"] == str(maria_id)
    assert entry["actor_role"] == "store_admin"
    assert entry["details"] == {
        "last_name": {"old": "Rossi", "new": "Rossi Bruni"},
        "birth_date": {"old": "1980-05-17", "new": "1980-05-18"},
        "status": {"old": "active", "new": "suspended"},
    }
    audit = world.get(f"/api/v1/audit?target_type=member&target_id={maria_id}", "super").json()
    assert audit["items"][0]["id"] == entry["id"]

    # A change to nothing new writes no entry.
    world.call("PATCH", f"/api/v1/members/{maria_id}", "super", body={"status": "suspended"})
    again = world.get(f"/api/v1/members/{maria_id}", "super").json()
    assert again["audit"][0]["id"] == entry["id"]


def test_patch_member_rejects_bad_input(fresh_world):
    world = fresh_world
    maria_id = world.member_id("maria")
    cases = [
        ({"last_name": " "}, 400, "last_name"),
        ({"first_name": None}, 400, "first_name"),
        ({"birth_date": "2199-01-01"}, 400, "birth_date"),
        ({"home_store": "PV 01"}, 400, "home_store"),
        ({"status": "deleted"}, 400, "status"),
        ({"marketing_consent": True}, 400, "marketing_consent"),
        ({"card_number": card_number(9)}, 400, "card_number"),
        ({"email": member("giulia")["email"]}, 409, None),
    ]
    for body, status, parameter in cases:
        response = world.call("PATCH", f"/api/v1/members/{maria_id}", "super", body=body)
        assert response.status == status, (body, response.body)
        assert response.error.get("parameter") == parameter, body
    # A store admin may not move a member to a store that is not theirs.
    moved = world.call("PATCH", f"/api/v1/members/{maria_id}", "store",
                       body={"home_store": "PV02"})
    assert moved.status == 403
    assert world.get(f"/api/v1/members/{maria_id}", "super").json()["home_store"] == "PV01"


def test_block_and_replace_card(fresh_world):
    world = fresh_world
    maria_id = world.member_id("maria")
    old_number = member("maria")["card_number"]
    world.token("maria")  # signed in before the block: the session lasts, the card does not

    blocked = world.call("POST", f"/api/v1/members/{maria_id}/cards/{old_number}/block", "super",
                         body={"reason": "lost at the till"})
    assert blocked.status == 200, blocked.body
    assert blocked.json()["status"] == "blocked"
    assert world.login(old_number).status == 401
    assert world.get("/api/v1/me/card", "maria").json()["status"] == "blocked"
    assert world.get("/api/v1/me/card/barcode.png", "maria").status == 404
    again = world.call("POST", f"/api/v1/members/{maria_id}/cards/{old_number}/block", "super")
    assert again.status == 409

    replaced = world.call("POST", f"/api/v1/members/{maria_id}/cards/{old_number}/replace",
                          "super")
    assert replaced.status == 200, replaced.body
    new_card = replaced.json()
    assert new_card["number"] == card_number(SPARE_CARDS_FROM)
    assert new_card["status"] == "active"

    detail = world.get(f"/api/v1/members/{maria_id}", "super").json()
    statuses = {card["number"]: (card["status"], card["replaced_by"]) for card in detail["cards"]}
    assert statuses == {new_card["number"]: ("active", None),
                        old_number: ("replaced", new_card["number"])}
    # The history follows the new card.
    assert (detail["purchases"]["net_revenue"], detail["purchases"]["receipts"]) == (10.04, 2)
    actions = [entry["action"] for entry in detail["audit"]]
    assert actions[:2] == ["card.replace", "card.block"]
    assert detail["audit"][1]["details"]["reason"] == "lost at the till"
    assert detail["audit"][0]["details"]["new_card"] == new_card["number"]

    assert world.login(old_number).status == 401
    new_session = world.login(new_card["number"])
    assert new_session.status == 200
    token = new_session.json()["access_token"]
    card = world.server.request("GET", "/api/v1/me/card",
                                headers={"Authorization": f"Bearer {token}"}).json()
    assert card["number"] == new_card["number"]


def test_replace_with_chosen_number(fresh_world):
    world = fresh_world
    luca_id = world.member_id("luca")
    old_number = member("luca")["card_number"]
    target = f"/api/v1/members/{luca_id}/cards/{old_number}/replace"
    chosen = card_number(SPARE_CARDS_FROM + 3)

    invalid = world.call("POST", target, "super", body={"new_number": "2991000001034"})
    assert invalid.status == 400
    assert invalid.error["parameter"] == "new_number"
    taken = world.call("POST", target, "super", body={"new_number": member("giulia")["card_number"]})
    assert taken.status == 409
    unissued = world.call("POST", target, "super", body={"new_number": card_number(5000)})
    assert unissued.status == 409

    response = world.call("POST", target, "store", body={"new_number": chosen})
    assert response.status == 200, response.body
    assert response.json()["number"] == chosen
    assert world.call("POST", target, "super", body={}).status == 409  # replaced already


def test_audit_pages_and_filters(fresh_world):
    world = fresh_world
    maria_id = world.member_id("maria")
    for store in ("PV03", "PV01", "PV03"):
        response = world.call("PATCH", f"/api/v1/members/{maria_id}", "super",
                              body={"home_store": store})
        assert response.status == 200
    page = world.get(f"/api/v1/audit?target_type=member&target_id={maria_id}&page_size=2",
                     "super").json()
    assert [item["details"]["home_store"]["new"] for item in page["items"]] == ["PV03", "PV01"]
    assert page["has_more"] is True
    last = world.get(f"/api/v1/audit?target_type=member&target_id={maria_id}&page_size=2&page=2",
                     "super").json()
    assert [item["details"]["home_store"]["new"] for item in last["items"]] == ["PV03"]
    assert last["has_more"] is False
    assert world.get("/api/v1/audit?actor=x", "super").status == 400
    assert world.get("/api/v1/audit?page_size=501", "super").status == 400
    assert world.get("/api/v1/audit", "store").status == 403


def read_csv(body):
    text = body.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_export_matches_search(world, tmp_path):
    response = world.get("/api/v1/members/export?format=csv&store=PV01", "super")
    assert response.status == 200, response.body
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = read_csv(response.body)
    assert [row["last_name"] for row in rows] == ["Bianchi", "Rossi"]
    assert rows[1]["card_number"] == member("maria")["card_number"]
    # A leading "+" gets an apostrophe, so that a spreadsheet reads the phone as text.
    assert rows[1]["phone"] == "'+393471234567"
    assert rows[1]["marketing_consent"] == "true"

    everyone = read_csv(world.get("/api/v1/members/export", "super").body)
    assert len(everyone) == len(MEMBERS)
    assert read_csv(world.get("/api/v1/members/export", "store").body) == rows

    openpyxl = pytest.importorskip("openpyxl")
    xlsx = world.get("/api/v1/members/export?format=xlsx&q=rossi", "super")
    assert xlsx.status == 200
    path = tmp_path / "members.xlsx"
    path.write_bytes(xlsx.body)
    sheet = openpyxl.load_workbook(path).active
    values = list(sheet.values)
    assert values[0][:5] == ("id", "card_number", "card_status", "first_name", "last_name")
    assert values[1][1] == member("maria")["card_number"]
    assert len(values) == 2
    assert world.get("/api/v1/members/export?format=pdf", "super").status == 400


def test_every_demo_member_is_reachable(tmp_path):
    """Pages through the 25,000 members of the demo data, 500 at a time."""
    demo = tmp_path / "demo"
    (tmp_path / "data").mkdir()
    run(tmp_path, "demo-data", "--lines", "2000", "--out", str(demo))
    run(tmp_path, "import", "members", str(demo / "members.csv"))
    with open(demo / "members.csv", encoding="utf-8", newline="") as source:
        expected_cards = {row["card_number"] for row in csv.DictReader(source)}
    assert len(expected_cards) == 25_000

    world = World(start_server(tmp_path))
    try:
        ids, cards = set(), set()
        first = search(world, page_size=500)
        assert (first["total"], first["pages"]) == (25_000, 50)
        for page in range(1, first["pages"] + 1):
            items = search(world, page_size=500, page=page, sort="card_number")["items"]
            assert len(items) == 500, page
            ids.update(item["id"] for item in items)
            cards.update(item["cards"][0]["number"] for item in items)
        assert len(ids) == 25_000
        assert cards == expected_cards
    finally:
        world.server.stop(signal.SIGKILL)


@pytest.mark.parametrize("q", ['"', "'", "ro\"ss", "AND", "OR rossi", "NOT", "ross*", "*", "-", "^",
                               "a:b", "NEAR(a b)", "(", ")", "%", "_", "\\", "ab", "a", "  ",
                               "ロッシ", "\u00e0\u0300", "rossi OR 1=1", "x' OR '1'='1"])
def test_search_with_query_syntax_characters(world, q):
    response = world.get("/api/v1/members?" + urllib.parse.urlencode({"q": q}), "super")
    assert response.status == 200, (q, response.body)
    for item in response.json()["items"]:
        assert item["last_name"] in [row["last_name"] for row in MEMBERS]


@pytest.mark.parametrize("q", ["%", "_", "\\", "rossi OR 1=1", "x' OR '1'='1", "ross*"])
def test_search_text_is_literal(world, q):
    """Wildcards and operators of SQL and of the full-text index match only themselves."""
    assert search(world, q=q)["total"] == 0


@pytest.mark.parametrize("target", [
    "/api/v1/members/99999999999999999999",
    "/api/v1/members/1%00",
    "/api/v1/members/%C3%A0",
    "/api/v1/members/1/cards/%20/block",
    "/api/v1/members/1/cards/29910000000161/block",
    "/api/v1/members/1/cards/abc/replace",
])
def test_odd_paths_are_client_errors(world, target):
    method = "POST" if target.endswith(("block", "replace")) else "GET"
    response = world.call(method, target, "super")
    assert 400 <= response.status < 500, (target, response.status, response.body)


LONG_NAME = "A" * 300_000


def test_every_way_in_rejects_overlong_text(fresh_world):
    world = fresh_world
    server = world.server
    maria_id = world.member_id("maria")
    signup = server.post_json("/api/v1/auth/signup", {
        "first_name": LONG_NAME, "last_name": "Bianchi", "email": "luca.nuovo@example.it",
        "phone": "", "password": "Lungo-Cammino-2026", "card_number": member("luca")["card_number"],
        "privacy_accepted": True, "marketing_consent": False, "profiling_consent": False})
    assert signup.status == 400, signup.body[:200]
    assert signup.error["code"] == "invalid_field"
    assert signup.error["field"] == "first_name"
    assert "at most 100 characters" in signup.error["message"]
    assert len(signup.body) < 2000

    long_email = "a" * 250 + "@example.it"
    attempts = [
        ("PATCH", "/api/v1/me", "maria", {"email": long_email}, "email", 254),
        ("PATCH", "/api/v1/me", "maria", {"phone": "3" * 41}, "phone", 40),
        ("PATCH", f"/api/v1/members/{maria_id}", "super", {"first_name": LONG_NAME},
         "first_name", 100),
        ("PATCH", f"/api/v1/members/{maria_id}", "super", {"email": long_email}, "email", 254),
    ]
    for method, target, who, body, field, limit in attempts:
        response = world.call(method, target, who, body=body)
        assert response.status == 400, (target, field, response.body[:200])
        assert response.error["code"] == "invalid_field"
        assert response.error["parameter"] == field
        assert f"at most {limit} characters" in response.error["message"]
    assert world.get(f"/api/v1/members/{maria_id}", "super").json()["first_name"] == "Maria"


def test_import_rejects_overlong_names(tmp_path):
    (tmp_path / "data").mkdir()
    members_csv = tmp_path / "members.csv"
    members_csv.write_text(
        "card_number,first_name,last_name,email\n"
        f"{card_number(1)},Maria,Rossi,maria.rossi@example.it\n"
        f"{card_number(2)},{LONG_NAME},Bianchi,\n"
        f"{card_number(3)},Luca,Verdi,{'l' * 250}@example.it\n", encoding="utf-8")
    completed = run_cli(tmp_path, "import", "members", str(members_csv))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    csv.field_size_limit(1_000_000)
    with open(tmp_path / "data" / "rejects" / "import-1-rejects.csv", encoding="utf-8-sig",
              newline="") as report:
        rejects = [(row["line"], row["column"], row["reason"]) for row in csv.DictReader(report)]
    assert rejects == [
        ("3", "first_name",
         "the name is 300000 characters long; a name may have at most 100 characters"),
        ("4", "email", "the e-mail address is 261 characters long; an e-mail address may have "
                       "at most 254 characters"),
    ]
    with sqlite3.connect(tmp_path / "data" / "imagross.db") as database:
        names = database.execute("SELECT last_name FROM members ORDER BY last_name").fetchall()
    assert names == [("Rossi",)]


def test_xlsx_export_clips_overlong_cells(fresh_world, tmp_path):
    """A name stored before names had a maximum length still exports: the cell is clipped to
    Excel's limit of 32,767 characters instead of failing the export."""
    openpyxl = pytest.importorskip("openpyxl")
    world = fresh_world
    maria_id = world.member_id("maria")
    with world.server.database() as database:
        database.execute("UPDATE members SET first_name = ? WHERE id = ?",
                         ("è" * 40_000, maria_id))
    response = world.get("/api/v1/members/export?format=xlsx", "super")
    assert response.status == 200, response.body[:200]
    path = tmp_path / "members.xlsx"
    path.write_bytes(response.body)
    rows = list(openpyxl.load_workbook(path).active.values)
    first_names = {row[0]: row[3] for row in rows[1:]}
    assert first_names[maria_id] == "è" * 32_767
    assert len(rows) == len(MEMBERS) + 1
