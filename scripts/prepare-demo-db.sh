#!/usr/bin/env bash
# Prepares the demo: the embedded database with the demo data set (the sales, then the members
# of their cards), a demo super admin and a demo customer. Each step is skipped when its result
# exists, so a second run reuses the database and the demo passwords.
#
# Usage: prepare-demo-db.sh IMAGROSS_BINARY DATABASE DEMO_DIRECTORY LINES CREDENTIALS_FILE
#        prepare-demo-db.sh --print-sign-in CREDENTIALS_FILE
#
# The passwords are random, made on the first run, and kept in CREDENTIALS_FILE (mode 600), which
# must never be committed. Delete the database and that file to prepare everything again.
set -euo pipefail

readonly admin_email="admin@imagross.example"

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

# Writes the credentials file with new passwords and the first demo member's card.
write_credentials() {
  local customer_card
  customer_card=$(sed -n '2s/,.*//p' "$demo_directory/members.csv")
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
        customer create --card "$(credential "$credentials" customer_card)" || status=$?
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
