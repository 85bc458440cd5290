"""The dashboard's KPIs computed independently of the server, from a canonical sales CSV, by the
definitions of docs/METRICS.md: exact decimals, rounded to cents once at the end."""

import csv
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def read_lines(path):
    with open(path, newline="", encoding="utf-8-sig") as file:
        return list(csv.DictReader(file))


def cents(value):
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def local_day(line):
    return date.fromisoformat(line["timestamp"][:10])


def kpis(lines, first_day, last_day, store=None):
    chosen = [line for line in lines
              if first_day <= local_day(line) <= last_day and (store is None or line["store_id"] == store)]
    amount = lambda line: Decimal(line["amount"])
    discount = lambda line: Decimal(line["discount"] or "0")
    is_return = lambda line: Decimal(line["quantity"]) < 0
    sales = [line for line in chosen if not is_return(line)]
    returns = [line for line in chosen if is_return(line)]
    net = sum((amount(line) for line in chosen), Decimal(0))
    gross = sum((amount(line) + discount(line) for line in sales), Decimal(0))
    total_discount = sum((discount(line) for line in sales), Decimal(0))
    purchase_receipts = {line["receipt_id"] for line in sales}
    card_net = sum((amount(line) for line in chosen if line["card_number"].strip()), Decimal(0))
    promo_net = sum((amount(line) for line in chosen if line["promo_code"].strip()), Decimal(0))
    return {
        "net_revenue": cents(net),
        "gross_sales": cents(gross),
        "returns": cents(-sum((amount(line) for line in returns), Decimal(0))),
        "discount": cents(total_discount),
        "receipts": len(purchase_receipts),
        "return_receipts": len({line["receipt_id"] for line in returns} - purchase_receipts),
        "average_receipt": cents((gross - total_discount) / len(purchase_receipts)) if purchase_receipts else None,
        "units": float(sum((Decimal(line["quantity"]) for line in chosen), Decimal(0))),
        "customers": len({line["card_number"].strip() for line in sales if line["card_number"].strip()}),
        "products": len({line["product_code"] for line in sales}),
        "lines": len(chosen),
        "card_share": float(card_net / net) if net > 0 else None,
        "promo_share": float(promo_net / net) if net > 0 else None,
    }
