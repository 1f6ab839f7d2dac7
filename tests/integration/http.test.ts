import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { and, eq as same } from "drizzle-orm";
import { communes, roleGrants, users } from "../../db/schema/index";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: "manual" });
const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers, redirect: "manual" });
const htmlLang = async (response: Response) => /<html lang="(\w+)"/.exec(await response.text())?.[1];

describe("the server", () => {
  it("answers /healthz with the database's state", async () => {
    const response = await get("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true, journalMode: "wal" } });
  });

  it("tells a monitor on this machine how late its event loop ran since the last reading", async () => {
    await get("/healthz");
    // The loop blocked for 150 ms: the next reading has it, the one after starts again.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const blocked = Date.now() + 150;
    while (Date.now() < blocked);
    const first = ((await (await get("/healthz")).json()) as { eventLoopDelay: { p99Ms: number; maxMs: number; sinceMs: number } }).eventLoopDelay;
    expect(first.maxMs).toBeGreaterThanOrEqual(100);
    expect(first.sinceMs).toBeGreaterThanOrEqual(150);
    const next = ((await (await get("/healthz")).json()) as { eventLoopDelay: { maxMs: number; sinceMs: number } }).eventLoopDelay;
    expect(next.maxMs).toBeLessThan(100);
    expect(next.sinceMs).toBeLessThan(first.sinceMs);
  });

  it("serves the home page in French with the demo spaces grouped by commune", async () => {
    const response = await get("/");
    const html = await response.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain("Espaces Makòn");
    for (const name of ["Makòn Limonade", "Makòn Petite-Anse", "Makòn Boucan Richard"]) expect(html).toContain(name);
    expect(html.indexOf('id="commune-HT0311"')).toBeLessThan(html.indexOf("Makòn Petite-Anse"));
  });

  it("serves hashed assets with long caching", async () => {
    const html = await (await get("/")).text();
    const css = /href="(\/build\/_assets\/[^"]+\.css)"/.exec(html)![1]!;
    const response = await get(css);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  it("compresses pages and assets for phones that ask, and not for those that do not", async () => {
    const zipped = await fetch(`${server.url}/`, { headers: { "Accept-Encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(await zipped.text()).toContain("Makòn Limonade");
    const plain = await fetch(`${server.url}/`, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
  });
});

describe("languages", () => {
  it("follows Accept-Language, then the cookie, then the account's setting", async () => {
    expect(await htmlLang(await get("/", { "Accept-Language": "ht-HT,ht;q=0.9" }))).toBe("ht");
    const switched = await post("/langue", { lang: "ht", redirectTo: "/geographie" });
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe("/geographie");
    const langCookie = switched.headers.getSetCookie()[0]!.split(";")[0]!;
    const page = await get("/geographie", { Cookie: langCookie, "Accept-Language": "fr" });
    const html = await page.text();
    expect(html).toContain('<html lang="ht"');
    expect(html).toContain("Jewografi");

    const session = await signInCookie(server.url, "delegue@makon.ht");
    await post("/langue", { lang: "ht", redirectTo: "/" }, { Cookie: session });
    const delegate = server.db.select().from(users).where(eq(users.email, "delegue@makon.ht")).get()!;
    expect(delegate.locale).toBe("ht");
    // The account's setting wins over a cookie saying French.
    expect(await htmlLang(await get("/", { Cookie: `${session}; makon_lang=fr` }))).toBe("ht");
  });

  it("refuses an unknown language and never redirects off the site", async () => {
    expect((await post("/langue", { lang: "en", redirectTo: "/" })).status).toBe(400);
    const away = await post("/langue", { lang: "fr", redirectTo: "//evil.example/" });
    expect(away.headers.get("location")).toBe("/");
  });
});

describe("a space's settings", () => {
  it("take a facilitator's role back only on the second, confirmed post", async () => {
    const admin = await signInCookie(server.url, "admin@makon.ht");
    const facilitatorId = server.db.select({ id: users.id }).from(users).where(eq(users.email, "animateur@makon.ht")).get()!.id;
    const grant = () => server.db.select({ id: roleGrants.id }).from(roleGrants).where(and(same(roleGrants.userId, facilitatorId), same(roleGrants.spaceId, 1))).get();
    const grantId = String(grant()!.id);
    const asked = await post("/espaces/1/reglages", { intent: "revoke", grantId }, { Cookie: admin });
    expect(asked.status).toBe(200);
    expect(grant()).toBeDefined();
    const revoked = await post("/espaces/1/reglages", { intent: "revoke", grantId, confirm: "1" }, { Cookie: admin });
    expect(await revoked.text()).toMatch(/data-testid="status-line">Rôle retiré\./);
    expect(grant()).toBeUndefined();
    // Given back, for the tests that sign in as this facilitator.
    const granted = await post("/espaces/1/reglages", { intent: "facilitator", userId: facilitatorId }, { Cookie: admin });
    expect(await granted.text()).toMatch(/data-testid="status-line">Rôle accordé\./);
    expect(grant()).toBeDefined();
  });
});

describe("accounts over HTTP", () => {
  it("sets an httpOnly, SameSite=Lax session cookie, shows the user's name and role, and signs out for good", async () => {
    const response = await post("/connexion", { identifier: "animateur@makon.ht", password: "makon-demo-2026", redirectTo: "/geographie" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/geographie");
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("makon_session="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0]!;
    const home = await (await get("/", { Cookie: cookie })).text();
    expect(home).toContain("Jean-Robert Pierre");
    expect(home).toContain("Animateur·rice · Makòn Limonade");

    const out = await post("/deconnexion", {}, { Cookie: cookie });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie()[0]).toMatch(/makon_session=;/);
    // The old cookie no longer opens anything.
    const after = await get("/compte", { Cookie: cookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe("/connexion?redirectTo=%2Fcompte");
  });

  it("shows a wrong password next to the form, in the page's language", async () => {
    const response = await post("/connexion", { identifier: "animateur@makon.ht", password: "nope" }, { Cookie: "makon_lang=ht" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Idantifyan an oswa modpas la pa bon.");
  });

  it("keeps account pages to administrators", async () => {
    const facilitator = await signInCookie(server.url, "animateur@makon.ht");
    expect((await get("/admin/comptes", { Cookie: facilitator })).status).toBe(403);
    const admin = await signInCookie(server.url, "admin@makon.ht");
    const page = await get("/admin/comptes", { Cookie: admin });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Wilner Saint-Fleur");
  });

  it("creates an account from the admin form, with errors next to the fields", async () => {
    const admin = await signInCookie(server.url, "admin@makon.ht");
    const bad = await post("/admin/comptes/nouveau", { name: "", email: "x", phone: "", password: "short", role: "delegate", spaceId: "" }, { Cookie: admin });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Ce champ est obligatoire.");
    expect(html).toContain("Adresse courriel invalide.");
    expect(html).toMatch(/aria-invalid="true"/);
    const created = await post(
      "/admin/comptes/nouveau",
      { name: "Guerline Noël", email: "guerline@makon.ht", phone: "", password: "another good secret", role: "observer", spaceId: "3", locale: "" },
      { Cookie: admin },
    );
    expect(created.status).toBe(302);
    expect(await (await get(created.headers.get("location")!, { Cookie: admin })).text()).toMatch(/data-testid="status-line">Compte créé\./);
    expect(await signInCookie(server.url, "guerline@makon.ht", "another good secret")).toMatch(/^makon_session=/);
  });

  it("refuses a geography change from a non-administrator, changing nothing", async () => {
    const facilitator = await signInCookie(server.url, "animateur@makon.ht");
    const refused = await post("/geographie/HT05", { arrondissementCode: "HT053", name: "Liancourt" }, { Cookie: facilitator });
    expect(refused.status).toBe(403);
    const anonymous = await post("/geographie/HT05", { arrondissementCode: "HT053", name: "Liancourt" });
    expect(anonymous.status).toBe(302);
    expect(server.db.select().from(communes).where(eq(communes.name, "Liancourt")).all()).toEqual([]);

    const admin = await signInCookie(server.url, "admin@makon.ht");
    const added = await post("/geographie/HT05", { arrondissementCode: "HT053", name: "Liancourt", code: "" }, { Cookie: admin });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toMatch(/^\/geographie\/HT05\/HT053\d$/);
  });
});

describe("secure cookies outside development", () => {
  it("marks the session cookie Secure when configured so", async () => {
    const secure = await startTestServer({ secureCookies: true, demo: true });
    try {
      const response = await fetch(`${secure.url}/connexion`, {
        method: "POST",
        body: new URLSearchParams({ identifier: "admin@makon.ht", password: "makon-demo-2026" }),
        redirect: "manual",
      });
      expect(response.headers.getSetCookie().find((c) => c.startsWith("makon_session="))).toMatch(/; Secure/i);
    } finally {
      await secure.stop();
    }
  });
});
