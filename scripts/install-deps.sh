#!/usr/bin/env bash
# Installs the Debian packages that building, running and testing ImaGross Loyalty need.
# Idempotent: packages already present are not touched, so a second run is quick.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config clang-format git ca-certificates tzdata
  # server, storage and import
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev
  libsimdjson-dev zlib1g-dev libzip-dev zipcmp zipmerge ziptool libexpat1-dev
  libxlsxwriter-dev
  libsodium-dev libssl-dev libzxing-dev libpng-dev
  libspdlog-dev libfmt-dev libcli11-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-pytest python3-openpyxl xlsx2csv zbar-tools
  postgresql-15 postgresql-client-15
  # browser tests
  chromium
)

# Node.js may come from another source (NodeSource bundles npm, and Debian's npm then conflicts
# with it), so Debian's packages are only taken when no node is on the PATH at all.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} Debian packages are present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Another process may hold the apt lock for a while on a fresh machine.
$sudo apt-get -o DPkg::Lock::Timeout=600 update -q
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
