#!/usr/bin/env bash
# Runs the points commands against a real database file and checks it with the sqlite3 shell.
# The steps: a rule set created and activated, points awarded by the sales import and never
# twice, the points history import, a desk redemption and its cancellation, expiry, the balance
# check and the tills' keys. Bad input gets a non-zero exit status and a message naming the value.
# Usage: points_command_test.sh IMAGROSS_BINARY SOURCE_DIRECTORY
set -uo pipefail

imagross=$1
source_directory=$2
source "$(dirname "${BASH_SOURCE[0]}")/command_test_helpers.sh"
database="$scratch/points.db"

run() {
  "$imagross" --db "$database" --log-level warn "$@" 2>&1
  echo "exit=$?"
}

# Two members, with the cards 2991000000016 and 2991000000023.
cat >"$scratch/members.csv" <<'CSV'
card_number,first_name,last_name,email,phone,birth_date,signup_date,home_store,marketing_consent,profiling_consent
2991000000016,Anna,Bianchi,,,,2024-01-10,PV01,,
2991000000023,Maria,Rossi,maria.rossi@example.it,,,2024-02-10,PV01,,
CSV
run import members "$scratch/members.csv" --reject-dir "$scratch" >/dev/null

# A rule set without tiers: 1 point per full 10 euros.
cat >"$scratch/rules.json" <<'JSON'
{"name": "Prova", "earn": {"mode": "per_threshold", "threshold": "10.00", "points": 1},
 "seasons": [{"name": "2026", "start": "2026-01-01", "end": "2026-12-31",
              "expires": "2027-01-31", "claim_until": "2027-01-31"}]}
JSON
output=$(run points rules create --name "Prova" "$scratch/rules.json")
check "rules create prints the version" "1" "${output%%$'\n'*}"
output=$(run points rules activate 1 --from 2026-01-01)
check "rules activate from a day" "activated rule set version 1 \"Prova\" from 2025-12-31T23:00:00Z" \
  "$output"
check "rules list shows the active version" "active" "$(run points rules list)"
output=$(run points rules activate 7)
check "activating an unknown version is rejected" "7" "$output"
check_fails "activating an unknown version exits non-zero" "$output"
echo '{"name": "Senza stagioni"}' >"$scratch/bad-rules.json"
output=$(run points rules create "$scratch/bad-rules.json")
check "a document without seasons is rejected" "seasons" "$output"
check_fails "a document without seasons exits non-zero" "$output"

# 75.00 on Anna's card earns 7 points; the import awards them.
cat >"$scratch/sales.csv" <<'CSV'
receipt_id,timestamp,store_id,card_number,product_code,product_name,department,quantity,unit_price,discount,amount,promo_code
PV01-1,2026-03-02 10:00:00,PV01,2991000000016,A1,Pane,Panetteria,1,75.00,0.00,75.00,
CSV
output=$(run import sales "$scratch/sales.csv" --reject-dir "$scratch")
check "sales import awards points" "points: 1 receipts evaluated, 7 points awarded" "$output"
output=$(run import sales "$scratch/sales.csv" --reject-dir "$scratch")
check "importing again awards nothing" "points: 0 receipts evaluated, 0 points awarded" "$output"
check "award once more awards nothing" "points awarded                 0" "$(run points award)"
check "the ledger has one award" "1|7" \
  "$(sql "SELECT count(*), sum(points) FROM points_ledger WHERE kind = 'award'")"

# The fixture's history: 4 good rows and 9 bad ones; Maria's card is 2991000000023.
output=$(run import points "$source_directory/tests/fixtures/points/history.csv" --reject-dir "$scratch")
check "points import counts rejected rows" "rejected                       9" "$output"
check "points import counts imported rows" "imported                       4" "$output"
output=$(run import points "$source_directory/tests/fixtures/points/history.csv" --reject-dir "$scratch")
check "points import again imports nothing" "already imported               4" "$output"
check "the history is in the ledger once" "4|250" \
  "$(sql "SELECT count(*), sum(points) FROM points_ledger WHERE kind = 'opening'")"

# Points and dates out of range are rejected with the limit named; the reject report states why.
cat >"$scratch/history-limits.csv" <<'CSV'
external_id,card,email,points,date,expires_on,reason
L-001,2991000000016,,1000000000000,2025-03-01,,Troppi
L-002,2991000000016,,5,2099-06-01,,Futuro
L-003,2991000000016,,5,1800-06-01,,Antico
L-004,2991000000016,,5,2025-13-01,,Mese
CSV
output=$(run import points "$scratch/history-limits.csv" --reject-dir "$scratch")
check "out-of-range history rows are rejected" "rejected                       4" "$output"
report=$(grep -o '/[^ ]*rejects.csv' <<<"$output")
rejects=$(cat "$report")
check "the points limit is named" "beyond the limit of 1000000000" "$rejects"
check "a future day is rejected" "outside 2000-01-01 to today" "$rejects"
check "a day before 2000 is rejected" "1800-06-01 is outside" "$rejects"
check "a bad month states the format once" "1" "$(grep -o 'this file writes' <<<"$rejects" | wc -l)"

output=$(run points balance 2991000000016)
check "balance of Anna" "balance                      137" "$output"
output=$(run points balance 2991000000047)
check "balance of an unknown card is rejected" "card '2991000000047' belongs to no member" "$output"
check_fails "balance of an unknown card exits non-zero" "$output"

# A desk redemption and its cancellation.
reward=$(run rewards create --name "Borraccia termica" --cost 30 --copay 2.90 --stock 5)
reward=${reward%%$'\n'*}
output=$(run rewards redeem --card 2991000000016 "$reward")
check "redeem prints the voucher code" "Borraccia termica for 30 points; voucher 99" "$output"
check "redemption debits the balance" "balance                      107" \
  "$(run points balance 2991000000016)"
check "cancel refunds the points" "cancelled redemption 1: 30 points refunded" \
  "$(run rewards cancel 1)"
output=$(run rewards redeem --card 2991000000016 999)
check_fails "redeeming an unknown reward exits non-zero" "$output"

# Expiry: the 150 points of the history expire on 2026-01-31, minus the 20 taken on 2025-04-01.
output=$(run points expire --today 2026-01-31)
check "expire as of a day" "expired 130 points due on or before 2026-01-31" "$output"
check "expire again expires nothing" "expired 0 points" "$(run points expire --today 2026-01-31)"
output=$(run points expire --today 31/01/2026)
check "expire with a bad date is rejected" "'31/01/2026' is not a date" "$output"
check_fails "expire with a bad date exits non-zero" "$output"
output=$(run points expire --today 9999-12-31)
check "expire after today is rejected" "9999-12-31 is after today" "$output"
check_fails "expire after today exits non-zero" "$output"

# Bad names, numbers and cards get plain messages.
sed 's/"name": "Prova"/"name": "   "/' "$scratch/rules.json" >"$scratch/blank-rules.json"
output=$(run points rules create "$scratch/blank-rules.json")
check "a blank document name is rejected" "name: is blank" "$output"
check_fails "a blank document name exits non-zero" "$output"
output=$(run points rules create --name $'\t' "$scratch/rules.json")
check "a blank --name is rejected" "is blank" "$output"
check_fails "a blank --name exits non-zero" "$output"
check "a blank --name is not a crash" "0" "$(grep -c critical <<<"$output")"
output=$(run points rules activate 1 --from 2026-12-05T10:00:00)
check "activation without an offset is rejected" "has no UTC offset" "$output"
output=$(run rewards create --name "Tazza" --cost -5)
check "a negative cost names the limit" "must be a whole number of at least 1, got '-5'" "$output"
check "a negative cost shows no float range" "0" "$(grep -c 1797 <<<"$output")"
output=$(run points balance 2991000000017)
check "a bad check digit is named" "check digit" "$output"
check_fails "a bad check digit exits non-zero" "$output"
check "verify finds every balance right" "every cached balance equals its ledger sum" \
  "$(run points verify)"
sql "UPDATE points_balances SET balance = balance + 1 WHERE member_id = 1"
output=$(run points verify)
check "verify lists a wrong cached balance" "1 members have a cached balance" "$output"
check_fails "verify exits non-zero on a wrong balance" "$output"

# Tills' keys: printed once, listed without the key, revoked.
key=$(run pos-key create --store PV01 --label "cassa 3")
key=${key%%$'\n'*}
check "the key is stored only as a hash" "0" "$(sql "SELECT count(*) FROM pos_keys WHERE key_hash = '$key'")"
check "pos-key list shows the store" "PV01" "$(run pos-key list)"
check "pos-key revoke" "revoked till key 1" "$(run pos-key revoke 1)"
check_fails "revoking it again exits non-zero" "$(run pos-key revoke 1)"

finish_checks
