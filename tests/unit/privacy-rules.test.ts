import { describe, expect, it } from "vitest";
import { emptyTotals, SPEAKING_GROUPS, type SpeakingTotals } from "../../app/modules/live/speaking-time";
import { attendanceFigures } from "../../app/modules/meetings/attendance-figures";
import { figuresFor, parityShares, speakingTotalsFor, turnsFor, type AttendeeRecord, type TurnRecord } from "../../app/modules/meetings/views";
import { composition, compositionFor } from "../../app/modules/spaces/composition";
import { AGE_KEYS, SEX_KEYS, tallyBySexAndAge } from "../../app/modules/people/disaggregation";
import type { AgeGroupId } from "../../app/modules/people/age-groups";
import { maskTally, sexAgeGroups, suppressCells, unnamedCount, type CountCell, type SumGroup } from "../../app/modules/people/privacy";
import type { Sex } from "../../app/modules/people/sex";

/**
 * The public's figures about people: cells of 1 to 4 are "< 5", and no masked cell can be
 * worked out by subtraction from a total that is shown (secondary suppression).
 */

/** The groups a masked cell could be recovered from: exactly one hidden member among a group and its total. */
function recoverable(cells: Record<string, CountCell>, groups: readonly SumGroup[]): string[] {
  return groups
    .map((g) => [...g.parts, g.total])
    .filter((members) => members.filter((k) => typeof cells[k] !== "number").length === 1)
    .map((members) => members.join("+"));
}

/** A table with rows r1…, columns c1…, their margins and a grand total, and its groups. */
function table(rows: number[][]): { values: Record<string, number>; groups: SumGroup[] } {
  const values: Record<string, number> = {};
  const groups: SumGroup[] = [];
  let total = 0;
  rows.forEach((row, i) => {
    row.forEach((v, j) => (values[`r${i + 1}c${j + 1}`] = v));
    values[`r${i + 1}`] = row.reduce((a, b) => a + b, 0);
    total += values[`r${i + 1}`]!;
    groups.push({ total: `r${i + 1}`, parts: row.map((_, j) => `r${i + 1}c${j + 1}`) });
  });
  rows[0]!.forEach((_, j) => {
    values[`c${j + 1}`] = rows.reduce((a, row) => a + row[j]!, 0);
    groups.push({ total: `c${j + 1}`, parts: rows.map((_, i) => `r${i + 1}c${j + 1}`) });
  });
  values.T = total;
  groups.push({ total: "T", parts: rows.map((_, i) => `r${i + 1}`) }, { total: "T", parts: rows[0]!.map((_, j) => `c${j + 1}`) });
  return { values, groups };
}

/** The naive rule: each cell alone, 1 to 4 shown "< 5". */
const naive = (values: Record<string, number>): Record<string, CountCell> => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v > 0 && v < 5 ? "<5" : v]));

describe("secondary suppression", () => {
  const cases: { name: string; rows: number[][]; hidden: Record<string, CountCell> }[] = [
    {
      name: "one small cell in a row: the smallest other non-zero cell of the row goes too",
      rows: [[3, 10, 7]],
      // The row is also its column margins' group: c1 = r1c1 etc. (one row), so the columns follow.
      hidden: { r1c1: "<5", r1c3: "hidden", c1: "<5", c3: "hidden" },
    },
    {
      name: "zero stays zero, and is never the cell hidden in its place",
      rows: [[3, 0, 12]],
      // Each column is one cell here: c1 is "< 5" with its cell, c3 is hidden with its cell.
      hidden: { r1c1: "<5", r1c3: "hidden", c1: "<5", c3: "hidden" },
    },
    {
      name: "rows and columns interact: hiding in a row leaves a column with one hidden cell, until stable",
      rows: [
        [2, 8],
        [6, 9],
      ],
      hidden: { r1c1: "<5", r1c2: "hidden", r2c1: "hidden", r2c2: "hidden" },
    },
    {
      name: "a small margin is protected among the margins",
      rows: [
        [0, 3],
        [12, 10],
      ],
      // r1 = 3 = r1c2: column c2 (13) loses r2c2; the row margins (25) lose r2. What is left
      // says r1c2 + r2c2 = 13, and no more.
      hidden: { r1c2: "<5", r1: "<5", r2: "hidden", r2c2: "hidden" },
    },
    {
      name: "two small cells in a row need nothing more in that row",
      rows: [
        [2, 3, 20],
        [10, 10, 10],
      ],
      hidden: { r1c1: "<5", r1c2: "<5", r2c1: "hidden", r2c2: "hidden" },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { values, groups } = table(c.rows);
      // The naive rule leaked: some masked cell is its total minus the others.
      expect(recoverable(naive(values), groups).length).toBeGreaterThan(0);
      const cells = suppressCells(values, groups);
      const masked = Object.fromEntries(Object.entries(cells).filter(([, v]) => typeof v !== "number"));
      expect(masked).toEqual(c.hidden);
      expect(recoverable(cells, groups)).toEqual([]);
      // What is shown is shown as counted.
      for (const [k, v] of Object.entries(cells)) if (typeof v === "number") expect(v).toBe(values[k]);
    });
  }

  it("masks nothing when every cell is 0 or at least five", () => {
    for (const rows of [[[5, 0, 12]], [[5, 6], [7, 0]], [[0, 0], [0, 0]], [[40, 5, 9], [5, 5, 5]]]) {
      const { values, groups } = table(rows);
      expect(suppressCells(values, groups)).toEqual(values);
    }
  });

  it("never hides a fixed cell (one everybody can count on the page)", () => {
    const cells = suppressCells({ all: 7, women: 1, men: 6, sexUnstated: 0 }, [{ total: "all", parts: ["women", "men", "sexUnstated"] }], { fixed: ["all"] });
    expect(cells).toEqual({ all: 7, women: "<5", men: "hidden", sexUnstated: 0 });
  });

  it("leaves no cell recoverable by subtraction, on many tables", () => {
    // A small deterministic generator: tables of 3 × 6 with many small cells.
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 9;
    for (let n = 0; n < 300; n++) {
      const { values, groups } = table([0, 1, 2].map(() => [0, 1, 2, 3, 4, 5].map(() => next())));
      expect(recoverable(suppressCells(values, groups), groups)).toEqual([]);
    }
  });
});

const person = (sex: Sex | null, ageGroup: AgeGroupId | null) => ({ sex, ageGroup });
const many = (n: number, sex: Sex | null, ageGroup: AgeGroupId | null) => [...Array(n)].map(() => person(sex, ageGroup));

describe("the public's sex × age table", () => {
  it("hides what would give away a small cell, and the shares of hidden counts", () => {
    // Seven people: six women of 25–35 and one boy. Naively: men "< 5", women 6, total 7.
    const tally = maskTally(tallyBySexAndAge([...many(6, "female", "25_35"), person("male", "u18")]));
    expect(tally.total).toBe(7);
    expect(tally.bySex).toEqual({ female: "hidden", male: "<5", unstated: 0 });
    expect(tally.byAge).toMatchObject({ u18: "<5", "25_35": "hidden", "18_24": 0 });
    expect(tally.bySexAndAge.male.u18).toBe("<5");
    expect(tally.bySexAndAge.female["25_35"]).toBe("hidden");
    // The youth count (18–35) would be the 25–35 column: hidden with it.
    expect(tally.youth).toEqual({ count: "hidden", share: null });
    expect(tally.women).toEqual({ count: "hidden", share: null });
  });

  it("shows everything when every cell is 0 or at least five", () => {
    const people = [...many(5, "female", "25_35"), ...many(6, "male", "36_59"), ...many(5, "female", "60p")];
    const raw = tallyBySexAndAge(people);
    const tally = maskTally(raw);
    expect(tally.total).toBe(16);
    expect(tally.bySex).toEqual(raw.bySex);
    expect(tally.byAge).toEqual(raw.byAge);
    expect(tally.bySexAndAge).toEqual(raw.bySexAndAge);
    expect(tally.women).toEqual(raw.women);
    expect(tally.youth).toEqual(raw.youth);
  });

  it("leaves no cell of the table recoverable from its margins", () => {
    const people = [...many(12, "female", "25_35"), ...many(3, "female", "18_24"), ...many(9, "male", "36_59"), ...many(6, "male", "25_35"), person(null, null)];
    const tally = maskTally(tallyBySexAndAge(people));
    const cells: Record<string, CountCell> = { total: tally.total, youth: tally.youth.count };
    for (const sex of SEX_KEYS) {
      cells[`sex:${sex}`] = tally.bySex[sex];
      for (const age of AGE_KEYS) cells[`cell:${sex}:${age}`] = tally.bySexAndAge[sex][age];
    }
    for (const age of AGE_KEYS) cells[`age:${age}`] = tally.byAge[age];
    expect(recoverable(cells, sexAgeGroups())).toEqual([]);
    expect(tally.bySexAndAge.female["18_24"]).toBe("<5");
    expect(tally.total).toBe(31);
  });

  it("is the one rule of every public page's figures: a space's composition and a meeting's attendance", () => {
    const people = [...many(9, "female", "36_59"), ...many(2, "male", "36_59"), ...many(6, "male", "60p")];
    const space = compositionFor("public", composition({ organisations: [], delegates: people, sectionCodes: [] }));
    const rows = people.map((p, i) => ({ id: i + 1, personId: i + 1, name: `P${i}`, organisationId: null, role: "delegate", disability: i === 0, ...p }));
    const meeting = figuresFor("public", attendanceFigures({ rows, memberOrganisationIds: [], quorumPercent: 50 }));
    for (const tally of [space.delegates, meeting.people]) {
      // Naively the men of 36–59 (2) were 11 − 9 in their column and 8 − 6 in their row.
      expect(tally.bySexAndAge.male).toMatchObject({ "36_59": "<5", "60p": "hidden" });
      expect(tally.bySexAndAge.female["36_59"]).toBe("hidden");
      expect(tally.total).toBe(17);
    }
    expect(meeting.withDisability).toBe("<5");
    // Members read them as counted.
    expect(compositionFor("member", composition({ organisations: [], delegates: people, sectionCodes: [] })).delegates.bySexAndAge.male["36_59"]).toBe(2);
  });

  it("counts the unnamed as they are while the total is shown (the list and the total give them anyway)", () => {
    expect([unnamedCount(3, 12), unnamedCount(0, "<5"), unnamedCount(3, "<5"), unnamedCount(7, "hidden"), unnamedCount(3, "hidden")]).toEqual([3, 0, "<5", "hidden", "<5"]);
  });
});

describe("the public's speaking record", () => {
  const totals = (counts: Partial<Record<(typeof SPEAKING_GROUPS)[number], [turns: number, ms: number]>>): SpeakingTotals => {
    const t = emptyTotals();
    for (const [group, [turns, ms]] of Object.entries(counts) as [keyof typeof counts, [number, number]][]) t[group] = { turns, ms };
    t.all = { turns: t.women.turns + t.men.turns + t.sexUnstated.turns, ms: t.women.ms + t.men.ms + t.sexUnstated.ms };
    return t;
  };

  const cases: { name: string; totals: SpeakingTotals; turns: Record<string, CountCell> }[] = [
    {
      name: "one woman's turn among men's: her count is < 5, the men's hidden, both times left out",
      totals: totals({ women: [1, 60_000], men: [8, 600_000], young: [2, 90_000], notYoung: [7, 570_000] }),
      turns: { women: "<5", men: "hidden", sexUnstated: 0, young: "<5", notYoung: "hidden", ageUnknown: 0, all: 9 },
    },
    {
      name: "groups of five turns or more, shown as counted",
      totals: totals({ women: [5, 300_000], men: [6, 360_000], young: [5, 100_000], notYoung: [6, 560_000] }),
      turns: { women: 5, men: 6, sexUnstated: 0, young: 5, notYoung: 6, ageUnknown: 0, all: 11 },
    },
    {
      name: "two small groups protect each other; the third is shown",
      totals: totals({ women: [2, 60_000], men: [9, 600_000], sexUnstated: [3, 30_000], young: [0, 0], notYoung: [0, 0], ageUnknown: [14, 690_000] }),
      turns: { women: "<5", men: 9, sexUnstated: "<5", young: 0, notYoung: 0, ageUnknown: 14, all: 14 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const view = speakingTotalsFor("public", c.totals);
      expect(Object.fromEntries(Object.entries(view).map(([g, v]) => [g, v.turns]))).toEqual(c.turns);
      for (const [group, v] of Object.entries(view)) expect({ group, ms: v.ms }).toEqual({ group, ms: typeof v.turns === "number" ? c.totals[group as keyof SpeakingTotals].ms : null });
      const shares = parityShares(view);
      for (const group of SPEAKING_GROUPS) expect({ group, known: shares.time[group] !== null }).toEqual({ group, known: typeof view[group].turns === "number" });
    });
  }

  it("gives members and facilitators the totals as counted", () => {
    const counted = totals({ women: [1, 60_000], men: [8, 600_000] });
    expect(speakingTotalsFor("member", counted)).toBe(counted);
    expect(speakingTotalsFor("facilitator", counted)).toBe(counted);
  });

  it("lists an unnamed speaker by place only: no organisation, no time, no duration", () => {
    const attendee = (id: number, extra: Partial<AttendeeRecord>): AttendeeRecord => ({
      id, personId: id, name: `P${id}`, sex: "female", ageGroup: "25_35", disability: false, organisationId: null, role: "delegate", arrivedAt: 1,
      organisationName: "APWOLIM", organisationAcronym: null, namedPublicly: false, birthYear: null, personAgeGroup: null, official: false, ...extra,
    });
    const attendees = [attendee(1, { namedPublicly: true }), attendee(2, {})];
    const turn = (id: number, attendanceId: number, startedAt: number): TurnRecord => ({ id, attendanceId, name: `P${attendanceId}`, organisation: "APWOLIM", item: "Nouvèl", startedAt, ms: 60_000 });
    const turns = [turn(10, 1, 1_000), turn(11, 2, 70_000), turn(12, 1, 140_000)];
    expect(turnsFor("public", turns, attendees, 2026)).toEqual([
      { id: 10, position: 1, name: "P1", organisation: "APWOLIM", item: "Nouvèl", startedAt: 1_000, ms: 60_000 },
      { id: 11, position: 2, name: null, organisation: null, item: "Nouvèl", startedAt: null, ms: null },
      { id: 12, position: 3, name: "P1", organisation: "APWOLIM", item: "Nouvèl", startedAt: 140_000, ms: 60_000 },
    ]);
    for (const audience of ["member", "facilitator"] as const) {
      expect(turnsFor(audience, turns, attendees, 2026)[1]).toEqual({ id: 11, position: 2, name: "P2", organisation: "APWOLIM", item: "Nouvèl", startedAt: 70_000, ms: 60_000 });
    }
  });
});
