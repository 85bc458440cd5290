"""A small chain for the member tests: four members with their cards, spare issued cards, their
receipts, a store admin of PV01 and two customers with online accounts, beside the super admin
that every test server has (conftest.py).

Everything is written through the command line (`import members`, `cards issue`, `import sales`,
`admin create`, `customer create`) before the server starts, and the tests sign in over HTTP.
"""

import csv
import json
import signal

import pytest

from conftest import create_admin, issue_cards, run_cli, start_server

PASSWORD = "Lungo-Cammino-2026"
STORE_ADMIN = "pv01@imagross.test"
STORE_ADMIN_STORE = "PV01"


def ean13(first_twelve):
    """The 13 digits of an EAN-13 whose first 12 digits are `first_twelve`."""
    weights = [1, 3] * 6
    total = sum(int(digit) * weight for digit, weight in zip(first_twelve, weights))
    return first_twelve + str((10 - total % 10) % 10)


def card_number(serial):
    """The chain's card with serial `serial`: prefix 2991, eight serial digits, check digit."""
    return ean13(f"2991{serial:08d}")


MEMBERS = [
    {"key": "maria", "card_number": card_number(1), "first_name": "Maria", "last_name": "Rossi",
     "email": "maria.rossi@example.it", "phone": "347 123 4567", "birth_date": "1980-05-17",
     "signup_date": "2023-02-10", "home_store": "PV01", "marketing_consent": "true",
     "profiling_consent": "false"},
    {"key": "niccolo", "card_number": card_number(2), "first_name": "Niccolò",
     "last_name": "D'Àngelo", "email": "niccolo.dangelo@example.it", "phone": "333 765 4321",
     "birth_date": "1975-11-02", "signup_date": "2024-06-01", "home_store": "PV02",
     "marketing_consent": "false", "profiling_consent": "false"},
    {"key": "luca", "card_number": card_number(3), "first_name": "Luca", "last_name": "Bianchi",
     "email": "luca.bianchi@example.it", "phone": "", "birth_date": "",
     "signup_date": "2024-09-15", "home_store": "PV01", "marketing_consent": "false",
     "profiling_consent": "true"},
    {"key": "giulia", "card_number": card_number(4), "first_name": "Giulia",
     "last_name": "Verdi", "email": "giulia.verdi@example.it", "phone": "+39 02 1234 5678",
     "birth_date": "1990-01-31", "signup_date": "2025-01-20", "home_store": "PV03",
     "marketing_consent": "true", "profiling_consent": "true"},
]

# Cards issued by the chain but not yet handed out: the replacements come from here.
SPARE_CARDS_FROM = 100
SPARE_CARDS = 5

SALES_HEADER = ["receipt_id", "timestamp", "store_id", "card_number", "product_code",
                "product_name", "department", "quantity", "unit_price", "discount", "amount",
                "promo_code"]

# Maria's receipts: 10.04 EUR over two receipts, last on 2026-03-05; Drogheria 5.00 first,
# Latticini 2.58, Ortofrutta 2.46. Niccolò's one receipt: Ortofrutta 3.00. One anonymous
# receipt. Worked out by hand for the purchase summary checks.
SALES = [
    ["M1", "2026-03-02 09:15:00", "PV01", card_number(1), "8001234567890", "Latte intero 1L",
     "Latticini", "2", "1.290", "0.000", "2.580", ""],
    ["M1", "2026-03-02 09:15:00", "PV01", card_number(1), "0200001000000", "Mele Golden",
     "Ortofrutta", "1.234", "1.990", "0.000", "2.460", ""],
    ["M2", "2026-03-05 17:30:00", "PV01", card_number(1), "8001234567891", "Pasta 500g",
     "Drogheria", "5", "1.000", "0.000", "5.000", ""],
    ["N1", "2026-03-03 11:00:00", "PV02", card_number(2), "0200001000000", "Mele Golden",
     "Ortofrutta", "1.508", "1.990", "0.000", "3.000", ""],
    ["A1", "2026-03-04 12:00:00", "PV02", "", "8001234567890", "Latte intero 1L", "Latticini",
     "1", "1.290", "0.000", "1.290", ""],
]

MEMBER_COLUMNS = ["card_number", "first_name", "last_name", "email", "phone", "birth_date",
                  "signup_date", "home_store", "marketing_consent", "profiling_consent"]


def run(workdir, *arguments, password=None):
    """Runs the binary on the world's database; fails the test when the command fails."""
    completed = run_cli(workdir, *arguments,
                        env={"IMAGROSS_PASSWORD": password} if password is not None else None)
    assert completed.returncode == 0, (arguments, completed.stdout, completed.stderr)
    return completed


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


def build(workdir):
    """Writes the chain into a fresh database under `workdir`."""
    (workdir / "data").mkdir(parents=True, exist_ok=True)
    members_csv = workdir / "members.csv"
    write_csv(members_csv, MEMBER_COLUMNS,
              [[member[column] for column in MEMBER_COLUMNS] for member in MEMBERS])
    sales_csv = workdir / "sales.csv"
    write_csv(sales_csv, SALES_HEADER, SALES)
    run(workdir, "import", "members", str(members_csv))
    issue_cards(workdir, f"2991{SPARE_CARDS_FROM:08d}", SPARE_CARDS)
    run(workdir, "import", "sales", str(sales_csv))
    create_admin(workdir, STORE_ADMIN, PASSWORD, "store_admin", [STORE_ADMIN_STORE])
    for key in ("maria", "niccolo"):
        run(workdir, "customer", "create", "--card", member(key)["card_number"],
            password=PASSWORD)


def member(key):
    return next(row for row in MEMBERS if row["key"] == key)


class World:
    """The running server of a built chain, with the sessions of its accounts."""

    def __init__(self, server):
        self.server = server
        self._tokens = {"super": server.token}
        # Each call sends the token of its own caller, so the server's default token (its super
        # admin's) is turned off.
        server.token = None

    def login(self, identifier, password=PASSWORD):
        """The response of a sign-in."""
        return self.server.post_json("/api/v1/auth/login",
                                     {"identifier": identifier, "password": password})

    def token(self, who):
        """The access token of `who`: "super" (the server's own admin), "store" or a member key."""
        if who not in self._tokens:
            response = self.login(STORE_ADMIN if who == "store" else member(who)["card_number"])
            assert response.status == 200, response.body
            self._tokens[who] = response.json()["access_token"]
        return self._tokens[who]

    def call(self, method, target, who=None, body=None):
        """A request as `who` (None: without a token); a dict body is sent as JSON."""
        headers = {}
        if isinstance(body, dict):
            body = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        token = self.token(who) if who is not None else None
        return self.server.request(method, target, body=body, headers=headers, token=token)

    def get(self, target, who=None):
        return self.call("GET", target, who)

    def member_id(self, key):
        """The id the database gave member `key`, found through the admin search."""
        number = member(key)["card_number"]
        items = self.get(f"/api/v1/members?q={number}", "super").json()["items"]
        assert len(items) == 1, items
        return items[0]["id"]


def start_world(workdir):
    build(workdir)
    server = start_server(workdir)
    return World(server)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One chain shared by the tests of a module that only read."""
    running = start_world(tmp_path_factory.mktemp("world"))
    yield running
    running.server.stop(signal.SIGKILL)


@pytest.fixture
def fresh_world(tmp_path):
    """A chain of its own, for a test that changes members."""
    running = start_world(tmp_path)
    yield running
    running.server.stop(signal.SIGKILL)
