import { describe, expect, it } from "vitest";
import { openForArrivals, selfCheckInPath, selfCheckInState } from "../../app/modules/meetings/arrivals";
import { cellKey, headcountCounts, headcountName, isHeadcountRow, lastTapOf, nextHeadcountNumber } from "../../app/modules/meetings/headcount";
import { readSheetLines, type RawLine } from "../../app/modules/meetings/paper-sheet";

// 22 November 2026, 10:00 in Haiti (UTC−5).
const NOW = Date.UTC(2026, 10, 22, 15);
const HOUR = 3600_000;

describe("which meetings are open for arrivals by phone", () => {
  it.each([
    ["live, whatever its planned day", { status: "live", startsAt: NOW - 48 * HOUR, startedAt: NOW - 2 * HOUR }, true],
    ["live for twelve hours", { status: "live", startsAt: NOW - 12 * HOUR, startedAt: NOW - 12 * HOUR }, true],
    ["reopened for corrections days after it opened", { status: "live", startsAt: NOW - 72 * HOUR, startedAt: NOW - 72 * HOUR }, false],
    ["planned today, before it opens", { status: "planned", startsAt: NOW + 8 * HOUR, startedAt: null }, true],
    ["planned today, already past its hour", { status: "planned", startsAt: NOW - 9 * HOUR, startedAt: null }, true],
    ["planned tomorrow", { status: "planned", startsAt: NOW + 14 * HOUR + 1, startedAt: null }, false],
    ["planned yesterday", { status: "planned", startsAt: NOW - 11 * HOUR, startedAt: null }, false],
    ["closed", { status: "closed", startsAt: NOW, startedAt: NOW }, false],
    ["cancelled", { status: "cancelled", startsAt: NOW, startedAt: null }, false],
  ] as const)("%s", (_, meeting, open) => {
    expect(openForArrivals(meeting, NOW)).toBe(open);
  });

  it("says, in order: no person, not of this space, already there, not open, ready", () => {
    const base = { hasPerson: true, allowed: true, present: false, open: true };
    expect(selfCheckInState({ ...base, hasPerson: false, allowed: false })).toBe("no_person");
    expect(selfCheckInState({ ...base, allowed: false })).toBe("not_allowed");
    expect(selfCheckInState({ ...base, present: true, open: false })).toBe("already");
    expect(selfCheckInState({ ...base, open: false })).toBe("not_open");
    expect(selfCheckInState(base)).toBe("ready");
    expect(selfCheckInPath(42)).toBe("/arrivee/42");
  });
});

describe("headcount", () => {
  const row = (id: number, n: number, sex: string, ageGroup: string, disability = false) => ({ id, personId: null, name: headcountName(n), sex, ageGroup, disability });
  it("numbers anonymous rows, counts them per cell, and finds the cell's last tap", () => {
    const rows = [row(1, 1, "female", "25_35"), row(2, 2, "female", "25_35"), row(5, 3, "male", "60p", true), { id: 7, personId: null, name: "Anne", sex: "female", ageGroup: "25_35", disability: false }];
    expect(nextHeadcountNumber(rows.map((r) => r.name))).toBe(4);
    expect(nextHeadcountNumber([])).toBe(1);
    expect(isHeadcountRow(rows[3]!)).toBe(false);
    expect(isHeadcountRow({ personId: 3, name: headcountName(1) })).toBe(false);
    const counts = headcountCounts(rows);
    expect(counts[cellKey({ sex: "female", ageGroup: "25_35", disability: false })]).toBe(2);
    expect(counts[cellKey({ sex: "male", ageGroup: "60p", disability: true })]).toBe(1);
    expect(Object.keys(counts)).toHaveLength(20);
    expect(lastTapOf(rows, { sex: "female", ageGroup: "25_35", disability: false })?.id).toBe(2);
    expect(lastTapOf(rows, { sex: "male", ageGroup: "60p", disability: false })).toBeNull();
  });
});

describe("a paper sheet's lines", () => {
  const line = (extra: Partial<RawLine> = {}): RawLine => ({ name: "Anne Joseph", sex: "female", ageGroup: "25_35", disability: false, organisationId: "", ...extra });
  const empty: RawLine = { name: "", sex: "", ageGroup: "", disability: false, organisationId: "" };
  const orgs = new Set([7]);

  it.each([
    ["a full line", line(), []],
    ["prefers not to say, chosen", line({ sex: "unstated", ageGroup: "unstated" }), []],
    ["sex left blank", line({ sex: "" }), ["sex"]],
    ["age group left blank", line({ ageGroup: "" }), ["ageGroup"]],
    ["a value the form does not offer", line({ sex: "x", ageGroup: "99" }), ["sex", "ageGroup"]],
    ["no name", line({ name: "  " }), ["name"]],
    ["a name too long", line({ name: "a".repeat(121) }), ["name"]],
    ["an organisation of another space", line({ organisationId: "8" }), ["organisation"]],
    ["only the disability box ticked", { ...empty, disability: true }, ["name", "sex", "ageGroup"]],
  ] as const)("%s", (_, raw, problems) => {
    const read = readSheetLines([empty, raw], orgs);
    expect(read.problems).toEqual(problems.length ? [{ line: 2, problems }] : []);
    expect(read.lines).toHaveLength(problems.length ? 0 : 1);
  });

  it("skips blank lines, keeps line numbers, reads prefers-not-to-say as not stated", () => {
    const read = readSheetLines([empty, line({ name: "  Anne   Joseph ", sex: "unstated", organisationId: "7", disability: true }), empty], orgs);
    expect(read).toEqual({ lines: [{ line: 2, name: "Anne Joseph", sex: null, ageGroup: "25_35", disability: true, organisationId: 7 }], problems: [] });
  });
});
