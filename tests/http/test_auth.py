"""Sign-up, sign-in, access and refresh tokens, password resets and the sign-in limits, over HTTP
against the real server and its SQLite file."""

import hashlib
import re
import time

import pytest

from auth_world import (IMPORTED, PASSWORD, claims, free_card, prepare_cards, sign_up,
                        sign_up_form, signed_token, token_payload)
from conftest import ADMIN_EMAIL, start_server
from member_world import card_number


@pytest.fixture
def server(workdir):
    """A server whose card registry contains the free cards and the imported members."""
    prepare_cards(workdir)
    running = start_server(workdir)
    yield running
    running.stop()


def session_of(server, token):
    return server.get("/api/v1/auth/session", token=token)


def test_sign_up_returns_a_session(server):
    session = sign_up(server, free_card(0), phone="+39 347 000 0001")
    assert session["token_type"] == "Bearer"
    assert session["expires_in"] == 900
    assert session["refresh_expires_in"] == 2592000
    account = session["account"]
    assert account["role"] == "customer"
    assert account["display_name"] == "Anna Verdi"
    assert account["member_id"] > 0
    assert token_payload(session["access_token"])["exp"] - int(time.time()) <= 900
    described = session_of(server, session["access_token"])
    assert described.status == 200
    assert described.json()["account"] == account


def test_sign_up_takes_over_imported_member(server):
    giulia = IMPORTED[0]
    # The file has "Rossì": the last name matches ignoring case and accents.
    session = sign_up(server, giulia["card_number"], first_name="Giulia", last_name="ROSSI",
                      email=giulia["email"])
    with server.database() as database:
        birth_date, home_store, last_name = database.execute(
            "SELECT birth_date, home_store, last_name FROM members WHERE id = ?",
            (session["account"]["member_id"],)).fetchone()
    assert (birth_date, home_store) == (giulia["birth_date"], "PV01")
    assert session["account"]["display_name"].startswith("Giulia ")


@pytest.mark.parametrize("fields, status, code, field, reason", [
    ({"last_name": "   "}, 400, "invalid_field", "last_name", "blank"),
    ({"card_number": "2991000005009"}, 400, "invalid_field", "card_number",
     "card_wrong_check_digit"),
    ({"card_number": "29910000050"}, 400, "invalid_field", "card_number", "card_wrong_length"),
    ({"card_number": "2001234567893"}, 400, "invalid_field", "card_number", "card_outside_chain"),
    ({"card_number": card_number(9999)}, 400, "invalid_field", "card_number", "card_not_issued"),
    ({"privacy_accepted": False}, 400, "invalid_field", "privacy_accepted", "required"),
    ({"password": "short"}, 400, "invalid_field", "password", "weak_password"),
    ({"email": "not-an-email"}, 400, "invalid_field", "email", None),
], ids=["blank-last-name", "wrong-check-digit", "wrong-length", "outside-chain", "not-issued",
        "no-privacy", "weak-password", "bad-email"])
def test_sign_up_rule(server, fields, status, code, field, reason):
    response = server.post_json("/api/v1/auth/signup", sign_up_form(free_card(1), **fields))
    assert response.status == status, response.body
    assert response.error["code"] == code
    assert response.error["field"] == field
    if reason is not None:
        assert response.error["reason"] == reason


def test_sign_up_without_privacy_field(server):
    form = sign_up_form(free_card(1))
    del form["privacy_accepted"]
    response = server.post_json("/api/v1/auth/signup", form)
    assert response.status == 400
    assert response.error["field"] == "privacy_accepted"


def test_sign_up_card_of_another_account(server):
    sign_up(server, free_card(2))
    response = server.post_json("/api/v1/auth/signup",
                                sign_up_form(free_card(2), email="someone.else@example.it"))
    assert response.status == 409
    assert response.error["code"] == "card_taken"


def test_sign_up_last_name_mismatch(server):
    luca = IMPORTED[1]
    response = server.post_json("/api/v1/auth/signup",
                                sign_up_form(luca["card_number"], last_name="Neri"))
    assert response.status == 422
    assert response.error["code"] == "last_name_mismatch"
    # Case and accents do not count: "bìanchi" is "Bianchi".
    assert sign_up(server, luca["card_number"], last_name="bìanchi")["account"]["role"] == \
        "customer"


@pytest.mark.parametrize("body, parameter", [
    (b"{not json", None),
    (b"[]", None),
    (b"", None),
    (b'{"identifier": 7, "password": "x"}', "identifier"),
    (b'{"identifier": "a@b.it"}', "password"),
    (b'{"identifier": "a@b.it", "password": "x", "role": "super_admin"}', "role"),
])
def test_bad_login_body_is_400(server, body, parameter):
    response = server.post_json("/api/v1/auth/login", body)
    assert response.status == 400, response.body
    if parameter is not None:
        assert response.error["parameter"] == parameter


def test_bad_sign_up_body_types_are_400(server):
    for field, value in [("privacy_accepted", "yes"), ("first_name", 5), ("card_number", [1])]:
        response = server.post_json("/api/v1/auth/signup",
                                    sign_up_form(free_card(3), **{field: value}))
        assert response.status == 400, field
        assert response.error["parameter"] == field


def test_sign_in_with_every_identifier_form(server):
    card = free_card(4)
    sign_up(server, card, email="Marco.Neri@Example.it", phone="347 555 0101")
    spaced_card = f"{card[:4]} {card[4:8]} {card[8:12]} {card[12]}"
    for identifier in [card, spaced_card, "marco.neri@example.it", "MARCO.NERI@EXAMPLE.IT",
                       "  marco.neri@example.it ", "3475550101", "347 555 0101", "347.555.0101",
                       "+39 347 555 0101", "+393475550101", "0039 347 555 0101"]:
        session = server.sign_in(identifier, PASSWORD)
        assert session["account"]["display_name"] == "Anna Verdi", identifier


def test_admin_signs_in_with_email_in_other_case(server):
    session = server.sign_in(ADMIN_EMAIL.upper(), "admin password for tests")
    assert session["account"]["role"] == "super_admin"
    assert session["account"]["member_id"] is None


def test_wrong_password_and_unknown_account_look_alike(server):
    sign_up(server, free_card(5))
    wrong_password = server.post_json("/api/v1/auth/login",
                                      {"identifier": free_card(5), "password": "wrong password!"})
    unknown = server.post_json("/api/v1/auth/login",
                               {"identifier": "nobody@example.it", "password": PASSWORD})
    assert wrong_password.status == unknown.status == 401
    assert wrong_password.error == unknown.error
    assert wrong_password.error["code"] == "invalid_credentials"


def test_sign_in_is_audited(server):
    server.sign_in(ADMIN_EMAIL, "admin password for tests")
    server.post_json("/api/v1/auth/login", {"identifier": ADMIN_EMAIL, "password": "not it at all"})
    with server.database() as database:
        rows = database.execute(
            "SELECT action, actor_account_id, client_address, request_id FROM audit_log "
            "WHERE action IN ('sign_in', 'sign_in_failed') ORDER BY id").fetchall()
    # The fixture's own sign-in, the one above, then the failure.
    assert [row[0] for row in rows] == ["sign_in", "sign_in", "sign_in_failed"]
    assert rows[1][1] is not None and rows[2][1] is None
    assert all(row[2] == "127.0.0.1" and row[3] for row in rows)


def test_forged_and_altered_tokens_are_rejected(server):
    admin_id = server.get("/api/v1/auth/session").json()["account"]["id"]
    # A token the tests sign with the server's secret is accepted: the forgeries below differ
    # from it in one way each.
    assert session_of(server, signed_token(claims(admin_id))).status == 200

    real = server.token
    header, payload, signature = real.split(".")
    tampered_payload = signed_token(claims(admin_id, role="super_admin")).split(".")[1]
    expired = claims(admin_id)
    expired["exp"] = int(time.time()) - 5
    wrong_issuer = dict(claims(admin_id), iss="someone-else")
    forgeries = {
        "other secret": signed_token(claims(admin_id), secret="x" * 48),
        "tampered payload": f"{header}.{tampered_payload}.{signature}",
        "tampered signature": f"{header}.{payload}.{signature[:-2]}AA",
        "expired": signed_token(expired),
        "wrong issuer": signed_token(wrong_issuer),
        "alg none": signed_token(claims(admin_id), header={"alg": "none", "typ": "JWT"})
        .rsplit(".", 1)[0] + ".",
        "HS512": signed_token(claims(admin_id), header={"alg": "HS512", "typ": "JWT"},
                              digest=hashlib.sha512),
        "RS256 header": signed_token(claims(admin_id), header={"alg": "RS256", "typ": "JWT"}),
        "not a JWT": "abc.def",
        "unknown account": signed_token(claims(9999)),
    }
    for name, token in forgeries.items():
        response = session_of(server, token)
        assert response.status == 401, name
        assert response.headers["www-authenticate"] == "Bearer", name
        assert response.error["code"] == "unauthenticated", name


def test_missing_token_is_401_with_challenge(server):
    for target in ["/api/v1/auth/session", "/api/v1/analytics/dashboard", "/api/v1/imports"]:
        response = server.get(target, token=None)
        assert response.status == 401, target
        assert response.headers["www-authenticate"] == "Bearer"
    wrong_scheme = server.get("/api/v1/auth/session", token=None,
                              headers={"Authorization": f"Basic {server.token}"})
    assert wrong_scheme.status == 401


def test_refresh_rotates_and_reuse_revokes_chain(server):
    first = server.sign_in(ADMIN_EMAIL, "admin password for tests")
    second = server.post_json("/api/v1/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert second.status == 200, second.body
    second = second.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert session_of(server, second["access_token"]).status == 200

    # The used token again: refused, and the whole chain with it.
    reused = server.post_json("/api/v1/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert reused.status == 401
    assert reused.error["code"] == "invalid_refresh_token"
    assert reused.headers["www-authenticate"] == "Bearer"
    after = server.post_json("/api/v1/auth/refresh", {"refresh_token": second["refresh_token"]})
    assert after.status == 401
    # Another sign-in's chain is untouched.
    other = server.sign_in(ADMIN_EMAIL, "admin password for tests")
    assert server.post_json("/api/v1/auth/refresh",
                            {"refresh_token": other["refresh_token"]}).status == 200


def test_refresh_with_unknown_token_is_401(server):
    response = server.post_json("/api/v1/auth/refresh", {"refresh_token": "made-up"})
    assert response.status == 401
    assert response.error["code"] == "invalid_refresh_token"


def test_logout_revokes_the_chain(server):
    session = server.sign_in(ADMIN_EMAIL, "admin password for tests")
    response = server.post_json("/api/v1/auth/logout", {"refresh_token": session["refresh_token"]})
    assert response.status == 204
    assert response.body == b""
    refreshed = server.post_json("/api/v1/auth/refresh",
                                 {"refresh_token": session["refresh_token"]})
    assert refreshed.status == 401
    # Logging out with an unknown token gets 204 too, revealing nothing.
    assert server.post_json("/api/v1/auth/logout", {"refresh_token": "made-up"}).status == 204


def outbox_token(server, recipient):
    """The reset token of the newest outbox message to `recipient`."""
    with server.database() as database:
        row = database.execute(
            "SELECT channel, body FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1",
            (recipient,)).fetchone()
    assert row is not None, f"no message to {recipient} in the outbox"
    match = re.search(r"token=([A-Za-z0-9_-]+)", row[1])
    assert match, row[1]
    return row[0], match.group(1)


def test_password_reset_through_outbox(server):
    card = free_card(6)
    session = sign_up(server, card, email="reset.me@example.it")
    requested = server.post_json("/api/v1/auth/password-reset", {"identifier": card})
    assert requested.status == 202
    unknown = server.post_json("/api/v1/auth/password-reset", {"identifier": "nobody@example.it"})
    assert unknown.status == 202
    assert unknown.body == requested.body

    channel, token = outbox_token(server, "reset.me@example.it")
    assert channel == "email"
    assert token not in server.log(), "the reset token must not reach the log"
    weak = server.post_json("/api/v1/auth/password-reset/confirm",
                            {"token": token, "password": "short"})
    assert weak.status == 400
    assert weak.error["field"] == "password"
    new_password = "Nuova-Parola-2027"
    confirmed = server.post_json("/api/v1/auth/password-reset/confirm",
                                 {"token": token, "password": new_password})
    assert confirmed.status == 204, confirmed.body

    assert server.sign_in(card, new_password)["account"]["role"] == "customer"
    old = server.post_json("/api/v1/auth/login", {"identifier": card, "password": PASSWORD})
    assert old.status == 401
    # Every refresh token of the account was revoked.
    assert server.post_json("/api/v1/auth/refresh",
                            {"refresh_token": session["refresh_token"]}).status == 401
    again = server.post_json("/api/v1/auth/password-reset/confirm",
                             {"token": token, "password": "Altra-Parola-2028"})
    assert again.status == 400
    assert again.error["code"] == "invalid_reset_token"


def test_password_reset_by_sms_for_phone_only_account(server):
    card = free_card(7)
    sign_up(server, card, email="", phone="347 222 3333")
    assert server.post_json("/api/v1/auth/password-reset",
                            {"identifier": "+39 347 222 3333"}).status == 202
    channel, token = outbox_token(server, "+393472223333")
    assert channel == "sms"
    assert server.post_json("/api/v1/auth/password-reset/confirm",
                            {"token": token, "password": "Parola-Nuova-2027"}).status == 204


def fail_until_limited(server, identifier, attempts=12):
    """Signs in with a wrong password until the server returns 429; returns the 401 count and
    the 429 response."""
    failures = 0
    for _ in range(attempts):
        response = server.post_json("/api/v1/auth/login",
                                    {"identifier": identifier, "password": "wrong password!"})
        if response.status == 429:
            return failures, response
        assert response.status == 401, response.body
        failures += 1
    raise AssertionError(f"no 429 after {attempts} failed sign-ins for {identifier}")


def wrong_sign_in(server, identifier):
    return server.post_json("/api/v1/auth/login",
                            {"identifier": identifier, "password": "wrong password!"})


def test_sign_in_limits(server):
    card = free_card(8)
    sign_up(server, card)
    unknown_failures, unknown = fail_until_limited(server, "ghost@example.it")
    known_failures, known = fail_until_limited(server, card)
    assert known_failures == unknown_failures >= 5
    assert known.error == unknown.error
    assert known.error["code"] == "too_many_attempts"
    first_wait = int(known.headers["retry-after"])
    assert 1 <= first_wait <= 900

    # After the wait, one more failure makes the next wait longer, and during it even the right
    # password is refused.
    time.sleep(first_wait + 1)
    assert wrong_sign_in(server, card).status == 401
    limited = server.post_json("/api/v1/auth/login", {"identifier": card, "password": PASSWORD})
    assert limited.status == 429
    second_wait = int(limited.headers["retry-after"])
    assert second_wait >= first_wait
    time.sleep(second_wait + 1)
    assert server.sign_in(card, PASSWORD)["account"]["role"] == "customer"
