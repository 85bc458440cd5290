#!/usr/bin/env bash
# Prepares the demo: the embedded database with the demo data set (the sales, then the members
# of their cards), a demo super admin and a demo customer, and the points programme: the rule set
# of data/points/rules-2026.json in force from the data's first day, the points awarded, a rewards
# catalogue, a few redemptions of the demo customer (one cancelled), expiry and tier review. Each
# step is skipped when its result exists, so a second run reuses the database and the passwords.
#
# Usage: prepare-demo-db.sh IMAGROSS_BINARY DATABASE DEMO_DIRECTORY LINES CREDENTIALS_FILE
#        prepare-demo-db.sh --print-sign-in CREDENTIALS_FILE
#
# The passwords are random, made on the first run, and kept in CREDENTIALS_FILE (mode 600), which
# must never be committed. Delete the database and that file to prepare everything again.
set -euo pipefail

readonly admin_email="admin@imagross.example"
readonly rules_document="data/points/rules-2026.json"

# Prints how to sign in as each demo account.
print_sign_in() {
  local credentials=$1
  [[ -f "$credentials" ]] || return 0
  local admin_password customer_card customer_password
  admin_password=$(credential "$credentials" admin_password)
  customer_card=$(credential "$credentials" customer_card)
  customer_password=$(credential "$credentials" customer_password)
  echo "Demo sign-in (passwords kept in $credentials):"
  echo "  super admin: e-mail $admin_email, password $admin_password"
  echo "  customer:    card $customer_card, password $customer_password"
}

# The value of KEY in the credentials file.
credential() {
  sed -n "s/^$2=//p" "$1"
}

# 20 random letters and digits.
random_password() {
  local password
  password=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  echo "${password:0:20}"
}

# True when the database has a completed import of kind "members".
members_loaded() {
  "$imagross" --db "$database" --log-level warn import list --limit 1000000 |
    awk '$2 == "members" && $4 == "completed" { found = 1 } END { exit !found }'
}

load_demo_data() {
  if [[ ! -f "$demo_directory/sales.csv" || ! -f "$demo_directory/members.csv" ]]; then
    "$imagross" demo-data --lines "$lines" --out "$demo_directory"
  fi
  if [[ -f "$database" ]]; then
    echo "prepare-demo-db: $database exists; delete it to load the demo data again"
    # A database made before members were part of the demo data gets them now.
    if ! members_loaded; then
      "$imagross" --db "$database" import members "$demo_directory/members.csv"
    fi
    return
  fi
  mkdir -p "$(dirname "$database")"
  # Import into a temporary file first, so that an interrupted run leaves no half-loaded database.
  rm -f "$database.loading" "$database.loading-wal" "$database.loading-shm"
  "$imagross" --db "$database.loading" import sales "$demo_directory/sales.csv"
  "$imagross" --db "$database.loading" import members "$demo_directory/members.csv"
  mv "$database.loading" "$database"
  rm -f "$database.loading-wal" "$database.loading-shm"
}

# The card with the most receipt lines in the sales file (the lowest number among equals): the
# demo customer, who then has points, a tier and redemptions to show.
most_active_card() {
  awk -F, 'NR > 1 && $4 != "" { lines[$4]++ } END { for (card in lines) print lines[card], card }' \
    "$demo_directory/sales.csv" | sort -k1,1nr -k2,2 | awk 'NR == 1 { print $2 }'
}

# Writes the credentials file with new passwords and the most active demo member's card.
write_credentials() {
  local customer_card
  customer_card=$(most_active_card)
  (
    umask 077
    {
      echo "# Demo accounts of ImaGross Loyalty, made by scripts/prepare-demo-db.sh. Keep private."
      echo "admin_password=$(random_password)"
      echo "customer_card=$customer_card"
      echo "customer_password=$(random_password)"
    } >"$credentials.new"
  )
  mv "$credentials.new" "$credentials"
  chmod 600 "$credentials"
}

# Runs an account command with the password in IMAGROSS_PASSWORD. Returns 0 when it created the
# account, 2 when the account exists already (`taken_code` in the message), 1 on any other error.
create_account() {
  local password=$1 taken_code=$2
  shift 2
  local output
  if output=$(IMAGROSS_PASSWORD="$password" "$imagross" --db "$database" --log-level warn "$@" 2>&1)
  then
    echo "prepare-demo-db: $output"
  elif [[ "$output" == *"$taken_code"* ]]; then
    return 2
  else
    echo "$output" >&2
    return 1
  fi
}

create_demo_accounts() {
  local new_passwords=false status
  if [[ ! -f "$credentials" ]]; then
    write_credentials
    new_passwords=true
  fi
  for account in admin customer; do
    status=0
    if [[ $account == admin ]]; then
      create_account "$(credential "$credentials" admin_password)" email_taken \
        admin create --email "$admin_email" || status=$?
    else
      create_account "$(credential "$credentials" customer_password)" member_has_account \
        customer create --card "$(credential "$credentials" customer_card)" \
        --privacy-accepted 2026-01 || status=$?
    fi
    if ((status == 1)); then
      return 1
    elif ((status == 2)) && [[ $new_passwords == true ]]; then
      # The account was made on an earlier run, whose passwords went with the deleted file.
      rm -f "$credentials"
      echo "prepare-demo-db: the demo $account account exists in $database, but its password was" \
        "in a deleted $credentials; delete $database too to prepare the demo again" >&2
      return 1
    fi
  done
}

# Runs the imagross command on the demo database, logging warnings only.
run_imagross() {
  "$imagross" --db "$database" --log-level warn "$@"
}

# Stores the demo rule set and puts it in force from the first day of the sales, unless a rule
# set is active already.
activate_demo_rules() {
  if run_imagross points rules list | awk '$2 == "active" { found = 1 } END { exit !found }'; then
    return
  fi
  local version first_day
  version=$(run_imagross points rules create "$rules_document" 2>/dev/null)
  first_day=$(awk -F, 'NR > 1 && (first == "" || $2 < first) { first = $2 } END {
    print substr(first, 1, 10) }' "$demo_directory/sales.csv")
  echo "prepare-demo-db: $(run_imagross points rules activate "$version" --from "$first_day")"
}

# Creates the rewards catalogue and redeems three rewards for the demo customer at the desk,
# unless the catalogue has rewards already. The first redemption, a shopping voucher, is
# cancelled and its points refunded. A redemption the customer's points do not cover is skipped
# with a note, because the demo can go on without it.
create_demo_rewards() {
  if ! run_imagross rewards list | grep -q '^no rewards yet'; then
    return
  fi
  local donation bottle voucher
  donation=$(run_imagross rewards create --name "Donazione al Banco Alimentare" --cost 20 \
    --category "Solidarietà" --description "2 euro donati al Banco Alimentare a tuo nome")
  bottle=$(run_imagross rewards create --name "Borraccia termica" --cost 30 --copay 2.90 \
    --stock 500 --category "Tempo libero" --description "Acciaio inox, 500 ml")
  voucher=$(run_imagross rewards create --name "Buono spesa 5 euro" --cost 50 \
    --category "Buoni spesa" --description "Da usare in tutti i punti vendita ImaGross")
  run_imagross rewards create --name "Buono spesa 10 euro" --cost 100 --category "Buoni spesa" \
    --description "Da usare in tutti i punti vendita ImaGross" >/dev/null
  run_imagross rewards create --name "Tovaglia in lino" --cost 90 --copay 5.90 --stock 300 \
    --category "Casa" --description "Per 6 persone, 140 x 180 cm" >/dev/null
  run_imagross rewards create --name "Set di coltelli da cucina" --cost 150 --copay 9.90 \
    --stock 200 --category "Casa" --description "Cinque coltelli con ceppo in legno" >/dev/null
  run_imagross rewards create --name "Zaino da viaggio" --cost 180 --copay 7.90 --stock 150 \
    --category "Tempo libero" --description "30 litri, con tasca per il computer" >/dev/null
  run_imagross rewards create --name "Set di pentole" --cost 250 --copay 19.90 --stock 100 \
    --limit 1 --category "Casa" --description "Quattro pentole in acciaio per induzione" \
    >/dev/null
  echo "prepare-demo-db: created 8 rewards"
  local card redemption output
  card=$(credential "$credentials" customer_card)
  for reward in "$voucher" "$donation" "$bottle"; do
    if ! output=$(run_imagross rewards redeem --card "$card" "$reward" 2>&1); then
      echo "prepare-demo-db: note: no demo redemption of reward $reward: $output"
      continue
    fi
    echo "prepare-demo-db: ${output%%$'\n'*}"
    if [[ $reward == "$voucher" ]]; then
      redemption=$(run_imagross rewards redemptions --card "$card" | awk '$4 == 50 { print $1 }')
      echo "prepare-demo-db: $(run_imagross rewards cancel "$redemption")"
    fi
  done
}

prepare_points() {
  activate_demo_rules
  local started=$SECONDS
  run_imagross points award | sed 's/^/prepare-demo-db: /'
  echo "prepare-demo-db: awarding took $((SECONDS - started)) s"
  run_imagross points expire | sed 's/^/prepare-demo-db: /'
  create_demo_rewards
  run_imagross points review-tiers >/dev/null
}

if [[ "${1:-}" == "--print-sign-in" ]]; then
  print_sign_in "$2"
  exit 0
fi

imagross=$1
database=$2
demo_directory=$3
lines=$4
credentials=$5

load_demo_data
create_demo_accounts
prepare_points
