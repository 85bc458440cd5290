"""The dashboard on the real UCI Online Retail file, against figures that the sqlite3 shell computes
from the same CSV with its own SQL.

The file is imported with the CLI and the `online-retail` preset, and the server cuts days in
Europe/London, the zone of the file's timestamps. The expected figures apply the definitions of
docs/METRICS.md directly to the CSV: a line is a return when its invoice starts with "C" or its
quantity is negative, and the amount of a line is quantity x unit price, exact in thousandths.
"""

import gzip
import shutil
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import pytest

from conftest import REPO, run_cli, start_server

DATA = REPO / "data" / "online-retail" / "online_retail.csv.gz"
PERIOD = "from=2010-12-01&to=2011-12-09"

# The lines as the metrics see them, straight from the CSV: amounts in thousandths of a pound.
LINES_VIEW = """
CREATE VIEW line AS
SELECT InvoiceNo AS receipt,
       StockCode AS code,
       CAST(Quantity AS INTEGER) AS quantity,
       CAST(Quantity AS INTEGER) * CAST(round(CAST(UnitPrice AS REAL) * 1000) AS INTEGER) AS amount,
       NULLIF(trim(CustomerID), '') AS card,
       substr(InvoiceDate, 1, 7) AS month,
       (InvoiceNo LIKE 'C%' OR CAST(Quantity AS INTEGER) < 0) AS is_return
FROM raw;
"""

KPIS_SQL = """
SELECT count(*),
       sum(amount),
       sum(CASE WHEN NOT is_return THEN amount ELSE 0 END),
       -sum(CASE WHEN is_return THEN amount ELSE 0 END),
       count(DISTINCT CASE WHEN NOT is_return THEN receipt END),
       count(DISTINCT CASE WHEN NOT is_return THEN card END),
       count(DISTINCT CASE WHEN NOT is_return THEN code END),
       sum(quantity),
       sum(CASE WHEN card IS NOT NULL THEN amount ELSE 0 END)
FROM line;
"""

RETURN_RECEIPTS_SQL = """
SELECT count(*) FROM (SELECT receipt FROM line GROUP BY receipt HAVING max(NOT is_return) = 0);
"""

TOP_PRODUCTS_SQL = """
SELECT code, sum(amount), sum(quantity),
       count(DISTINCT CASE WHEN NOT is_return THEN receipt END)
FROM line GROUP BY code ORDER BY sum(amount) DESC, code ASC LIMIT 10;
"""

MONTHS_SQL = """
SELECT month, sum(amount), count(DISTINCT CASE WHEN NOT is_return THEN receipt END)
FROM line GROUP BY month ORDER BY month;
"""


def euros(thousandths):
    """Thousandths to euros rounded to the cent, half away from zero, as the API rounds."""
    return float((Decimal(thousandths) / 1000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def run_sqlite(database, sql):
    """Runs `sql` in the sqlite3 shell and returns the rows of its CSV output."""
    result = subprocess.run(["sqlite3", "-batch", "-csv", str(database)], input=sql,
                            capture_output=True, text=True, check=True, timeout=300)
    return [row.split(",") for row in result.stdout.strip().splitlines()]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The expected figures, computed by the sqlite3 shell over the decompressed CSV."""
    directory = tmp_path_factory.mktemp("reference")
    csv_path = directory / "online_retail.csv"
    with gzip.open(DATA, "rb") as source, open(csv_path, "wb") as target:
        shutil.copyfileobj(source, target)
    database = directory / "reference.db"
    run_sqlite(database, f".mode csv\n.import {csv_path} raw\n{LINES_VIEW}")
    return {
        "kpis": [int(value) for value in run_sqlite(database, KPIS_SQL)[0]],
        "return_receipts": int(run_sqlite(database, RETURN_RECEIPTS_SQL)[0][0]),
        "top_products": run_sqlite(database, TOP_PRODUCTS_SQL),
        "months": run_sqlite(database, MONTHS_SQL),
    }


@pytest.fixture(scope="module")
def retail_server(tmp_path_factory):
    """A server over a database into which the whole file was imported with the CLI."""
    workdir = tmp_path_factory.mktemp("online-retail")
    imported = run_cli(workdir, "import", "sales", str(DATA), "--preset", "online-retail")
    assert imported.returncode == 0, imported.stderr
    server = start_server(workdir, global_options=("--time-zone", "Europe/London"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def dashboard(retail_server):
    response = retail_server.get(f"/api/v1/analytics/dashboard?{PERIOD}")
    assert response.status == 200, response.body
    return response.json()


def test_every_line_is_loaded(retail_server, reference):
    coverage = retail_server.get("/api/v1/analytics/coverage").json()
    assert coverage["lines"] == 541909
    assert coverage["lines"] == reference["kpis"][0]
    assert coverage["first_day"] == "2010-12-01"
    assert coverage["last_day"] == "2011-12-09"


def test_kpis_match_sqlite(dashboard, reference):
    lines, net, gross, returns, receipts, customers, products, units, card_net = reference["kpis"]
    kpis = dashboard["kpis"]
    assert kpis["lines"] == lines
    assert kpis["net_revenue"] == euros(net)
    assert kpis["net_revenue"] == 9747747.93
    assert kpis["gross_sales"] == euros(gross)
    assert kpis["returns"] == euros(returns)
    assert kpis["discount"] == 0
    assert kpis["receipts"] == receipts
    assert kpis["return_receipts"] == reference["return_receipts"]
    assert kpis["customers"] == customers
    assert kpis["products"] == products
    assert kpis["units"] == units
    assert kpis["average_receipt"] == euros(round(Decimal(gross) / receipts))
    # The API gives shares to six decimals.
    assert kpis["card_share"] == pytest.approx(card_net / net, abs=5e-7)
    assert kpis["promo_share"] == 0


def test_no_previous_period_gives_no_change(dashboard):
    assert dashboard["previous_kpis"]["net_revenue"] == 0
    assert dashboard["previous_kpis"]["average_receipt"] is None
    assert dashboard["changes"]["net_revenue"] is None
    assert dashboard["changes"]["receipts"] is None


def test_top_products_match_sqlite(dashboard, reference):
    expected = [
        {"code": code, "net_revenue": euros(int(net)), "units": int(units), "receipts": int(count)}
        for code, net, units, count in reference["top_products"]
    ]
    actual = [
        {key: row[key] for key in ("code", "net_revenue", "units", "receipts")}
        for row in dashboard["top_products"]
    ]
    assert actual == expected


def test_monthly_series_matches_sqlite(dashboard, reference):
    assert dashboard["series"]["granularity"] == "month"
    expected = [
        {"start": f"{month}-01", "net_revenue": euros(int(net)), "receipts": int(receipts)}
        for month, net, receipts in reference["months"]
    ]
    assert dashboard["series"]["points"] == expected


def test_card_holders_only_filter(retail_server, reference):
    response = retail_server.get(f"/api/v1/analytics/dashboard?{PERIOD}&cards_only=true")
    assert response.status == 200, response.body
    kpis = response.json()["kpis"]
    card_net = reference["kpis"][8]
    assert kpis["net_revenue"] == euros(card_net)
    assert kpis["customers"] == reference["kpis"][5]


def test_lines_without_department_form_one_row(dashboard, reference):
    lines, net = reference["kpis"][0], reference["kpis"][1]
    assert len(dashboard["departments"]) == 1
    assert dashboard["departments"][0]["name"] is None
    assert dashboard["departments"][0]["net_revenue"] == euros(net)
    assert all(product["department"] is None for product in dashboard["top_products"])
    assert lines == 541909
