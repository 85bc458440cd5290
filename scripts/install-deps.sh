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
  # member contacts: phone numbers to E.164, Unicode normalisation and search folding of names
  libphonenumber-dev libutf8proc-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-pytest python3-openpyxl xlsx2csv zbar-tools
  # rasterises the card SVGs so that the barcode tests can decode them with zbarimg
  librsvg2-bin
  postgresql-15 postgresql-client-15
  # browser tests
  chromium
)

# Node.js may come from another source (NodeSource bundles npm, and Debian's npm then conflicts
# with it), so Debian's packages are only taken when no node is on the PATH at all.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
for package in "${packages[@]}"; do
  is_installed "$package" || missing+=("$package")
done

# libphonenumber-dev depends on libboost-thread-dev, which in Debian 12 is Boost 1.74 and
# conflicts with the Boost 1.81 packages above. A local package, built here from this control
# file alone, provides libboost-thread-dev through libboost-thread1.81-dev, so apt installs
# libphonenumber-dev beside Boost 1.81 and its package state stays consistent.
boost_thread_package() {
  local directory
  directory=$(mktemp -d)
  mkdir -p "$directory/package/DEBIAN"
  cat >"$directory/package/DEBIAN/control" <<'CONTROL'
Package: imagross-boost-thread-dev
Version: 1.81.0
Architecture: all
Maintainer: ImaGross Loyalty developers <dev@imagross.example>
Depends: libboost-thread1.81-dev
Provides: libboost-thread-dev
Section: libdevel
Priority: optional
Description: Boost.Thread 1.81 as the libboost-thread-dev that libphonenumber-dev needs
 Lets libphonenumber-dev install beside the Boost 1.81 development packages.
CONTROL
  dpkg-deb --build "$directory/package" "$directory/imagross-boost-thread-dev.deb" >/dev/null
  echo "$directory/imagross-boost-thread-dev.deb"
}
if ! is_installed imagross-boost-thread-dev && ! is_installed libboost-thread-dev; then
  missing+=("$(boost_thread_package)")
fi

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
