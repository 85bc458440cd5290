"""Accounts for the auth tests: cards issued with `imagross cards issue`, members imported with
`imagross import members`, customers signed up over HTTP, and access tokens written by hand with
the servers' JWT secret.
"""

import base64
import hashlib
import hmac
import json
import time

from conftest import JWT_SECRET, issue_cards, run_cli
from member_world import MEMBER_COLUMNS, card_number, write_csv

PASSWORD = "Sole-di-Marzo-2026"
# Cards registered as issued and linked to no member: sign-ups take them.
FREE_CARDS_FROM = 500
FREE_CARDS = 20
# Members imported with their cards, as the chain's existing card holders.
IMPORTED = [
    {"card_number": card_number(1), "first_name": "Giulia", "last_name": "Rossì",
     "email": "giulia.rossi@example.it", "phone": "347 111 2222", "birth_date": "1985-04-01",
     "signup_date": "2022-01-10", "home_store": "PV01", "marketing_consent": "false",
     "profiling_consent": "false"},
    {"card_number": card_number(2), "first_name": "Luca", "last_name": "Bianchi",
     "email": "luca.bianchi@example.it", "phone": "333 999 8888", "birth_date": "1979-09-30",
     "signup_date": "2021-06-05", "home_store": "PV02", "marketing_consent": "false",
     "profiling_consent": "false"},
]


def free_card(index):
    """The `index`-th issued card that no member holds."""
    assert 0 <= index < FREE_CARDS
    return card_number(FREE_CARDS_FROM + index)


def prepare_cards(workdir):
    """Issues the free cards and imports the members of IMPORTED, before the server starts."""
    (workdir / "data").mkdir(parents=True, exist_ok=True)
    issue_cards(workdir, free_card(0)[:12], FREE_CARDS)
    members_csv = workdir / "members.csv"
    write_csv(members_csv, MEMBER_COLUMNS,
              [[member[column] for column in MEMBER_COLUMNS] for member in IMPORTED])
    result = run_cli(workdir, "import", "members", str(members_csv))
    assert result.returncode == 0, result.stdout + result.stderr


def sign_up_form(card, **fields):
    """A valid sign-up form for `card`, with `fields` replacing its values."""
    form = {"first_name": "Anna", "last_name": "Verdi", "email": f"anna.{card}@example.it",
            "phone": "", "password": PASSWORD, "card_number": card, "privacy_accepted": True,
            "marketing_consent": False, "profiling_consent": True}
    form.update(fields)
    return form


def sign_up(server, card, **fields):
    """Signs a customer up with `card`; returns the session."""
    response = server.post_json("/api/v1/auth/signup", sign_up_form(card, **fields))
    assert response.status == 201, response.body
    return response.json()


def base64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def compact(value):
    return json.dumps(value, separators=(",", ":")).encode()


def claims(account_id, role="super_admin", lifetime=600):
    now = int(time.time())
    return {"sub": str(account_id), "role": role, "iat": now, "nbf": now,
            "exp": now + lifetime, "iss": "imagross", "aud": "imagross-api"}


def signed_token(payload, header=None, secret=JWT_SECRET, digest=hashlib.sha256):
    """A JWT of `payload` under `header` (HS256 by default), signed with HMAC."""
    header = header or {"alg": "HS256", "typ": "JWT"}
    signing_input = f"{base64url(compact(header))}.{base64url(compact(payload))}"
    signature = hmac.new(secret.encode(), signing_input.encode(), digest).digest()
    return f"{signing_input}.{base64url(signature)}"


def token_payload(token):
    """The claims of a JWT, read without checking it."""
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
