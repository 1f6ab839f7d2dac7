// Adds up the JSON reports of vitest and Playwright into one line: "tests: N passed, N failed".
// A missing or unreadable report counts as one failure: the suite did not run to the end.
import { readFileSync } from "node:fs";

const [vitestPath, playwrightPath] = process.argv.slice(2);
let passed = 0;
// Checks that are not test runners (the type check) report their failures here.
let failed = Number(process.env.EXTRA_FAILED ?? 0);

function read(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    console.error(`no report at ${path}`);
    failed += 1;
    return null;
  }
}

const vitest = read(vitestPath);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A file that fails to load has no tests but is a failure all the same.
  failed += vitest.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
}
const playwright = read(playwrightPath);
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  failed += playwright.errors?.length ?? 0;
}
if (passed + failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
