import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, like } from "drizzle-orm";
import { people, sessions, signInThrottle, users } from "../../db/schema/index";
import { DEMO_PASSWORD } from "../../db/seed/demo";
import { PAIR_POLICY, delayAfter } from "../../app/modules/auth/throttle";
import { connectProvider, synced, waitFor } from "../setup/realtime-client";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * Signing in and keeping a session, over HTTP against the real server (issue 11, points 3,
 * 14, 15 and 16): throttling that a burst cannot race, that does not lock a hall out, and
 * that an attacker's failures do not turn against the account's owner elsewhere,
 * client addresses taken only from the configured proxy hop, password changes and resets that
 * end sessions and their sockets, and a session cookie whose Secure flag follows how the
 * request arrived.
 */
let server: TestServer;
let admin: string;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  // Behind one reverse proxy: it appends the address it saw to X-Forwarded-For.
  server = await startTestServer({ trustProxy: 1 });
  admin = await signInCookie(server.url, "admin@makon.ht");
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
afterAll(() => server.stop());

/** The headers a client behind the trusted proxy arrives with; `forged` is what the client itself put in front. */
const via = (address: string, forged?: string) => ({ "X-Forwarded-For": forged ? `${forged}, ${address}` : address });

const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}, base = server.url) =>
  fetch(`${base}${path}`, { method: "POST", body: new URLSearchParams(form), headers, redirect: "manual" });
const get = (path: string, headers: Record<string, string> = {}, base = server.url) => fetch(`${base}${path}`, { headers, redirect: "manual" });
const signInAttempt = (identifier: string, password: string, headers: Record<string, string> = {}, base = server.url) =>
  post("/connexion", { identifier, password, redirectTo: "/" }, headers, base);
const sessionCookieOf = (response: { headers: Headers } | { setCookies: string[] }) =>
  ("setCookies" in response ? response.setCookies : response.headers.getSetCookie()).find((c) => c.startsWith("makon_session=") && !c.startsWith("makon_session=;"));

/** Page text with the apostrophes React escapes put back. */
const decoded = (html: string) => html.replaceAll("&#x27;", "'").replaceAll("&#39;", "'");

/** A request with a Host header of our choosing (fetch sets its own): how a phone on the venue's Wi-Fi reaches the laptop. */
function rawRequest(base: string, path: string, options: { method?: string; host: string; headers?: Record<string, string>; form?: Record<string, string> }) {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise<{ status: number; setCookies: string[]; text: string }>((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      {
        method: options.method ?? (body ? "POST" : "GET"),
        headers: { ...options.headers, Host: options.host, ...(body ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const cookies = res.headers["set-cookie"] ?? [];
          resolve({ status: res.statusCode ?? 0, setCookies: cookies, text: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

/** A new account with a role in space 1, made by the administrator. */
async function newAccount(email: string, role: "facilitator" | "delegate" = "facilitator", password = "first long password"): Promise<string> {
  const created = await post("/admin/comptes/nouveau", { name: email, email, password, role, spaceId: "1", locale: "" }, { Cookie: admin });
  expect(created.status).toBe(302);
  return server.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
}

describe("sign-in throttling over HTTP", () => {
  it("checks at most the free attempts of 25 parallel ones on one account, and lets another account's correct password in from the same hall right after", async () => {
    const hall = via("10.20.0.1");
    // The hall is already past its allowance: 22 people mistyped or gave up today.
    const earlier = await Promise.all(Array.from({ length: 22 }, (_, i) => signInAttempt(`visiteur${i}@makon.ht`, "wrong password", hall)));
    expect(earlier.map((r) => r.status)).toEqual(Array(22).fill(400));
    const target = server.db.select({ id: users.id }).from(users).where(eq(users.email, "animateur@makon.ht")).get()!.id;
    expect(server.db.select().from(sessions).where(eq(sessions.userId, target)).all()).toEqual([]);

    // 24 wrong guesses and the right password, all at once, on one account.
    const burst = await Promise.all(Array.from({ length: 25 }, (_, i) => signInAttempt("animateur@makon.ht", i === 24 ? DEMO_PASSWORD : `guess number ${i}`, hall)));
    const statuses = burst.map((r) => r.status);
    // A password is checked only in an answer that is not 429; the throttle allows 3 free failures per account.
    const checked = statuses.filter((s) => s !== 429);
    expect(checked.length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(22);
    // No session beyond the policy: the right password gets one only if it was among the checked.
    const granted = burst.filter((r) => sessionCookieOf(r));
    expect(granted.length).toBe(statuses[24] === 302 ? 1 : 0);
    expect(checked.filter((s) => s === 302).length).toBe(granted.length);
    expect(server.db.select().from(sessions).where(eq(sessions.userId, target)).all().length).toBe(granted.length);

    // Right after, from the same hall, another account's correct password goes through.
    const other = await signInAttempt("delegue@makon.ht", DEMO_PASSWORD, hall);
    expect(other.status).toBe(302);
    expect(sessionCookieOf(other)).toBeTruthy();

    // But guessing from that hall stays slow: an identifier that has failed waits for the hall's count.
    expect((await signInAttempt("casec@makon.ht", "typo", hall)).status).toBe(400);
    const retry = await signInAttempt("casec@makon.ht", DEMO_PASSWORD, hall);
    expect(retry.status).toBe(429);
    expect(decoded(await retry.text())).toContain("Trop d'essais.");
  });

  it("does not lock the facilitator out: after an attacker's 15 failures from one address, the facilitator's right password from another is accepted at once", async () => {
    const attacker = via("10.60.0.1");
    const target = server.db.select({ id: users.id }).from(users).where(eq(users.email, "animateur@makon.ht")).get()!.id;
    // The server reads the same clock as this test: only Date is faked, to let the attacker
    // wait out each delay (2 s, 4 s … 68 min, about 2 h 16 in all) without waiting.
    let now = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      for (let failed = 0; failed < 15; failed++) {
        vi.setSystemTime(now);
        expect((await signInAttempt("animateur@makon.ht", `guess number ${failed}`, attacker)).status).toBe(400);
        const wait = delayAfter(failed + 1, PAIR_POLICY);
        if (wait > 0) {
          // Not a moment sooner.
          vi.setSystemTime(now + wait - 1_000);
          expect((await signInAttempt("animateur@makon.ht", "too early", attacker)).status).toBe(429);
        }
        if (failed < 14) now += wait;
      }
      // Right after the 15th failure.
      vi.setSystemTime(now + 1_000);
      expect(server.db.select().from(signInThrottle).where(eq(signInThrottle.key, `pair:10.60.0.1|${target}`)).get()).toMatchObject({ failures: 15 });
      // The attacker's address is locked, even with the right password…
      const locked = await signInAttempt("animateur@makon.ht", DEMO_PASSWORD, attacker);
      expect(locked.status).toBe(429);
      expect(sessionCookieOf(locked)).toBeUndefined();
      // …while the facilitator, from their own address, is in at once.
      const own = await signInAttempt("animateur@makon.ht", DEMO_PASSWORD, via("10.60.0.2"));
      expect(own.status).toBe(302);
      expect(sessionCookieOf(own)).toBeTruthy();
      // And a third address that has never failed, with the right password, too.
      expect((await signInAttempt("animateur@makon.ht", DEMO_PASSWORD, via("10.60.0.3"))).status).toBe(302);
      // The attacker is still waiting.
      expect((await signInAttempt("animateur@makon.ht", "another guess", attacker)).status).toBe(429);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts an IPv6 client by its /64: 25 parallel attempts from 25 addresses of one /64 check at most 3", async () => {
    const target = server.db.select({ id: users.id }).from(users).where(eq(users.email, "delegue@makon.ht")).get()!.id;
    const burst = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signInAttempt("delegue@makon.ht", i === 24 ? DEMO_PASSWORD : `guess number ${i}`, via(`2001:db8:60:1:${(i + 1).toString(16)}::${i + 7}`))),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(22);
    expect(burst.filter((r) => sessionCookieOf(r)).length).toBe(statuses[24] === 302 ? 1 : 0);
    // Counted under the /64, not under each address.
    expect(server.db.select().from(signInThrottle).where(like(signInThrottle.key, "address:2001:db8:60:1:%")).all().map((r) => r.key)).toEqual(["address:2001:db8:60:1::/64"]);
    if (statuses[24] !== 302) expect(server.db.select().from(signInThrottle).where(eq(signInThrottle.key, `pair:2001:db8:60:1::/64|${target}`)).get()).toMatchObject({ failures: 3 });
    // Another /64 is another address: the right password is checked there.
    expect((await signInAttempt("delegue@makon.ht", DEMO_PASSWORD, via("2001:db8:60:2::1"))).status).toBe(302);
  });

  it("believes only the configured proxy hop: a forged left-most X-Forwarded-For gives no fresh address", async () => {
    const proxied = "10.30.0.1";
    // 26 failures on as many identifiers, each with a different forged address in front: past
    // the hall's 20 free ones, the wait (a minute and more) outlasts the checks on a busy machine.
    const spread = await Promise.all(Array.from({ length: 26 }, (_, i) => signInAttempt(`sonde${i}@makon.ht`, "wrong password", via(proxied, `203.0.113.${i + 1}`))));
    expect(spread.map((r) => r.status)).toEqual(Array(26).fill(400));
    // Yet another forged address does not reset the count: an identifier that failed is held back.
    expect((await signInAttempt("sonde0@makon.ht", "wrong again", via(proxied, "198.51.100.77"))).status).toBe(429);
    expect((await signInAttempt("sonde0@makon.ht", "wrong again", via(proxied, "198.51.100.77, 198.51.100.78"))).status).toBe(429);
    // Everything was counted under the proxy's word, nothing under the forged ones.
    expect(server.db.select().from(signInThrottle).where(eq(signInThrottle.key, `address:${proxied}`)).get()).toMatchObject({ failures: 26 });
    expect(server.db.select().from(signInThrottle).where(like(signInThrottle.key, "address:203.0.113.%")).all()).toEqual([]);
    expect(server.db.select().from(signInThrottle).where(like(signInThrottle.key, "address:198.51.100.%")).all()).toEqual([]);
  });
});

describe("passwords and sessions over HTTP", () => {
  async function liveMeeting(facilitator: string, title: string): Promise<number> {
    const created = await post("/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "ordinary", title, startsAt: "2026-12-05T09:00", place: "Lekòl" }, { Cookie: facilitator });
    const path = created.headers.get("location")!;
    await post(path, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "10" }, { Cookie: facilitator });
    expect((await post(path, { intent: "start" }, { Cookie: facilitator })).status).toBe(200);
    return Number(path.split("/").pop());
  }
  function socket(cookie: string, name: string) {
    const client = connectProvider(server.url, name, cookie);
    cleanups.push(() => client.provider.destroy());
    return client;
  }

  it("changes a password on /compte: the user's other sessions end and their sockets close, this one stays", async () => {
    await newAccount("changement@makon.ht");
    const here = await signInCookie(server.url, "changement@makon.ht", "first long password");
    const phone = await signInCookie(server.url, "changement@makon.ht", "first long password");
    const id = await liveMeeting(here, "Reyinyon modpas");
    const hereSocket = socket(here, `meeting:${id}:minutes`);
    const phoneSocket = socket(phone, `meeting:${id}:minutes`);
    await Promise.all([synced(hereSocket.provider), synced(phoneSocket.provider)]);

    const wrong = await post("/compte", { intent: "password", currentPassword: "not it at all", newPassword: "second long password", confirmPassword: "second long password" }, { Cookie: here });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Le mot de passe actuel est incorrect.");
    const mismatch = await post("/compte", { intent: "password", currentPassword: "first long password", newPassword: "second long password", confirmPassword: "second long pasword" }, { Cookie: `${here}; makon_lang=ht` });
    expect(await mismatch.text()).toContain("De modpas yo pa menm.");

    const changed = await post("/compte", { intent: "password", currentPassword: "first long password", newPassword: "second long password", confirmPassword: "second long password" }, { Cookie: here });
    expect(changed.status).toBe(200);
    const html = await changed.text();
    expect(html).toContain("Mot de passe changé.");
    expect(html).not.toContain("second long password");
    await waitFor(() => phoneSocket.socketClosures.includes(4403), 5_000, "the phone's socket closed");
    expect(hereSocket.socketClosures).toEqual([]);
    expect((await get("/compte", { Cookie: phone })).status).toBe(302);
    expect((await get("/compte", { Cookie: here })).status).toBe(200);
    expect((await signInAttempt("changement@makon.ht", "first long password", via("10.40.0.1"))).status).toBe(400);
    expect((await signInAttempt("changement@makon.ht", "second long password", via("10.40.0.1"))).status).toBe(302);
  });

  it("signs out everywhere from /compte: every session of the account ends, this one included, with their sockets", async () => {
    await newAccount("partout@makon.ht");
    const here = await signInCookie(server.url, "partout@makon.ht", "first long password");
    const laptop = await signInCookie(server.url, "partout@makon.ht", "first long password");
    const id = await liveMeeting(here, "Reyinyon tout kote");
    const laptopSocket = socket(laptop, `meeting:${id}:minutes`);
    await synced(laptopSocket.provider);

    const out = await post("/compte", { intent: "sign-out-everywhere" }, { Cookie: here });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().find((c) => c.startsWith("makon_session="))).toMatch(/^makon_session=;/);
    await waitFor(() => laptopSocket.socketClosures.includes(4403), 5_000, "the laptop's socket closed");
    expect((await get("/compte", { Cookie: here })).status).toBe(302);
    expect((await get("/compte", { Cookie: laptop })).status).toBe(302);
  });

  it("lets an administrator reset a password on /admin/comptes/<id>: every session of the account ends, with its sockets", async () => {
    const userId = await newAccount("oubli@makon.ht");
    const theirs = await signInCookie(server.url, "oubli@makon.ht", "first long password");
    const id = await liveMeeting(theirs, "Reyinyon bliye");
    const theirSocket = socket(theirs, `meeting:${id}:minutes`);
    await synced(theirSocket.provider);

    // Not for anyone else to do.
    expect((await post(`/admin/comptes/${userId}`, { intent: "reset-password", newPassword: "given by hand 2026", confirmPassword: "given by hand 2026" }, { Cookie: theirs })).status).toBe(403);
    const reset = await post(`/admin/comptes/${userId}`, { intent: "reset-password", newPassword: "given by hand 2026", confirmPassword: "given by hand 2026" }, { Cookie: admin });
    expect(reset.status).toBe(200);
    const html = await reset.text();
    expect(html).toContain("Mot de passe remplacé");
    expect(html).not.toContain("given by hand 2026");
    await waitFor(() => theirSocket.socketClosures.includes(4403), 5_000, "their socket closed");
    expect((await get("/compte", { Cookie: theirs })).status).toBe(302);
    expect((await signInAttempt("oubli@makon.ht", "given by hand 2026", via("10.40.0.2"))).status).toBe(302);
    // The administrator's own session is not touched.
    expect((await get("/admin/comptes", { Cookie: admin })).status).toBe(200);
  });

  it("tells a facilitator nothing about whether a new delegate's e-mail already has an account; the administrators see it", async () => {
    await newAccount("sonde@makon.ht");
    const cookie = await signInCookie(server.url, "sonde@makon.ht", "first long password");
    const organisation = await post("/espaces/1/organisations/nouvelle", { name: "MUSO Sonde", type: "muso", joinedOn: "2026-01-01" }, { Cookie: cookie });
    expect(organisation.status).toBe(302);
    const organisationId = organisation.headers.get("location")!.split("/").pop()!;
    const delegate = (name: string, accountEmail: string, seat: string) =>
      post(
        "/espaces/1/delegues/nouveau",
        { name, sex: "female", birthYear: "1990", organisationId, seat, fromDate: "2026-02-01", createAccount: "on", accountEmail, accountPassword: "a long enough secret" },
        { Cookie: cookie },
      );
    const taken = await delegate("Anne Sonde", "admin@makon.ht", "titular");
    const free = await delegate("Anne Libre", "anne.libre@makon.ht", "substitute");
    // The same answer either way.
    expect(taken.status).toBe(302);
    expect(free.status).toBe(302);
    expect(taken.headers.get("location")).toBe(free.headers.get("location"));
    expect(await taken.text()).toBe(await free.text());
    // The administrator's account was neither changed nor tied to the new person.
    expect(server.db.select().from(people).where(eq(people.name, "Anne Sonde")).get()!.userId).toBeNull();
    expect(server.db.select().from(users).where(eq(users.email, "admin@makon.ht")).all()).toHaveLength(1);
    // The administrators see the request, to settle it; their own form still says the address is used.
    const list = await (await get("/admin/comptes", { Cookie: admin })).text();
    expect(list).toContain("Comptes demandés avec un contact déjà utilisé");
    expect(list).toContain("Anne Sonde");
    const again = await post("/admin/comptes/nouveau", { name: "Anne", email: "admin@makon.ht", password: "a long enough secret", role: "observer", spaceId: "1", locale: "" }, { Cookie: admin });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Ce courriel est déjà utilisé par un autre compte.");
  });
});

describe("the session cookie's Secure flag follows how the request arrived", () => {
  let auto: TestServer;
  let forced: TestServer;
  beforeAll(async () => {
    [auto, forced] = await Promise.all([startTestServer({ secureCookies: "auto", trustProxy: 1 }), startTestServer({ secureCookies: true })]);
  });
  afterAll(async () => {
    await Promise.all([auto.stop(), forced.stop()]);
  });

  it("over plain HTTP to a LAN address (a venue laptop), it is not Secure with SECURE_COOKIES=auto, and the session holds", async () => {
    const response = await rawRequest(auto.url, "/connexion", { host: "192.168.1.10:3000", form: { identifier: "animateur@makon.ht", password: DEMO_PASSWORD, redirectTo: "/" } });
    expect(response.status).toBe(302);
    const cookie = sessionCookieOf(response)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const page = await rawRequest(auto.url, "/compte", { host: "192.168.1.10:3000", headers: { Cookie: cookie.split(";")[0]! } });
    expect(page.status).toBe(200);
  });

  it("is Secure when the trusted proxy says the request came over HTTPS", async () => {
    const response = await signInAttempt("animateur@makon.ht", DEMO_PASSWORD, { "X-Forwarded-Proto": "https", "X-Forwarded-For": "10.50.0.1" }, auto.url);
    expect(response.status).toBe(302);
    expect(sessionCookieOf(response)).toMatch(/;\s*Secure/i);
    // Signing out over HTTPS clears it with the same flag.
    const out = await post("/deconnexion", {}, { Cookie: sessionCookieOf(response)!.split(";")[0]!, "X-Forwarded-Proto": "https" }, auto.url);
    expect(out.headers.getSetCookie().find((c) => c.startsWith("makon_session="))).toMatch(/;\s*Secure/i);
  });

  it("with SECURE_COOKIES=true over plain HTTP to 192.168.1.10:3000, says why instead of pretending, in the user's language", async () => {
    const form = { identifier: "animateur@makon.ht", password: DEMO_PASSWORD, redirectTo: "/" };
    const fr = await rawRequest(forced.url, "/connexion", { host: "192.168.1.10:3000", form });
    expect(fr.status).toBe(400);
    expect(sessionCookieOf(fr)).toBeUndefined();
    expect(decoded(fr.text)).toContain("Cette adresse n'est pas sécurisée (http) : la session ne peut pas être conservée");
    expect(fr.text).toContain("https://192.168.1.10/connexion");
    expect(fr.text).toContain("SECURE_COOKIES=auto");
    const ht = await rawRequest(forced.url, "/connexion", { host: "192.168.1.10:3000", form, headers: { Cookie: "makon_lang=ht" } });
    expect(ht.text).toContain("Adrès sa a pa sekirize (http)");
    // The page says it before anyone types a password.
    const page = await rawRequest(forced.url, "/connexion", { host: "192.168.1.10:3000" });
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="insecure-address"');
    // On the machine itself browsers keep a Secure cookie over HTTP: signing in works there.
    const local = await rawRequest(forced.url, "/connexion", { host: "localhost:3000", form });
    expect(local.status).toBe(302);
    expect(sessionCookieOf(local)).toMatch(/;\s*Secure/i);
  });
});
