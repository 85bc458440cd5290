"""`imagross admin create` and `imagross customer create`: accounts made on the command line,
then used to sign in over HTTP."""

from auth_world import IMPORTED, PASSWORD, free_card, prepare_cards, sign_up_form
from conftest import run_cli, start_server
from member_world import SALES, SALES_HEADER, card_number, write_csv


def admin_create(workdir, *arguments, password=PASSWORD, stdin=None):
    env = {"IMAGROSS_PASSWORD": password if stdin is None else None}
    return run_cli(workdir, "admin", "create", *arguments, env=env, input=stdin)


def test_admin_create_checks_its_input(workdir):
    weak = admin_create(workdir, "--email", "boss@example.it", password="short")
    assert weak.returncode == 2
    assert "at least 10 characters" in weak.stderr
    missing = admin_create(workdir, "--email", "boss@example.it", password=None)
    assert missing.returncode == 2
    assert "IMAGROSS_PASSWORD" in missing.stderr
    bad_email = admin_create(workdir, "--email", "not an e-mail")
    assert bad_email.returncode == 2
    no_store = admin_create(workdir, "--email", "pv@example.it", "--role", "store_admin")
    assert no_store.returncode == 2
    assert "--store" in no_store.stderr
    stray_store = admin_create(workdir, "--email", "boss@example.it", "--store", "PV01")
    assert stray_store.returncode == 2
    bad_role = admin_create(workdir, "--email", "boss@example.it", "--role", "customer")
    assert bad_role.returncode != 0


def test_admin_create_rejects_taken_email(workdir):
    assert admin_create(workdir, "--email", "boss@example.it").returncode == 0
    again = admin_create(workdir, "--email", "BOSS@example.it")
    assert again.returncode == 1
    assert "email_taken" in again.stderr


def test_admin_create_rejects_a_member_email(workdir):
    prepare_cards(workdir)
    luca = IMPORTED[1]
    taken = admin_create(workdir, "--email", luca["email"].upper())
    assert taken.returncode == 1
    assert "email_taken" in taken.stderr
    assert "belongs to member" in taken.stderr
    # The member, who has no online account yet, can still sign up with the e-mail on file.
    server = start_server(workdir)
    try:
        response = server.post_json("/api/v1/auth/signup", sign_up_form(
            luca["card_number"], last_name=luca["last_name"], email=luca["email"]))
        assert response.status == 201, response.body
    finally:
        server.stop()


def test_admin_create_matches_store_codes_to_the_sales(workdir):
    (workdir / "data").mkdir(parents=True, exist_ok=True)
    sales_csv = workdir / "sales.csv"
    write_csv(sales_csv, SALES_HEADER, SALES)
    imported = run_cli(workdir, "import", "sales", str(sales_csv))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    created = admin_create(workdir, "--email", "pv@example.it", "--role", "store_admin",
                           "--store", "pv01", "--store", "PV99", "--store", "PV01",
                           "--store", "Pv02")
    assert created.returncode == 0, created.stderr
    # Only the store that no sale names gets a warning; it is kept all the same.
    warnings = [line for line in created.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, created.stderr
    assert "store 'PV99'" in warnings[0]
    assert "until sales of that store are imported" in warnings[0]
    server = start_server(workdir)
    try:
        account = server.sign_in("pv@example.it", PASSWORD)["account"]
    finally:
        server.stop()
    assert account["stores"] == ["PV01", "PV02", "PV99"]


def test_password_from_stdin_signs_in(workdir):
    created = admin_create(workdir, "--email", "pv02@example.it", "--role", "store_admin",
                           "--store", "PV02", "--password-stdin", stdin="Pioggia-di-Aprile-9\n")
    assert created.returncode == 0, created.stderr
    assert "created store_admin account" in created.stdout
    empty = admin_create(workdir, "--email", "other@example.it", "--password-stdin", stdin="")
    assert empty.returncode == 2
    server = start_server(workdir)
    try:
        account = server.sign_in("pv02@example.it", "Pioggia-di-Aprile-9")["account"]
        assert account["role"] == "store_admin"
        assert account["stores"] == ["PV02"]
    finally:
        server.stop()


def customer_create(workdir, card, *arguments):
    return run_cli(workdir, "customer", "create", "--card", card, *arguments,
                   env={"IMAGROSS_PASSWORD": PASSWORD})


def test_customer_create_for_imported_member(workdir):
    prepare_cards(workdir)
    card = IMPORTED[0]["card_number"]
    created = customer_create(workdir, card)
    assert created.returncode == 0, created.stderr
    again = customer_create(workdir, card)
    assert again.returncode == 1
    assert "member_has_account" in again.stderr
    server = start_server(workdir)
    try:
        account = server.sign_in(IMPORTED[0]["email"], PASSWORD)["account"]
        assert account["role"] == "customer"
        assert account["display_name"] == "Giulia Rossì"
    finally:
        server.stop()


def test_customer_create_records_a_privacy_acceptance(workdir):
    prepare_cards(workdir)
    without = IMPORTED[0]
    accepted = IMPORTED[1]
    assert customer_create(workdir, without["card_number"]).returncode == 0
    created = customer_create(workdir, accepted["card_number"], "--privacy-accepted", "2026-01")
    assert created.returncode == 0, created.stderr
    server = start_server(workdir)
    try:
        for row, granted, version in ((without, False, None), (accepted, True, "2026-01")):
            token = server.sign_in(row["email"], PASSWORD)["access_token"]
            privacy = server.get("/api/v1/me", token=token).json()["consents"]["privacy"]
            assert privacy["granted"] is granted
            assert privacy["notice_version"] == version
            assert (privacy["at"] is not None) is granted
    finally:
        server.stop()


def test_customer_create_rejects_bad_cards(workdir):
    prepare_cards(workdir)
    card = IMPORTED[0]["card_number"]
    mistyped = customer_create(workdir, card[:12] + str((int(card[12]) + 1) % 10))
    assert mistyped.returncode == 2
    assert "check digit" in mistyped.stderr
    # An issued card without a member has no member to sign in as.
    unlinked = customer_create(workdir, free_card(0))
    assert unlinked.returncode == 1
    assert "has no member" in unlinked.stderr
    unknown = customer_create(workdir, card_number(99999))
    assert unknown.returncode == 1
    assert "not in the card registry" in unknown.stderr
