#!/usr/bin/env bash
# Every test suite: unit and integration (vitest), then the browser suite (Playwright),
# against a fresh production build, after the type check (a failed type check counts as a
# failure). Ends with one line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf tests/results && mkdir -p tests/results

bash scripts/ensure-chromium.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
npm run build || { echo "tests: 0 passed, 1 failed"; exit 1; }
npx tsc --noEmit
typecheck_status=$?

npx vitest run --config tests/vitest.config.ts --reporter=default --reporter=json --outputFile.json=tests/results/vitest.json
vitest_status=$?
npx playwright test --config tests/playwright.config.ts
playwright_status=$?

EXTRA_FAILED=$([ $typecheck_status -eq 0 ] && echo 0 || echo 1) node scripts/test-summary.mjs tests/results/vitest.json tests/results/e2e.json
summary_status=$?
[ $typecheck_status -eq 0 ] && [ $vitest_status -eq 0 ] && [ $playwright_status -eq 0 ] && [ $summary_status -eq 0 ]
