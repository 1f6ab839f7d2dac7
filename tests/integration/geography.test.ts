import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { geographyCounts, loadGeography } from "../../db/seed/geography";
import { auditLog, communes, sections } from "../../db/schema/index";
import { AddCommuneSchema, AddSectionSchema } from "../../app/modules/geography/geography.schemas";
import { addCommune, addSection, getCommune, getDepartment, listDepartments, searchGeography } from "../../app/modules/geography/geography.server";
import type { Db } from "../../db/client";
import { actorByEmail, demoDatabase } from "../setup/test-db";

let db: Db;
let close: () => void;
beforeEach(async () => ({ db, close } = await demoDatabase()));
afterEach(() => close());

describe("reference geography", () => {
  it("loads Haiti's 10 departments, 42 arrondissements, 140 communes and 570 sections, once", () => {
    expect(geographyCounts(db)).toEqual({ departments: 10, arrondissements: 42, communes: 140, sections: 570 });
    expect(loadGeography(db, Date.now()).inserted).toBe(0);
    expect(geographyCounts(db).sections).toBe(570);
    const listed = listDepartments(db);
    expect(listed.reduce((n, d) => n + d.communeCount, 0)).toBe(140);
    expect(listed.find((d) => d.code === "HT03")).toMatchObject({ name: "Nord" });
  });

  it("keeps official codes, arrondissements and aliases", () => {
    const cap = getCommune(db, "HT0311")!;
    expect(cap.name).toBe("Cap-Haïtien");
    expect(cap.department).toEqual({ code: "HT03", name: "Nord" });
    expect(cap.arrondissement.code).toBe("HT031");
    expect(cap.sections.map((s) => s.code)).toEqual(["HT0311-01", "HT0311-02", "HT0311-03"]);
    expect(cap.sections[2]!.aliases).toContain("Petite Anse");
    const nord = getDepartment(db, "HT03")!;
    expect(nord.arrondissements.flatMap((a) => a.communes).length).toBe(19);
  });

  it("finds names whatever the accents, hyphens or spelling", () => {
    expect(searchGeography(db, "cap haitien").communes.map((c) => c.code)).toContain("HT0311");
    expect(searchGeography(db, "Petite Anse").sections.map((s) => s.code)).toEqual(expect.arrayContaining(["HT0311-03", "HT0151-06"]));
    expect(searchGeography(db, "GROS MORNE").communes.map((c) => c.code)).toContain("HT0521");
    expect(searchGeography(db, "   ")).toEqual({ communes: [], sections: [] });
    expect(searchGeography(db, "zzzz").sections).toEqual([]);
  });
});

describe("adding a missing commune or section", () => {
  const liancourt = () => AddCommuneSchema.parse({ arrondissementCode: "HT053", name: "Liancourt", code: "" });

  it("lets an administrator add a commune with the first free code, audited", () => {
    const admin = actorByEmail(db, "admin@makon.ht");
    const result = addCommune(db, admin, "HT05", liancourt(), 1_000);
    expect(result).toEqual({ ok: true, value: { code: expect.stringMatching(/^HT053\d$/) } });
    const code = (result as { value: { code: string } }).value.code;
    expect(getCommune(db, code)).toMatchObject({ name: "Liancourt", source: "local", department: { code: "HT05" } });
    expect(searchGeography(db, "liancourt").communes.map((c) => c.code)).toEqual([code]);
    const audit = db.select().from(auditLog).where(eq(auditLog.subjectId, code)).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "commune.add", actorId: admin.userId });
  });

  it("refuses anyone but an administrator, and changes nothing", () => {
    for (const email of ["animateur@makon.ht", "delegue@makon.ht", "casec@makon.ht"]) {
      expect(addCommune(db, actorByEmail(db, email), "HT05", liancourt(), 1_000)).toEqual({ ok: false, code: "forbidden" });
    }
    expect(addCommune(db, null, "HT05", liancourt(), 1_000)).toEqual({ ok: false, code: "forbidden" });
    expect(db.select().from(communes).where(eq(communes.name, "Liancourt")).all()).toEqual([]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "commune.add")).all()).toEqual([]);
  });

  it("refuses taken codes and names, and arrondissements of another department", () => {
    const admin = actorByEmail(db, "admin@makon.ht");
    expect(addCommune(db, admin, "HT05", { arrondissementCode: "HT053", name: "X", code: "HT0531" }, 1)).toMatchObject({ ok: false, code: "code_taken" });
    expect(addCommune(db, admin, "HT05", { arrondissementCode: "HT053", name: "X", code: "HT0519" }, 1)).toMatchObject({ ok: false, code: "code_outside_arrondissement" });
    expect(addCommune(db, admin, "HT05", { arrondissementCode: "HT031", name: "X" }, 1)).toMatchObject({ ok: false, code: "arrondissement_not_found" });
    expect(addCommune(db, admin, "HT03", { arrondissementCode: "HT031", name: "cap haitien" }, 1)).toMatchObject({ ok: false, code: "name_taken" });
  });

  it("adds a section with the next number and its other spellings", () => {
    const admin = actorByEmail(db, "admin@makon.ht");
    const input = AddSectionSchema.parse({ name: "Morne Rouge", number: "", aliases: "Mòn Wouj; Morne-Rouge" });
    expect(addSection(db, admin, "HT0311", input, 1)).toEqual({ ok: true, value: { code: "HT0311-04" } });
    const row = db.select().from(sections).where(eq(sections.code, "HT0311-04")).get()!;
    expect(row).toMatchObject({ label: "4e section Morne Rouge", aliases: ["Mòn Wouj", "Morne-Rouge"], source: "local" });
    expect(searchGeography(db, "mon wouj").sections.map((s) => s.code)).toEqual(["HT0311-04"]);
    expect(addSection(db, admin, "HT0311", { name: "Autre", number: 2, aliases: [] }, 1)).toMatchObject({ ok: false, code: "number_taken" });
    expect(addSection(db, admin, "HT0311", { name: "Haut-du-Cap", aliases: [] }, 1)).toMatchObject({ ok: false, code: "name_taken" });
    expect(addSection(db, actorByEmail(db, "animateur@makon.ht"), "HT0311", { name: "Y", aliases: [] }, 1)).toEqual({ ok: false, code: "forbidden" });
  });

  it("validates the form input with messages for the fields", () => {
    const bad = AddCommuneSchema.safeParse({ arrondissementCode: "x", name: " ", code: "HT12" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({ arrondissementCode: "error.arrondissement", name: "error.required", code: "error.communeCode" });
    expect(AddSectionSchema.safeParse({ name: "A", number: "100" }).error?.issues[0]?.message).toBe("error.sectionNumber");
  });
});
