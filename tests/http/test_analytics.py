"""The analytics routes against figures computed independently from the same CSV."""

import csv
import io
import subprocess
from datetime import date

import pytest

from conftest import FIXTURES, run_cli, start_server
from reference import kpis, read_lines

PERIOD = "from=2026-03-02&to=2026-03-04"
FIRST, LAST = date(2026, 3, 2), date(2026, 3, 4)


def assert_kpis_match(actual, expected):
    for name, value in expected.items():
        if isinstance(value, float) and name.endswith("share"):
            assert actual[name] == pytest.approx(value, abs=1e-6), name
        else:
            assert actual[name] == value, name


def test_dashboard_kpis_match_reference(loaded_server):
    body = loaded_server.get(f"/api/v1/analytics/dashboard?{PERIOD}").json()
    expected = kpis(read_lines(FIXTURES / "sales_small.csv"), FIRST, LAST)
    assert expected["net_revenue"] == 31.43  # summed by hand from the fixture
    assert_kpis_match(body["kpis"], expected)
    assert body["kpis"]["return_receipts"] == 1
    assert body["filter"] == {"from": "2026-03-02", "to": "2026-03-04", "stores": [],
                              "departments": [], "cards_only": False, "promo_only": False}
    assert body["previous_period"] == {"from": "2026-02-27", "to": "2026-03-01"}
    assert body["currency"] == "EUR"
    assert body["time_zone"] == "Europe/Rome"


def test_dashboard_changes_null_on_empty_previous_period(loaded_server):
    body = loaded_server.get(f"/api/v1/analytics/dashboard?{PERIOD}").json()
    assert body["previous_kpis"]["net_revenue"] == 0
    assert body["previous_kpis"]["average_receipt"] is None
    assert all(change is None for change in body["changes"].values())


def test_dashboard_store_filter_matches_reference(loaded_server):
    body = loaded_server.get(f"/api/v1/analytics/dashboard?{PERIOD}&store=PV02").json()
    expected = kpis(read_lines(FIXTURES / "sales_small.csv"), FIRST, LAST, store="PV02")
    assert_kpis_match(body["kpis"], expected)
    assert body["filter"]["stores"] == ["PV02"]


def test_dashboard_tables(loaded_server):
    body = loaded_server.get(f"/api/v1/analytics/dashboard?{PERIOD}&top=2").json()
    assert body["series"]["granularity"] == "day"
    points = body["series"]["points"]
    assert [point["start"] for point in points] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert sum(point["net_revenue"] for point in points) == pytest.approx(31.43)
    assert len(body["top_products"]) == 2
    assert body["top_products"][0]["code"] == "8001234567893"  # Caffè, 13.96
    assert body["top_products"][0]["name"] == "Caffè 250g"
    assert {row["name"] for row in body["departments"]} == {"Latticini", "Ortofrutta", "Drogheria"}
    assert {row["code"] for row in body["stores"]} == {"PV01", "PV02"}
    promotions = {row["code"]: row for row in body["promotions"]}
    assert promotions["PROMO3X2"]["net_revenue"] == pytest.approx(6.07)
    assert promotions["PROMO3X2"]["discount"] == pytest.approx(0.8)
    assert len(body["weekday_hour"]) == 7
    assert all(len(hours) == 24 for hours in body["weekday_hour"])
    assert body["weekday_hour"][0][9] == pytest.approx(7.41)  # Monday 09:00, receipt R1


def test_dashboard_defaults_to_last_thirty_days(loaded_server):
    body = loaded_server.get("/api/v1/analytics/dashboard").json()
    assert body["filter"]["to"] == "2026-03-04"
    assert body["filter"]["from"] == "2026-02-03"


def test_products_paged_sorted_and_searched(loaded_server):
    page = loaded_server.get(f"/api/v1/analytics/products?{PERIOD}&page_size=2&sort=code&order=asc").json()
    assert page["total"] == 6
    assert page["pages"] == 3
    assert [item["code"] for item in page["items"]] == ["0200001000000", "0200002000000"]
    second = loaded_server.get(f"/api/v1/analytics/products?{PERIOD}&page_size=2&page=2&sort=code&order=asc").json()
    assert [item["code"] for item in second["items"]] == ["8001234567890", "8001234567891"]
    found = loaded_server.get(f"/api/v1/analytics/products?{PERIOD}&q=biscotti").json()
    assert [item["name"] for item in found["items"]] == ['Biscotti "Frollini", 350g']


def test_coverage_stores_departments(loaded_server):
    coverage = loaded_server.get("/api/v1/analytics/coverage").json()
    assert coverage == {"first_day": "2026-03-02", "last_day": "2026-03-04", "lines": 10,
                        "time_zone": "Europe/Rome"}
    stores = loaded_server.get("/api/v1/stores").json()["items"]
    assert sorted(store["code"] for store in stores) == ["PV01", "PV02"]
    departments = loaded_server.get("/api/v1/departments").json()["items"]
    assert sorted(item["name"] for item in departments) == ["Drogheria", "Latticini", "Ortofrutta"]


def parse_csv(body):
    assert body.startswith(b"\xef\xbb\xbf"), "the CSV must start with a UTF-8 byte order mark"
    text = body[3:].decode("utf-8")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline="")))


def test_export_csv_of_every_table(loaded_server):
    for table in ["kpis", "series", "top_products", "products", "departments", "stores",
                  "promotions", "weekday_hour"]:
        response = loaded_server.get(f"/api/v1/analytics/export?{PERIOD}&table={table}&format=csv")
        assert response.status == 200, (table, response.body)
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.headers["content-disposition"] == (
            f'attachment; filename="imagross-{table}-2026-03-02-2026-03-04.csv"')
        rows = parse_csv(response.body)
        assert len(rows) >= 2, table


def test_export_csv_values(loaded_server):
    response = loaded_server.get(f"/api/v1/analytics/export?{PERIOD}&table=kpis")
    rows = {row[0]: row for row in parse_csv(response.body)[1:]}
    assert rows["net_revenue"][1] == "31.43"
    assert rows["average_receipt"][2] == ""  # not available in the previous period
    products = parse_csv(loaded_server.get(
        f"/api/v1/analytics/export?{PERIOD}&table=products&sort=code&order=asc").body)
    assert products[0] == ["code", "name", "department", "net_revenue", "units", "receipts"]
    assert products[1][0] == "0200001000000"  # leading zeros kept
    biscotti = next(row for row in products if row[0] == "8001234567892")
    assert biscotti[1] == 'Biscotti "Frollini", 350g'
    assert biscotti[3] == "5.80"


def test_export_xlsx_reads_back(loaded_server, tmp_path):
    response = loaded_server.get(f"/api/v1/analytics/export?{PERIOD}&table=series&format=xlsx")
    assert response.status == 200
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert response.headers["content-disposition"].endswith('series-2026-03-02-2026-03-04.xlsx"')
    path = tmp_path / "series.xlsx"
    path.write_bytes(response.body)
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("start", "net_revenue", "receipts")
    assert rows[1][0].date() == date(2026, 3, 2)
    assert rows[1][1] == pytest.approx(10.8)  # receipts R1 and R2
    assert "€" in sheet["B2"].number_format
    assert sheet["A2"].is_date


def test_cli_import_then_serve(workdir):
    result = run_cli(workdir, "import", "sales", str(FIXTURES / "sales_small.csv"))
    assert result.returncode == 0, result.stdout + result.stderr
    server = start_server(workdir)
    try:
        body = server.get(f"/api/v1/analytics/dashboard?{PERIOD}").json()
        expected = kpis(read_lines(FIXTURES / "sales_small.csv"), FIRST, LAST)
        assert_kpis_match(body["kpis"], expected)
        imports = server.get("/api/v1/imports").json()
        assert imports["total"] == 1
        assert imports["items"][0]["imported"] == 10
    finally:
        assert server.stop() == 0
