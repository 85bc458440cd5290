#!/usr/bin/env bash
# The whole suite: formatting, C++ unit tests (CTest), HTTP tests against the running server,
# web unit tests, browser tests, and the C++ unit and HTTP tests again under AddressSanitizer
# and UndefinedBehaviorSanitizer. Every step runs; the script fails if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
release_dir=build/release
asan_dir=build/asan
python=/usr/bin/python3  # Debian's Python, which has pytest and openpyxl
failed=()
summary=()

step() {
  local name=$1
  shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    summary+=("ok      $name ($((SECONDS - start)) s)")
  else
    summary+=("FAILED  $name ($((SECONDS - start)) s)")
    failed+=("$name")
  fi
}

build() {
  local directory=$1
  shift
  cmake -S . -B "$directory" "$@" && cmake --build "$directory" -j"$jobs"
}

unit_tests() {
  ctest --test-dir "$1" --output-on-failure -j"$jobs" --timeout 600
}

http_tests() {
  IMAGROSS_BIN="$1/src/cli/imagross" "$python" -m pytest -q tests/http
}

browser_tests() {
  (cd web && IMAGROSS_BIN="../$release_dir/src/cli/imagross" npm run --silent test:e2e)
}

step "web packages and build" scripts/build-web.sh
step "formatting" scripts/format.sh check
step "release build" build "$release_dir" -DCMAKE_BUILD_TYPE=Release
step "C++ unit tests" unit_tests "$release_dir"
step "HTTP tests" http_tests "$release_dir"
step "web unit tests" bash -c "cd web && npm test --silent"
step "browser tests" browser_tests
step "sanitizer build" build "$asan_dir" -DCMAKE_BUILD_TYPE=Debug -DIMAGROSS_SANITIZE=ON
step "C++ unit tests under sanitizers" unit_tests "$asan_dir"
step "HTTP tests under sanitizers" http_tests "$asan_dir"

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
  echo "make test: ${#failed[@]} step(s) failed: ${failed[*]}"
  exit 1
fi
echo "make test: every step passed"
