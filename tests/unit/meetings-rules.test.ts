import { describe, expect, it } from "vitest";
import { matchesSearch } from "../../app/modules/meetings/attendance-search";
import { WalkInSchema } from "../../app/modules/meetings/meetings.schemas";
import { searchKey } from "../../app/modules/geography/search-key";
import { attendanceFigures, possibleDuplicates, type AttendanceRow } from "../../app/modules/meetings/attendance-figures";
import {
  approvalRefusal,
  canChangeAttendance,
  canEditPlan,
  canRecordAttendance,
  minutesWritable,
  nextStatus,
  reopenDeadline,
  reopenRefusal,
  REOPEN_WINDOW_MS,
} from "../../app/modules/meetings/meeting-state";
import { renderMarkdown } from "../../app/modules/meetings/markdown";
import { fromLocalDateTime, toLocalDateTime } from "../../app/modules/meetings/times";

describe("meeting states", () => {
  it("goes planned → live → closed, or planned → cancelled, nothing else", () => {
    expect(nextStatus("planned", "start")).toBe("live");
    expect(nextStatus("live", "close")).toBe("closed");
    expect(nextStatus("planned", "cancel")).toBe("cancelled");
    expect(nextStatus("planned", "close")).toBeNull();
    expect(nextStatus("live", "cancel")).toBeNull();
    expect(nextStatus("closed", "start")).toBeNull();
    expect(nextStatus("cancelled", "start")).toBeNull();
    expect([canRecordAttendance("planned"), canRecordAttendance("live"), canRecordAttendance("closed")]).toEqual([true, true, false]);
    expect(canEditPlan("cancelled")).toBe(false);
  });

  it("locks attendance at closing for everyone but an administrator", () => {
    expect(canChangeAttendance("live", { admin: false })).toBe(true);
    expect(canChangeAttendance("closed", { admin: false })).toBe(false);
    expect(canChangeAttendance("closed", { admin: true })).toBe(true);
    expect(canChangeAttendance("cancelled", { admin: true })).toBe(false);
  });
});

describe("reopening a closed meeting", () => {
  const DAY = 24 * 3600_000;
  const closedAt = Date.UTC(2026, 10, 22, 18);
  const closed = { status: "closed" as const, closedAt, minutesApprovedAt: null };
  it.each([
    ["a facilitator, the next day", closed, false, closedAt + DAY, null],
    ["a facilitator, at the 7th day exactly", closed, false, closedAt + REOPEN_WINDOW_MS, null],
    ["a facilitator, after 7 days", closed, false, closedAt + REOPEN_WINDOW_MS + 1, "reopen_expired"],
    ["an administrator, after 7 days", closed, true, closedAt + 30 * DAY, null],
    ["anyone, once the minutes are approved", { ...closed, minutesApprovedAt: closedAt + DAY }, true, closedAt + DAY, "minutes_approved"],
    ["a live meeting", { ...closed, status: "live" as const }, false, closedAt, "wrong_state"],
    ["a cancelled meeting", { ...closed, status: "cancelled" as const }, true, closedAt, "wrong_state"],
  ] as const)("%s", (_what, meeting, admin, now, refusal) => {
    expect(reopenRefusal(meeting, { admin }, now)).toBe(refusal);
  });
  it("goes back to live, and the window is 7 days", () => {
    expect(nextStatus("closed", "reopen")).toBe("live");
    expect(nextStatus("live", "reopen")).toBeNull();
    expect(nextStatus("cancelled", "reopen")).toBeNull();
    expect(REOPEN_WINDOW_MS).toBe(7 * DAY);
    expect(reopenDeadline(closedAt)).toBe(closedAt + 7 * DAY);
  });
});

describe("minutes until approved", () => {
  it.each([
    ["planned", null, true],
    ["live", null, true],
    ["closed", null, true],
    ["closed", 1, false],
    ["cancelled", null, false],
  ] as const)("%s, approved at %s: writable %s", (status, minutesApprovedAt, writable) => {
    expect(minutesWritable({ status, minutesApprovedAt })).toBe(writable);
  });

  const target = { id: 1, spaceId: 1, status: "closed" as const, minutesApprovedAt: null };
  const next = { id: 2, spaceId: 1, status: "live" as const, hasApprovalItem: true };
  it.each([
    ["directly, once closed", target, null, null],
    ["directly, while live", { ...target, status: "live" as const }, null, "wrong_state"],
    ["twice", { ...target, minutesApprovedAt: 5 }, null, "minutes_approved"],
    ["at the next meeting, with the item", target, next, null],
    ["at the next meeting, without the item", target, { ...next, hasApprovalItem: false }, "not_on_agenda"],
    ["at a meeting not running", target, { ...next, status: "planned" as const }, "wrong_state"],
    ["at a meeting of another space", target, { ...next, spaceId: 2 }, "wrong_state"],
    ["at itself", target, { ...next, id: 1 }, "wrong_state"],
  ] as const)("approved %s", (_what, meeting, at, refusal) => {
    expect(approvalRefusal(meeting, at)).toBe(refusal);
  });
});

describe("attendance figures", () => {
  const row = (id: number, extra: Partial<AttendanceRow>): AttendanceRow => ({ id, personId: null, name: `P${id}`, sex: null, ageGroup: null, organisationId: null, role: "delegate", ...extra });

  it("is all zeros for an empty meeting, quorum not met", () => {
    const figures = attendanceFigures({ rows: [], memberOrganisationIds: [1, 2], quorumPercent: 50 });
    expect(figures.people.total).toBe(0);
    expect(figures.people.women).toEqual({ count: 0, share: 0 });
    expect(figures.quorum).toEqual({ required: 1, present: 0, met: false });
  });

  it("counts walk-ins, unstated sex and unknown age without guessing", () => {
    const figures = attendanceFigures({
      rows: [row(1, { sex: "female", ageGroup: "18_24" }), row(2, { sex: null, ageGroup: null }), row(3, { sex: "male", ageGroup: "60p", role: "official" })],
      memberOrganisationIds: [],
      quorumPercent: 50,
    });
    expect(figures.people.bySex).toEqual({ female: 1, male: 1, unstated: 1 });
    expect(figures.people.byAge.unknown).toBe(1);
    expect(figures.people.women.share).toBeCloseTo(1 / 3);
    expect(figures.people.youth.count).toBe(1);
    expect(figures.officialsPresent).toBe(1);
    // No member organisations: no quorum can be met.
    expect(figures.quorum.met).toBe(false);
  });

  it("counts a known person once, and organisations present among members only", () => {
    const figures = attendanceFigures({
      rows: [
        row(1, { personId: 7, sex: "female", organisationId: 1 }),
        row(2, { personId: 7, sex: "female", organisationId: 1 }),
        row(3, { personId: 8, sex: "male", organisationId: 2 }),
        row(4, { organisationId: 99 }),
      ],
      memberOrganisationIds: [1, 2, 3, 4, 5],
      quorumPercent: 50,
    });
    expect(figures.people.total).toBe(3);
    expect(figures.organisationsPresent).toEqual({ count: 2, of: 5 });
    expect(figures.quorum).toEqual({ required: 3, present: 2, met: false });
    expect(attendanceFigures({ rows: [row(1, { organisationId: 1 }), row(2, { organisationId: 2 }), row(3, { organisationId: 3 })], memberOrganisationIds: [1, 2, 3, 4, 5], quorumPercent: 50 }).quorum.met).toBe(true);
  });

  it("warns about names recorded twice", () => {
    expect(possibleDuplicates([row(1, { name: "Marie-Thérèse Jean" }), row(2, { name: "marie therese jean" }), row(3, { name: "Jean Pierre" })])).toEqual([[1, 2]]);
  });
});

describe("minutes Markdown", () => {
  it("renders headings, lists and links", () => {
    const html = renderMarkdown("# Pwosè vèbal\n\n- Pwen 1\n- Pwen 2\n\n[Meri](https://example.ht)");
    expect(html).toContain("<h3>Pwosè vèbal</h3>");
    expect(html).toContain("<li>Pwen 1</li>");
    expect(html).toContain('<a href="https://example.ht" rel="nofollow noopener">Meri</a>');
  });

  it("lets no script or event handler from the text through", () => {
    const attacks = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "[clic](javascript:alert(1))",
      "[clic](JaVaScRiPt:alert(1))",
      "[clic](java\tscript:alert(1))",
      "![x](javascript:alert(1))",
      '<a href="javascript:alert(1)">x</a>',
      "<iframe src=//evil.example></iframe>",
      "[x](data:text/html;base64,PHNjcmlwdD4=)",
      '<svg onload="alert(1)">',
    ];
    for (const attack of attacks) {
      const html = renderMarkdown(attack);
      expect(html, attack).not.toMatch(/<script|<img[^>]*onerror|<iframe|<svg|href="\s*(javascript|data)|src="\s*javascript/i);
      expect(html, attack).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    }
  });
});

describe("Haiti's wall-clock times", () => {
  it("reads a datetime field as Port-au-Prince time, summer and winter", () => {
    expect(fromLocalDateTime("2026-01-15T09:00")).toBe(Date.UTC(2026, 0, 15, 14, 0));
    expect(fromLocalDateTime("2026-07-15T09:00")).toBe(Date.UTC(2026, 6, 15, 13, 0));
    expect(toLocalDateTime(Date.UTC(2026, 6, 15, 13, 0))).toBe("2026-07-15T09:00");
    expect(toLocalDateTime(fromLocalDateTime("2026-03-08T10:30"))).toBe("2026-03-08T10:30");
  });
});

describe("the door", () => {
  const nadege = { searchKey: searchKey("Nadège Étienne KOFAL Association Konbit Fanm Limonade") };
  it.each([
    ["nadege", true],
    ["ÉTIENNE", true],
    ["kofal", true],
    ["konbit fanm", true],
    ["nadege kofal", true],
    ["Nadège-Étienne", true],
    ["", true],
    ["nadege apwolim", false],
    ["wilfrid", false],
  ])("a search for %j finds Nadège: %s", (query, found) => {
    expect(matchesSearch(nadege, query)).toBe(found);
  });

  const walkIn = { name: "Lovely Dorsainvil", organisationId: "", role: "observer" };
  it.each([
    [{ sex: "female", ageGroup: "25_35" }, { sex: "female", ageGroup: "25_35" }],
    [{ sex: "unstated", ageGroup: "unstated" }, { sex: null, ageGroup: null }],
  ])("takes a walk-in's answers %j, 'prefers not to say' as not stated", (answers, recorded) => {
    const parsed = WalkInSchema.safeParse({ ...walkIn, ...answers });
    expect(parsed.success && parsed.data).toMatchObject(recorded);
  });

  it.each([
    [{}, ["sex", "ageGroup"]],
    [{ sex: "", ageGroup: "" }, ["sex", "ageGroup"]],
    [{ sex: "female" }, ["ageGroup"]],
    [{ ageGroup: "60p" }, ["sex"]],
    [{ sex: "other", ageGroup: "25_35" }, ["sex"]],
  ])("refuses a walk-in left blank %j, asking the question", (answers, fields) => {
    const parsed = WalkInSchema.safeParse({ ...walkIn, ...answers });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => [i.path[0], i.message]);
    expect(issues.map(([field]) => field).sort()).toEqual([...fields].sort());
    for (const [field, message] of issues) expect(message).toBe(field === "sex" ? "attendance.error.sexMissing" : "attendance.error.ageMissing");
  });
});
