"""The customer's own routes (/api/v1/me...): the member always comes from the access token."""

import shutil
import subprocess

import pytest

from member_world import PASSWORD, fresh_world, member, world  # noqa: F401 (fixtures)

ME_ROUTES = [
    ("GET", "/api/v1/me"),
    ("PATCH", "/api/v1/me"),
    ("GET", "/api/v1/me/card"),
    ("GET", "/api/v1/me/card/barcode.svg"),
    ("GET", "/api/v1/me/card/barcode.png"),
    ("GET", "/api/v1/me/card/qr.svg"),
    ("GET", "/api/v1/me/card/qr.png"),
    ("GET", "/api/v1/me/purchases/summary"),
]


def test_me_is_the_token_member(world):
    for key in ("maria", "niccolo"):
        response = world.get("/api/v1/me", key)
        assert response.status == 200, response.body
        body = response.json()
        expected = member(key)
        assert body["first_name"] == expected["first_name"]
        assert body["last_name"] == expected["last_name"]
        assert body["email"] == expected["email"]
        assert body["home_store"] == expected["home_store"]
        assert body["signup_date"] == expected["signup_date"]
        assert body["status"] == "active"
        assert set(body["consents"]) == {"marketing", "profiling", "privacy"}
        assert body["consents"]["marketing"]["granted"] == (expected["marketing_consent"] == "true")
    assert world.get("/api/v1/me", "maria").json()["phone"] == "+393471234567"


def test_me_routes_need_a_customer(world):
    for method, target in ME_ROUTES:
        anonymous = world.call(method, target, None, body={} if method == "PATCH" else None)
        assert anonymous.status == 401, (method, target)
        assert anonymous.error["code"] == "unauthenticated"
        assert anonymous.headers["www-authenticate"].startswith("Bearer")
        for admin in ("super", "store"):
            rejected = world.call(method, target, admin, body={} if method == "PATCH" else None)
            assert rejected.status == 403, (method, target, admin)
            assert rejected.error["code"] == "forbidden"


def test_forged_token_is_unauthenticated(world):
    token = world.token("maria")
    header, payload, signature = token.split(".")
    forged = f"{header}.{payload}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"
    response = world.server.request("GET", "/api/v1/me",
                                    headers={"Authorization": f"Bearer {forged}"})
    assert response.status == 401


def test_me_takes_no_member_from_the_request(world):
    maria_id = world.member_id("maria")
    # A member id in the query is an unknown parameter, never a way to another member.
    response = world.get(f"/api/v1/me?id={maria_id}", "niccolo")
    assert response.status == 400
    assert response.error["parameter"] == "id"
    assert b"Rossi" not in response.body
    card = world.get("/api/v1/me/card", "niccolo").json()
    assert card["number"] == member("niccolo")["card_number"]


def test_card_describes_the_active_card(world):
    response = world.get("/api/v1/me/card", "maria")
    assert response.status == 200
    card = response.json()
    assert card["number"] == member("maria")["card_number"]
    assert card["status"] == "active"
    assert card["holder"] == "Maria Rossi"
    assert card["issued_at"]
    assert card["barcode"] == {"svg": "/api/v1/me/card/barcode.svg",
                               "png": "/api/v1/me/card/barcode.png"}
    assert card["qr"] == {"svg": "/api/v1/me/card/qr.svg", "png": "/api/v1/me/card/qr.png"}


def test_blocked_card_has_no_image_links(fresh_world):
    world = fresh_world
    maria_id = world.member_id("maria")
    number = member("maria")["card_number"]
    active = world.get("/api/v1/me/card", "maria").json()
    assert world.get(active["barcode"]["png"], "maria").status == 200

    blocked = world.call("POST", f"/api/v1/members/{maria_id}/cards/{number}/block", "super")
    assert blocked.status == 200, blocked.body
    card = world.get("/api/v1/me/card", "maria").json()
    assert card["status"] == "blocked"
    assert card["number"] == number
    assert card["barcode"] is None
    assert card["qr"] is None
    # The links of the active card now return 404, which is why the card gives none.
    assert world.get(active["barcode"]["png"], "maria").status == 404
    assert world.get(active["qr"]["svg"], "maria").status == 404


def test_route_without_parameters_reports_none(world):
    response = world.get("/api/v1/me?member_id=2", "maria")
    assert response.status == 400
    assert response.error["parameter"] == "member_id"
    assert response.error["message"] == (
        "unknown parameter 'member_id'; this route takes no query parameters")


def decode_with_zbarimg(image_path):
    """The symbols zbarimg reads in an image, as "TYPE:data" lines."""
    completed = subprocess.run(["zbarimg", "-q", str(image_path)], capture_output=True, text=True,
                               timeout=60)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.split()


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("rsvg-convert") is None,
                    reason="needs zbarimg (zbar-tools) and rsvg-convert (librsvg2-bin)")
@pytest.mark.parametrize("key", ["maria", "niccolo"])
def test_card_images_decode_to_the_number(world, tmp_path, key):
    number = member(key)["card_number"]
    card = world.get("/api/v1/me/card", key).json()
    expected_symbol = {"barcode": "EAN-13", "qr": "QR-Code"}
    for symbol in ("barcode", "qr"):
        for image_format in ("png", "svg"):
            response = world.get(card[symbol][image_format], key)
            assert response.status == 200, response.body
            assert response.headers["content-type"] == (
                "image/png" if image_format == "png" else "image/svg+xml")
            assert "no-store" in response.headers["cache-control"]
            path = tmp_path / f"{symbol}.{image_format}"
            path.write_bytes(response.body)
            if image_format == "svg":
                raster = tmp_path / f"{symbol}-from-svg.png"
                subprocess.run(["rsvg-convert", "--background-color", "white", "-o", str(raster),
                                str(path)], check=True, timeout=60)
                path = raster
            assert decode_with_zbarimg(path) == [f"{expected_symbol[symbol]}:{number}"]


def test_purchase_summary_matches_receipts(world):
    response = world.get("/api/v1/me/purchases/summary", "maria")
    assert response.status == 200, response.body
    summary = response.json()
    assert summary["net_revenue"] == 10.04
    assert summary["receipts"] == 2
    assert summary["last_visit"] == "2026-03-05"
    favourites = [(row["name"], row["net_revenue"]) for row in summary["favourite_departments"]]
    assert favourites == [("Drogheria", 5.0), ("Latticini", 2.58), ("Ortofrutta", 2.46)]

    other = world.get("/api/v1/me/purchases/summary", "niccolo").json()
    assert (other["net_revenue"], other["receipts"]) == (3.0, 1)
    assert [row["name"] for row in other["favourite_departments"]] == ["Ortofrutta"]


def test_patch_me_changes_contacts_and_consents(fresh_world):
    world = fresh_world
    response = world.call("PATCH", "/api/v1/me", "maria",
                          body={"email": " Maria.Nuova@Example.IT ", "phone": "0039 349 1112223",
                                "marketing_consent": False, "profiling_consent": True})
    assert response.status == 200, response.body
    body = response.json()
    assert body["email"] == "maria.nuova@example.it"
    assert body["phone"] == "+393491112223"
    assert body["consents"]["marketing"]["granted"] is False
    assert body["consents"]["profiling"]["granted"] is True
    assert body["consents"]["profiling"]["at"]
    assert body["consents"]["profiling"]["notice_version"]
    assert world.get("/api/v1/me", "maria").json() == body

    maria_id = world.member_id("maria")
    audit = world.get(f"/api/v1/audit?target_type=member&target_id={maria_id}", "super").json()
    entry = next(item for item in audit["items"] if item["action"] == "me.update")
    assert entry["details"]["email"] == {"old": "maria.rossi@example.it",
                                         "new": "maria.nuova@example.it"}
    assert entry["details"]["profiling_consent"] == {"old": False, "new": True}
    assert entry["actor_role"] == "customer"

    # The new e-mail signs in; the member record did not move to another customer.
    assert world.login("maria.nuova@example.it", PASSWORD).status == 200
    assert world.get("/api/v1/me", "niccolo").json()["email"] == member("niccolo")["email"]


def test_patch_me_rejects_bad_input(fresh_world):
    world = fresh_world
    cases = [
        ({"last_name": "Bianchi"}, 400, "invalid_field", "last_name"),
        ({"email": "not an address"}, 400, "invalid_field", "email"),
        ({"phone": "12"}, 400, "invalid_field", "phone"),
        ({"marketing_consent": "yes"}, 400, "invalid_field", "marketing_consent"),
        ({"email": None, "phone": None}, 400, "invalid_field", "email"),
        ({"email": member("niccolo")["email"]}, 409, "email_taken", None),
    ]
    for body, status, code, parameter in cases:
        response = world.call("PATCH", "/api/v1/me", "maria", body=body)
        assert response.status == status, (body, response.body)
        assert response.error["code"] == code, body
        assert response.error.get("parameter") == parameter, body
    malformed = world.call("PATCH", "/api/v1/me", "maria", body=b"{\"email\":")
    assert malformed.status == 400
    assert malformed.error["code"] == "invalid_body"
    assert world.get("/api/v1/me", "maria").json()["email"] == member("maria")["email"]

