#!/usr/bin/env bash
# Checks (or with "fix", applies) the project's formatting: clang-format for C++ and prettier
# for the web app's TypeScript.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}

mapfile -t cpp_files < <(git ls-files --cached --others --exclude-standard -- 'src/*.cpp' 'src/*.h' 'bench/*.cpp' 'bench/*.h')
if [[ "$mode" == fix ]]; then
  clang-format -i "${cpp_files[@]}"
  (cd web && npx prettier --write . && npx prettier --config .prettierrc.json --write ../bench/*.mjs)
else
  clang-format --dry-run --Werror "${cpp_files[@]}"
  (cd web && npm run --silent format:check && npx prettier --config .prettierrc.json --check ../bench/*.mjs)
fi
echo "format: ${#cpp_files[@]} C++ files, the web app and the benchmark scripts are formatted"
