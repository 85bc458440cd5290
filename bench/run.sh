#!/usr/bin/env bash
# The dashboard benchmark in one command: builds `imagross` and `engine_bench` (Release),
# installs the pinned DuckDB client from npm, then for each size generates the demo data set and
# compares ImaGross, DuckDB and SQLite on it (bench/run.mjs).
#
#   bench/run.sh [--lines 1000000,5000000] [--runs 5] [--import-runs 3] [--seed 1] [--out bench/out]
#
# BUILD_DIR (default build/release) is the CMake build directory; JOBS the parallel build jobs.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build/release}
jobs=${JOBS:-$(nproc)}

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" --target imagross engine_bench -j"$jobs"
(cd bench && npm ci --no-audit --no-fund --silent)

exec node bench/run.mjs --imagross "$build_dir/src/cli/imagross" \
  --engine-bench "$build_dir/bench/engine_bench" "$@"
