import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLog, reports, reportVersions } from "../../db/schema/index";
import { translate } from "../../app/modules/i18n/catalog.server";
import { createSpace } from "../../app/modules/spaces/spaces.server";
import { createAccount } from "../../app/modules/users/users.server";
import { actorByEmail } from "../setup/test-db";
import { connectProvider, synced, upgradeOutcome, waitFor } from "../setup/realtime-client";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * Reports over HTTP and on their shared documents: who creates, edits and publishes them (and
 * who is refused, writing nothing), what a published version freezes, what the public reads,
 * and two authors writing one section until publication makes them readers.
 */
let server: TestServer;
const cookies = {} as Record<"facilitator" | "admin" | "delegate" | "official" | "otherFacilitator", string>;
const cleanups: (() => void)[] = [];
const YEAR = new Date().getUTCFullYear();

const post = (path: string, form: Record<string, string>, cookie?: string) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const written = () => ({
  reports: server.db.select({ n: count() }).from(reports).get()!.n,
  versions: server.db.select({ n: count() }).from(reportVersions).get()!.n,
  audit: server.db.select({ n: count() }).from(auditLog).get()!.n,
});
const yearReport = (extra: Record<string, string> = {}) => ({ scopeKind: "space", spaceId: "1", periodKind: "year", year: String(YEAR), template: "periodic", locale: "fr", title: "", ...extra });

async function created(form: Record<string, string>, cookie = cookies.facilitator): Promise<number> {
  const response = await post("/rapports/nouveau", form, cookie);
  expect(response.status, await response.clone().text()).toBe(302);
  return Number(response.headers.get("location")!.split("/").pop());
}

beforeAll(async () => {
  server = await startTestServer();
  const admin = actorByEmail(server.db, "admin@makon.ht");
  // A facilitator of a space in another commune.
  const other = createSpace(server.db, admin, { name: "Makòn Lòt Komin", level: "commune", communeCode: "HT0311", setting: "rural", status: "active", votingBase: "organisation", quorumPercent: 50, majorityRule: "simple", titularSeats: 1, substituteSeats: 1 }, Date.now());
  if (!other.ok) throw new Error(other.code);
  const account = await createAccount(server.db, admin, { name: "Animatè Lòt Komin", email: "lot-komin@makon.ht", password: "lot-komin secret 2026", role: "facilitator", spaceId: other.value.id }, Date.now());
  if (!account.ok) throw new Error(account.code);
  [cookies.facilitator, cookies.admin, cookies.delegate, cookies.official] = await Promise.all(["animateur@makon.ht", "admin@makon.ht", "delegue@makon.ht", "casec@makon.ht"].map((e) => signInCookie(server.url, e)));
  cookies.otherFacilitator = await signInCookie(server.url, "lot-komin@makon.ht", "lot-komin secret 2026");
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
afterAll(() => server.stop());

describe("creating a report", () => {
  it("makes a space's periodic report a draft with a title from its template, scope and period, its sections seeded with their figures", async () => {
    const id = await created(yearReport());
    const row = server.db.select().from(reports).where(eq(reports.id, id)).get()!;
    expect(row).toMatchObject({ status: "draft", versions: 0, periodFrom: `${YEAR}-01-01`, periodTo: `${YEAR}-12-31`, title: `Rapport périodique — Makòn Limonade, Année ${YEAR}` });
    const page = await (await get(`/rapports/${id}`, cookies.facilitator)).text();
    expect(page).toContain('data-testid="editor-participation"');
    expect(page).toContain("{{figure:attendance.bySexAge}}");
  });

  it("makes a commune's quarterly capitalisation sheet in Kreyòl for a facilitator of one of its spaces", async () => {
    const id = await created({ scopeKind: "commune", communeCode: "HT0313", periodKind: "quarter", year: String(YEAR), quarter: "2", template: "sheet", locale: "ht", title: "" });
    expect(server.db.select().from(reports).where(eq(reports.id, id)).get()).toMatchObject({ scopeKind: "commune", communeCode: "HT0313", periodFrom: `${YEAR}-04-01`, periodTo: `${YEAR}-06-30`, locale: "ht", title: `Fich kapitalizasyon — Komin Limonade (1 espas), 2yèm trimès ${YEAR}` });
  });

  it("refuses whoever may not write for the scope, and a period the wrong way round, in the reader's language, writing nothing", async () => {
    const before = written();
    for (const who of ["delegate", "official", "otherFacilitator"] as const) expect({ who, status: (await post("/rapports/nouveau", yearReport(), cookies[who])).status }).toEqual({ who, status: 403 });
    expect((await post("/rapports/nouveau", yearReport({ scopeKind: "programme" }), cookies.facilitator)).status).toBe(403);
    expect((await post("/rapports/nouveau", yearReport({ scopeKind: "commune", communeCode: "HT0311" }), cookies.facilitator)).status).toBe(403);
    expect((await post("/rapports/nouveau", yearReport())).status).toBe(302);
    const backwards = await post("/rapports/nouveau", yearReport({ periodKind: "dates", from: `${YEAR}-06-30`, to: `${YEAR}-01-01` }), `${cookies.facilitator}; makon_lang=ht`);
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain(translate("ht", "reports.error.period"));
    expect(written()).toEqual(before);
    expect((await get("/rapports/nouveau", cookies.delegate)).status).toBe(403);
  });
});

describe("a report's life", () => {
  it("is its authors' alone while a draft, then public once published; a correction is the next version, the first one kept", async () => {
    const id = await created(yearReport({ title: "Rapò anyèl tès" }));
    for (const who of [undefined, cookies.delegate, cookies.otherFacilitator]) {
      expect((await get(`/rapports/${id}`, who)).status).toBe(404);
      expect((await get(`/rapports/${id}.md`, who)).status).toBe(404);
    }
    expect((await post(`/rapports/${id}`, { intent: "details", title: "Volè" }, cookies.delegate)).status).toBe(403);
    expect((await post(`/rapports/${id}`, { intent: "details", title: "Rapport annuel de Makòn Limonade" }, cookies.facilitator)).status).toBe(200);

    // Publishing asks first, then freezes.
    const asked = await post(`/rapports/${id}`, { intent: "publish" }, cookies.facilitator);
    expect(asked.status).toBe(200);
    expect(server.db.select().from(reports).where(eq(reports.id, id)).get()!.status).toBe("draft");
    expect((await post(`/rapports/${id}`, { intent: "publish", confirm: "1" }, cookies.delegate)).status).toBe(403);
    expect((await post(`/rapports/${id}`, { intent: "publish", confirm: "1" }, cookies.facilitator)).status).toBe(200);
    expect(server.db.select().from(reports).where(eq(reports.id, id)).get()).toMatchObject({ status: "published", versions: 1 });
    const first = server.db.select().from(reportVersions).where(eq(reportVersions.reportId, id)).get()!;
    expect(first.document.title).toBe("Rapport annuel de Makòn Limonade");
    expect(first.document.figures.map((f) => f.id)).toContain("attendance.bySexAge");

    // The public reads it, and its downloads.
    const page = await get(`/rapports/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Rapport annuel de Makòn Limonade");
    const md = await get(`/rapports/${id}.md`);
    expect(md.headers.get("content-type")).toContain("text/markdown");
    expect(await md.text()).toContain("# Rapport annuel de Makòn Limonade");
    const csv = await get(`/rapports/${id}.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("attendance.bySexAge");
    expect((await post(`/rapports/${id}`, { intent: "details", title: "Apre" }, cookies.facilitator)).status).toBe(400);

    // Taken up again: the public still reads version 1 (its title too, on the list) while version 2 is written.
    expect((await post(`/rapports/${id}`, { intent: "reopen" }, cookies.facilitator)).status).toBe(200);
    expect((await post(`/rapports/${id}`, { intent: "details", title: "Rapport annuel de Makòn Limonade (corrigé)" }, cookies.facilitator)).status).toBe(200);
    for (const path of [`/rapports/${id}`, `/rapports/${id}.data`, "/rapports", "/rapports.data"]) {
      const response = await get(path);
      const body = await response.text();
      // Read, and holding the published title: a page that failed to load would prove nothing.
      expect({ path, status: response.status, published: body.includes("Rapport annuel de Makòn Limonade"), draftTitle: body.includes("(corrigé)"), drafting: body.includes('"draft"') }).toEqual({ path, status: 200, published: true, draftTitle: false, drafting: false });
    }
    expect((await post(`/rapports/${id}`, { intent: "publish", confirm: "1" }, cookies.facilitator)).status).toBe(200);
    const latest = await (await get(`/rapports/${id}`)).text();
    expect(latest).toContain("(corrigé)");
    expect(latest).toContain('data-testid="report-versions"');
    expect(await (await get(`/rapports/${id}?version=1`)).text()).not.toContain("(corrigé)");
    expect((await get(`/rapports/${id}?version=3`)).status).toBe(404);
    // Published versions are never rewritten.
    expect(() => server.db.$client.prepare("UPDATE report_versions SET version = 9 WHERE report_id = ?").run(id)).toThrow(/append-only/);
    expect(() => server.db.$client.prepare("DELETE FROM report_versions WHERE report_id = ?").run(id)).toThrow(/append-only/);

    // Listed on the programme's page for everyone.
    const list = await (await get("/rapports")).text();
    expect(list).toContain(`href="/rapports/${id}"`);
  });

  it("lets two authors write one section at once, and makes them readers the moment it is published", async () => {
    const id = await created(yearReport({ title: "Rapò de otè" }));
    const name = `report:${id}:summary`;
    const a = connectProvider(server.url, name, cookies.facilitator);
    const b = connectProvider(server.url, name, cookies.admin);
    cleanups.push(() => a.provider.destroy(), () => b.provider.destroy());
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText("body").insert(0, "Premye fraz. ");
    b.doc.getText("body").insert(0, "Dezyèm. ");
    await waitFor(() => a.text() === b.text() && a.text().includes("Premye fraz.") && a.text().includes("Dezyèm."), 5_000, "the two edits merged");
    // A section its template does not have is no document at all, even to its authors.
    expect(await upgradeOutcome(server.url, `/realtime/report:${id}:testimonies`, { cookie: cookies.facilitator })).toBe(404);
    expect(await upgradeOutcome(server.url, `/realtime/report:${id}:outlook`, { cookie: cookies.facilitator })).toBe("open");
    // Others may not even read a draft's section.
    const outsider = connectProvider(server.url, name, cookies.delegate);
    cleanups.push(() => outsider.provider.destroy());
    await new Promise((r) => setTimeout(r, 300));
    expect(outsider.provider.synced).toBe(false);

    expect((await post(`/rapports/${id}`, { intent: "publish", confirm: "1" }, cookies.facilitator)).status).toBe(200);
    await waitFor(() => a.access === "read" && b.access === "read", 5_000, "both told they only read now");
    const frozen = server.db.select().from(reportVersions).where(eq(reportVersions.reportId, id)).get()!.document.sections.find((s) => s.key === "summary")!.markdown;
    expect(frozen).toBe(a.text());
    a.doc.getText("body").insert(0, "APRE ");
    await new Promise((r) => setTimeout(r, 300));
    expect(b.text()).not.toContain("APRE");

    // Taken up again: writers again.
    expect((await post(`/rapports/${id}`, { intent: "reopen" }, cookies.facilitator)).status).toBe(200);
    await waitFor(() => b.access === "write", 5_000, "a writer again");
  });
});
