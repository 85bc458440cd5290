#!/usr/bin/env bash
# Creates the embedded database with the demo data set, unless the database exists already.
# Usage: prepare-demo-db.sh IMAGROSS_BINARY DATABASE DEMO_DIRECTORY LINES
set -euo pipefail
imagross=$1
database=$2
demo_directory=$3
lines=$4

if [[ -f "$database" ]]; then
  echo "prepare-demo-db: $database exists; delete it to load the demo data again"
  exit 0
fi

mkdir -p "$(dirname "$database")"
if [[ ! -f "$demo_directory/sales.csv" ]]; then
  "$imagross" demo-data --lines "$lines" --out "$demo_directory"
fi
# Import into a temporary file first, so that an interrupted run leaves no half-loaded database.
rm -f "$database.loading" "$database.loading-wal" "$database.loading-shm"
"$imagross" --db "$database.loading" import sales "$demo_directory/sales.csv"
mv "$database.loading" "$database"
rm -f "$database.loading-wal" "$database.loading-shm"
