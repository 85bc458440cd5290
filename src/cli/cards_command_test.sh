#!/usr/bin/env bash
# Runs `imagross cards issue` against a real database file and checks it with the sqlite3 shell.
# Check digits are added, and a range issued twice adds nothing. Ranges outside the chain's prefix
# and numbers with a wrong check digit are rejected. A card seen only on receipts joins the
# registry.
# Usage: cards_command_test.sh IMAGROSS_BINARY
set -uo pipefail

imagross=$1
source "$(dirname "${BASH_SOURCE[0]}")/command_test_helpers.sh"
database="$scratch/cards.db"

issue() {
  "$imagross" --db "$database" --log-level warn cards issue "$@" 2>&1
  echo "exit=$?"
}

output=$(issue --from 299100000001 --count 3)
check "issues a range" "issued 3 cards from 2991000000016 to 2991000000030" "$output"
check "issues with exit 0" "exit=0" "$output"
check "stores the numbers with check digits" "2991000000016,2991000000023,2991000000030" \
  "$(sql "SELECT group_concat(number) FROM (SELECT number FROM cards WHERE status = 'issued' ORDER BY number)")"

output=$(issue --from 2991000000016 --to 2991000000030)
check "range issued again adds nothing" "nothing issued: the 3 cards from 2991000000016 to 2991000000030 are all registered already" "$output"
check "range issued again exits 0" "exit=0" "$output"
check "range issued again keeps the count" "3" "$(sql "SELECT count(*) FROM cards")"

output=$(issue --from 299100000003 --count 2)
check "overlapping range adds the new card" "issued 1 of the 2 cards from 2991000000030 to 2991000000047; 1 was registered already" "$output"

output=$(issue --from 2991000000017 --count 1)
check "wrong check digit is rejected" "has a wrong check digit: the 13th digit should be 6" "$output"
check_fails "wrong check digit exits non-zero" "$output"

output=$(issue --from 299000000001 --count 5)
check "range outside the prefix is rejected" "does not start with the chain's prefix 2991" "$output"
check_fails "range outside the prefix exits non-zero" "$output"

output=$(issue --from 299199999999 --count 2)
check "range past the prefix is rejected" "card 2992000000006 does not start with the chain's prefix 2991" "$output"

output=$(issue --from 29910000 --count 1)
check "short number is rejected" "is not a card number: write its first 12 digits" "$output"

output=$(issue --from 299100000001)
check "range without an end is rejected" "give either --count N or --to NUMBER" "$output"

output=$("$imagross" --db "$database" --log-level warn --card-prefix 2001 cards issue \
  --from 200100000001 --count 1 2>&1)
check "another prefix with --card-prefix" "issued card 2001000000012" "$output"

# A card number that only receipt lines carry joins the registry as issued.
sales="$scratch/sales.csv"
printf '%s\n' "receipt_id,timestamp,store_id,card_number,product_code,quantity,unit_price" \
  "R1,2026-03-02 10:00:00,PV01,2991000000054,8001,1,1.00" >"$sales"
"$imagross" --db "$database" --log-level warn import sales --reject-dir "$scratch" "$sales" >/dev/null
check "receipt card is outside the registry" "none" \
  "$(sql "SELECT coalesce(status, 'none') FROM cards WHERE number = '2991000000054'")"
output=$(issue --from 299100000005 --count 1)
check "receipt card is issued" "issued card 2991000000054" "$output"
check "receipt card is registered" "issued" "$(sql "SELECT status FROM cards WHERE number = '2991000000054'")"

finish_checks
