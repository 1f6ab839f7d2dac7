import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import { eq } from "drizzle-orm";
import { auditLog, roleGrants, signInThrottle, users } from "../../db/schema/index";
import { signIn } from "../../app/modules/auth/sign-in.server";
import { CreateAccountSchema } from "../../app/modules/users/users.schemas";
import { createAccount, getAccount, grantRole, revokeRole } from "../../app/modules/users/users.server";
import { DEMO_PASSWORD } from "../../db/seed/demo";
import type { Db } from "../../db/client";
import { actorByEmail, demoDatabase } from "../setup/test-db";

let db: Db;
let close: () => void;
beforeEach(async () => ({ db, close } = await demoDatabase()));
afterEach(() => close());

const attempt = (identifier: string, password: string, now: number, address = "10.0.0.1") => signIn(db, { identifier, password, address, now });

describe("sign-in", () => {
  it("accepts the e-mail or the phone number, in any common writing", async () => {
    expect(await attempt("Animateur@Makon.ht", DEMO_PASSWORD, 0)).toMatchObject({ ok: true });
    expect(await attempt("3700 0002", DEMO_PASSWORD, 0)).toMatchObject({ ok: true });
    expect(await attempt("+509 3700-0002", DEMO_PASSWORD, 0)).toMatchObject({ ok: true });
  });

  it("refuses a wrong password or an unknown account the same way", async () => {
    expect(await attempt("animateur@makon.ht", "wrong password", 0)).toMatchObject({ ok: false, code: "wrong_credentials" });
    expect(await attempt("nobody@makon.ht", DEMO_PASSWORD, 0)).toMatchObject({ ok: false, code: "wrong_credentials" });
    expect(await attempt("not an identifier", DEMO_PASSWORD, 0)).toMatchObject({ ok: false, code: "invalid_identifier" });
  });

  it("slows down guessing per account, even with the right password, until the wait is over", async () => {
    for (let i = 0; i < 3; i++) expect(await attempt("delegue@makon.ht", "guess", 1_000 + i)).toMatchObject({ code: "wrong_credentials" });
    const throttled = await attempt("delegue@makon.ht", DEMO_PASSWORD, 1_500, "10.0.0.2");
    expect(throttled).toMatchObject({ ok: false, code: "throttled", waitSeconds: 2 });
    expect(await attempt("delegue@makon.ht", DEMO_PASSWORD, 1_002 + 2_000, "10.0.0.2")).toMatchObject({ ok: true });
    // Success clears the account's count.
    expect(db.select().from(signInThrottle).where(eq(signInThrottle.key, "account:delegue@makon.ht")).get()).toBeUndefined();
  });

  it("slows down one address trying many accounts", async () => {
    for (let i = 0; i < 20; i++) await attempt(`user${i}@makon.ht`, "guess", 5_000, "10.9.9.9");
    expect(await attempt("animateur@makon.ht", DEMO_PASSWORD, 5_100, "10.9.9.9")).toMatchObject({ ok: false, code: "throttled" });
    expect(await attempt("animateur@makon.ht", DEMO_PASSWORD, 5_100, "10.9.9.8")).toMatchObject({ ok: true });
  });
});

describe("accounts and roles", () => {
  const input = (extra: Record<string, string> = {}) =>
    CreateAccountSchema.parse({ name: "Nadège Célestin", email: "", phone: "3711 2233", password: "a long enough secret", role: "delegate", spaceId: "2", locale: "ht", ...extra });

  it("lets an administrator create an account with a role in a space, audited", async () => {
    const admin = actorByEmail(db, "admin@makon.ht");
    const result = await createAccount(db, admin, input(), 10);
    expect(result.ok).toBe(true);
    const id = (result as { value: { id: string } }).value.id;
    const account = getAccount(db, id)!;
    expect(account).toMatchObject({ phone: "+50937112233", email: null, grants: [{ role: "delegate", spaceId: 2, spaceName: "Makòn Petite-Anse" }] });
    expect(db.select().from(users).where(eq(users.id, id)).get()!.passwordHash).toMatch(/^scrypt\$/);
    expect(db.select().from(auditLog).where(eq(auditLog.subjectId, id)).all().map((a) => a.action)).toEqual(["account.create"]);
    expect(await attempt("37112233", "a long enough secret", 0)).toMatchObject({ ok: true });
  });

  it("refuses non-administrators, taken contacts and space roles without a space", async () => {
    expect(await createAccount(db, actorByEmail(db, "animateur@makon.ht"), input(), 10)).toEqual({ ok: false, code: "forbidden" });
    const admin = actorByEmail(db, "admin@makon.ht");
    expect(await createAccount(db, admin, input({ phone: "37000002" }), 10)).toMatchObject({ ok: false, code: "phone_taken" });
    expect(await createAccount(db, admin, input({ email: "DELEGUE@makon.ht" }), 10)).toMatchObject({ ok: false, code: "email_taken" });
    expect(await createAccount(db, admin, input({ spaceId: "" }), 10)).toMatchObject({ ok: false, code: "space_required" });
    expect(await createAccount(db, admin, input({ spaceId: "999" }), 10)).toMatchObject({ ok: false, code: "space_not_found" });
    expect(db.select().from(users).where(eq(users.name, "Nadège Célestin")).all()).toEqual([]);
  });

  it("explains bad form input field by field", () => {
    const parsed = CreateAccountSchema.safeParse({ name: "", email: "not-mail", phone: "12", password: "short", role: "king" });
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toMatchObject({ name: "error.required", email: "error.email", phone: "error.phone", password: "error.passwordTooShort", role: "error.role" });
    expect(CreateAccountSchema.safeParse({ name: "A", email: "", phone: "", password: "long enough pass", role: "admin" }).error!.issues[0]!.message).toBe("error.emailOrPhone");
  });

  it("grants and revokes roles, keeping at least one administrator", () => {
    const admin = actorByEmail(db, "admin@makon.ht");
    const delegate = actorByEmail(db, "delegue@makon.ht");
    const granted = grantRole({ db, realtime: offlineRealtimePort(db) }, admin, { userId: delegate.userId, role: "observer", spaceId: 3 }, 1);
    expect(granted.ok).toBe(true);
    expect(grantRole({ db, realtime: offlineRealtimePort(db) }, admin, { userId: delegate.userId, role: "observer", spaceId: 3 }, 1)).toMatchObject({ code: "grant_exists" });
    expect(grantRole({ db, realtime: offlineRealtimePort(db) }, delegate, { userId: delegate.userId, role: "admin" }, 1)).toEqual({ ok: false, code: "forbidden" });
    expect(revokeRole({ db, realtime: offlineRealtimePort(db) }, admin, (granted as { value: { id: number } }).value.id, 2)).toEqual({ ok: true, value: null });
    const adminGrant = db.select().from(roleGrants).where(eq(roleGrants.role, "admin")).get()!;
    expect(revokeRole({ db, realtime: offlineRealtimePort(db) }, admin, adminGrant.id, 3)).toEqual({ ok: false, code: "last_admin" });
    expect(db.select().from(auditLog).where(eq(auditLog.subjectId, delegate.userId)).all().map((a) => a.action)).toEqual(["account.create", "role.grant", "role.revoke"]);
  });
});
