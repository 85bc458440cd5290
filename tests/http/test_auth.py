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
    dashed_card = spaced_card.replace(" ", "-")
    for identifier in [card, spaced_card, dashed_card, "marco.neri@example.it", "MARCO.NERI@EXAMPLE.IT",
                       "  marco.neri@example.it ", "3475550101", "347 555 0101", "347.555.0101",
                       "+39 347 555 0101", "+393475550101", "0039 347 555 0101",
                       "347-555-0101", "+39-347-555-0101"]:
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
        "three-year lifetime": signed_token(claims(admin_id, lifetime=3 * 365 * 86400)),
        "lifetime over 15 minutes": signed_token(claims(admin_id, lifetime=900 + 60)),
        "no iat": signed_token({key: value for key, value in claims(admin_id).items()
                                if key != "iat"}),
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


def sign_up_attempts_until_limited(server, forms, expected_status):
    """Posts the sign-up `forms` until one gets 429 with a wait of 2 s or more, and returns the
    failures' count and that 429 response. Shorter waits are slept through, because the caller's
    next request must still fall within the wait."""
    failures = 0
    for form in forms:
        response = server.post_json("/api/v1/auth/signup", form)
        if response.status == 429:
            wait = int(response.headers["retry-after"])
            if wait >= 2:
                return failures, response
            time.sleep(wait)
            continue
        assert response.status == expected_status, response.body
        failures += 1
    raise AssertionError(f"no 429 of 2 s or more after {failures} failed sign-ups")


def signup_failure_count(server, key):
    with server.database() as database:
        row = database.execute("SELECT count FROM sign_in_failures WHERE key = ?",
                               (key,)).fetchone()
    return 0 if row is None else row[0]


def test_sign_up_last_name_guesses_are_limited(server):
    luca = IMPORTED[1]
    card = luca["card_number"]
    guesses = [sign_up_form(card, last_name=f"Neri{letter}") for letter in "abcdefghijkl"]
    failures, limited = sign_up_attempts_until_limited(server, guesses, 422)
    # Five guesses are free. The sixth makes the next wait 2 s, and the seventh 4 s.
    assert 6 <= failures <= 7
    assert limited.error["code"] == "too_many_attempts"
    wait = int(limited.headers["retry-after"])
    assert 2 <= wait <= 4

    # During the wait even the right last name is refused, and the member stays unclaimed.
    right = server.post_json("/api/v1/auth/signup", sign_up_form(card, last_name="Bianchi"))
    assert right.status == 429
    with server.database() as database:
        claimed = database.execute(
            "SELECT COUNT(*) FROM accounts JOIN members ON members.id = accounts.member_id "
            "WHERE members.last_name = 'Bianchi'").fetchone()[0]
    assert claimed == 0

    # After the wait the right last name signs up, and that clears the card's count.
    time.sleep(wait + 1)
    assert sign_up(server, card, last_name="Bianchi")["account"]["role"] == "customer"
    assert signup_failure_count(server, f"signup-card:{card}") == 0
    assert signup_failure_count(server, "signup-ip:127.0.0.1") == failures


def test_sign_up_card_errors_are_limited_per_address(server):
    not_issued = [sign_up_form(card_number(9000 + serial)) for serial in range(30)]
    failures, limited = sign_up_attempts_until_limited(server, not_issued, 400)
    # Twenty failures are free for an address. The next ones make the wait 2 s, then 4 s.
    assert 21 <= failures <= 22
    assert limited.error["code"] == "too_many_attempts"
    # The address waits whichever card it tries next.
    fresh = server.post_json("/api/v1/auth/signup", sign_up_form(free_card(9)))
    assert fresh.status == 429
    assert signup_failure_count(server, "signup-ip:127.0.0.1") == failures
    # Form errors tell nothing about the registry and do not count.
    wrong_digit = server.post_json("/api/v1/auth/signup", sign_up_form("2991000005009"))
    assert wrong_digit.status == 400
    assert signup_failure_count(server, "signup-ip:127.0.0.1") == failures


def set_member_status(server, member_id, status):
    with server.database() as database:
        database.execute("UPDATE members SET status = ? WHERE id = ?", (status, member_id))
        database.commit()


@pytest.mark.parametrize("status", ["suspended", "closed"])
def test_inactive_member_is_refused(server, status):
    card = free_card(10)
    session = sign_up(server, card)
    token = session["access_token"]
    assert server.get("/api/v1/me", token=token).status == 200
    wrong_password = server.post_json("/api/v1/auth/login",
                                      {"identifier": card, "password": "wrong password!"})
    set_member_status(server, session["account"]["member_id"], status)

    for target in ["/api/v1/auth/session", "/api/v1/me", "/api/v1/me/card",
                   "/api/v1/me/card/barcode.svg", "/api/v1/me/card/qr.png"]:
        response = server.get(target, token=token)
        assert response.status == 401, target
        assert response.error["code"] == "unauthenticated", target
    refreshed = server.post_json("/api/v1/auth/refresh",
                                 {"refresh_token": session["refresh_token"]})
    assert refreshed.status == 401
    assert refreshed.error["code"] == "invalid_refresh_token"
    # The right password gets the same error as a wrong one, so nothing reveals the status.
    signed_in = server.post_json("/api/v1/auth/login", {"identifier": card, "password": PASSWORD})
    assert signed_in.status == 401
    assert signed_in.error == wrong_password.error
    reset = server.post_json("/api/v1/auth/password-reset", {"identifier": card})
    assert reset.status == 202
    assert outbox_count(server, f"anna.{card}@example.it") == 0

    # Active again, the member signs in as before.
    set_member_status(server, session["account"]["member_id"], "active")
    assert server.sign_in(card, PASSWORD)["account"]["role"] == "customer"


def outbox_count(server, recipient):
    with server.database() as database:
        return database.execute("SELECT COUNT(*) FROM outbox WHERE recipient = ?",
                                (recipient,)).fetchone()[0]


def test_password_reset_requests_are_limited(server):
    card = free_card(11)
    sign_up(server, card, email="many.resets@example.it")
    answers = [server.post_json("/api/v1/auth/password-reset", {"identifier": card})
               for _ in range(5)]
    assert [answer.status for answer in answers] == [202] * 5
    assert len({answer.body for answer in answers}) == 1
    assert outbox_count(server, "many.resets@example.it") == 3
    assert "password_reset_limited" in server.log()


def test_password_reset_requests_are_limited_per_address(server):
    card = free_card(12)
    sign_up(server, card, email="one.more.reset@example.it")
    for serial in range(10):
        response = server.post_json("/api/v1/auth/password-reset",
                                    {"identifier": f"nobody.{serial}@example.it"})
        assert response.status == 202
    # The address has used its free requests: the existing account gets no message.
    response = server.post_json("/api/v1/auth/password-reset", {"identifier": card})
    assert response.status == 202
    assert outbox_count(server, "one.more.reset@example.it") == 0
