# shellcheck shell=bash
# Checks shared by the command tests (cards_command_test.sh, points_command_test.sh), which
# source this file. The sourcing script sets `database` to the SQLite file that sql() reads.

# A scratch directory for the test's files, removed when the test exits.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0

# check NAME EXPECTED ACTUAL: passes when ACTUAL contains EXPECTED.
check() {
  local name=$1 expected=$2 actual=$3
  if [[ "$actual" == *"$expected"* ]]; then
    echo "ok      $name"
  else
    echo "FAILED  $name: expected '$expected' in: $actual"
    failures=$((failures + 1))
  fi
}

# check_fails NAME OUTPUT: passes when OUTPUT, ending in "exit=STATUS", has a non-zero status.
check_fails() {
  local name=$1 output=$2
  if [[ "$output" == *"exit=0" ]]; then
    echo "FAILED  $name: expected a non-zero exit status: $output"
    failures=$((failures + 1))
  else
    echo "ok      $name"
  fi
}

# sql QUERY: the output of the sqlite3 shell for QUERY on the test's database.
sql() {
  sqlite3 "${database:?the test sets database before it calls sql}" "$1"
}

# Prints the number of failed checks and exits 1 when there are any, 0 otherwise.
finish_checks() {
  if ((failures > 0)); then
    echo "$failures checks failed"
    exit 1
  fi
  echo "all checks passed"
  exit 0
}
