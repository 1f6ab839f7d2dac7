import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * Remix's route matching is patched at install (`scripts/patches/`, applied by patch-package
 * in `postinstall`): each request matched without ranking the routes and compiling their
 * patterns again. A patch that stops applying (a new version of the router) would only show
 * as a slower server; this says so at once.
 */
// As the server loads it: Remix's server runtime requires the router's CommonJS build (the
// one patched), where an import here would get its ES module build.
const require = createRequire(import.meta.url);

describe("the patched route matching", () => {
  it("is the router the server loads", () => {
    const source = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(source).toContain("let branches = rankedBranches.get(routes);");
    expect(source).toContain("let compiled = compiledPaths.get(key);");
  });

  it("still matches routes as before", () => {
    const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");
    const routes = [{ id: "root", path: "/", children: [{ id: "meeting", path: "espaces/:spaceId/reunions/:meetingId" }, { id: "space", path: "espaces/:spaceId" }] }];
    // Twice over the same routes: the second match reads what the first ranked and compiled.
    for (let i = 0; i < 2; i++) {
      expect(matchRoutes(routes, "/espaces/3/reunions/12")?.map((m) => [m.route.id, m.params])).toEqual([
        ["root", { spaceId: "3", meetingId: "12" }],
        ["meeting", { spaceId: "3", meetingId: "12" }],
      ]);
      expect(matchRoutes(routes, "/espaces/3")?.map((m) => m.route.id)).toEqual(["root", "space"]);
      expect(matchRoutes(routes, "/rapports")).toBeNull();
    }
  });
});
