import { describe, expect, it } from "vitest";
import { attendanceFigures, possibleDuplicates, type AttendanceRow } from "../../app/modules/meetings/attendance-figures";
import { canChangeAttendance, canEditPlan, canRecordAttendance, nextStatus } from "../../app/modules/meetings/meeting-state";
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
