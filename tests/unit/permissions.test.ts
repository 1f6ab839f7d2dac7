import { describe, expect, it } from "vitest";
import { can, isAdmin, rolesIn, type PermissionAction, type Subjects } from "../../app/modules/auth/permissions";
import type { Actor } from "../../app/modules/auth/roles";
import { documentAccess } from "../../app/modules/realtime/access";
import { documentName, parseDocumentName } from "../../app/modules/realtime/document-names";

const admin: Actor = { userId: "a", grants: [{ role: "admin", spaceId: null }] };
const facilitator: Actor = { userId: "f", grants: [{ role: "facilitator", spaceId: 1 }] };
const delegate: Actor = { userId: "d", grants: [{ role: "delegate", spaceId: 1 }] };
const stranger: Actor = { userId: "s", grants: [{ role: "delegate", spaceId: 2 }] };

describe("permissions", () => {
  it("keeps geography and accounts to administrators", () => {
    expect(can(admin, "geography.edit")).toBe(true);
    expect(can(facilitator, "geography.edit")).toBe(false);
    expect(can(null, "accounts.manage")).toBe(false);
    expect(can(admin, "accounts.manage")).toBe(true);
  });

  it("scopes facilitation to the facilitator's own space", () => {
    expect(can(facilitator, "space.facilitate", { spaceId: 1 })).toBe(true);
    expect(can(facilitator, "space.facilitate", { spaceId: 2 })).toBe(false);
    expect(can(delegate, "space.facilitate", { spaceId: 1 })).toBe(false);
    expect(can(admin, "space.facilitate", { spaceId: 2 })).toBe(true);
  });

  it("reads roles per space", () => {
    expect(isAdmin(admin)).toBe(true);
    expect(rolesIn(delegate, 1)).toEqual(["delegate"]);
    expect(rolesIn(delegate, 2)).toEqual([]);
  });
});

describe("every role against every action", () => {
  const seat = (kind: "titular" | "substitute") => [{ spaceId: 1, organisationId: 10, seat: kind, fromDate: "2026-01-01", toDate: null }];
  const actors: Record<string, Actor | null> = {
    anonymous: null,
    admin,
    facilitator,
    titular: { userId: "t", grants: [{ role: "delegate", spaceId: 1 }], personId: 1, seats: seat("titular"), mandates: [] },
    substitute: { userId: "u", grants: [{ role: "delegate", spaceId: 1 }], personId: 2, seats: seat("substitute"), mandates: [] },
    official: { userId: "o", grants: [{ role: "official", spaceId: 1 }], personId: 3, seats: [], mandates: [{ authorityId: 7, communeCode: "HT0313", start: "2023-01-01", end: "2027-12-31" }] },
    observer: { userId: "b", grants: [{ role: "observer", spaceId: 1 }] },
    otherFacilitator: { userId: "g", grants: [{ role: "facilitator", spaceId: 2 }] },
    stranger,
  };
  type Cell = { [A in PermissionAction]: Subjects[A] extends void ? [A] : [A, Subjects[A]] }[PermissionAction];
  const columns: Cell[] = [
    ["geography.edit"],
    ["accounts.manage"],
    ["space.manage"],
    ["space.read", { spaceId: 1 }],
    ["space.member", { spaceId: 1 }],
    ["space.facilitate", { spaceId: 1 }],
    ["meeting.see", { spaceId: 1, published: false }],
    ["meeting.see", { spaceId: 1, published: true }],
    ["meeting.run", { spaceId: 1 }],
    ["meeting.attend", { spaceId: 1 }],
    ["organisation.speakFor", { spaceId: 1, organisationId: 10, on: "2026-06-01" }],
    ["organisation.speakFor", { spaceId: 1, organisationId: 10, on: "2026-06-01", seat: "titular" }],
    ["organisation.speakFor", { spaceId: 1, organisationId: 10, on: "2025-12-31" }],
    ["organisation.speakFor", { spaceId: 1, organisationId: 11, on: "2026-06-01" }],
    ["authority.answerFor", { authorityId: 7, on: "2026-06-01" }],
    ["authority.answerFor", { authorityId: 7, on: "2028-01-01" }],
    ["authority.answerFor", { authorityId: 8, on: "2026-06-01" }],
  ];
  // One character per column above: 1 allowed, 0 refused.
  const expected: Record<keyof typeof actors, string> = {
    anonymous: /*       */ "00010001000000000",
    admin: /*           */ "11111111110000000",
    facilitator: /*     */ "00011111110000000",
    titular: /*         */ "00011011011100000",
    substitute: /*      */ "00011011011000000",
    official: /*        */ "00011011010000100",
    observer: /*        */ "00011011010000000",
    otherFacilitator: /**/ "00010001000000000",
    stranger: /*        */ "00010001000000000",
  };
  for (const [name, actor] of Object.entries(actors)) {
    it(`decides each action for ${name}`, () => {
      const got = columns.map(([action, subject]) => ((can as (a: Actor | null, action: string, s?: unknown) => boolean)(actor, action, subject) ? "1" : "0")).join("");
      expect(got).toBe(expected[name]);
    });
  }
});

describe("realtime documents", () => {
  it("parses only known document names", () => {
    expect(parseDocumentName("space:12:notes")).toEqual({ kind: "space-notes", spaceId: 12 });
    expect(documentName({ kind: "space-notes", spaceId: 12 })).toBe("space:12:notes");
    expect(parseDocumentName("meeting:3:minutes")).toEqual({ kind: "meeting-minutes", meetingId: 3 });
    expect(documentName({ kind: "meeting-live", meetingId: 3 })).toBe("meeting:3:live");
    for (const bad of ["space:0:notes", "space:x:notes", "space:1:other", "meeting:1:secret", "meeting:01:live", "", "space:1:notes:extra", `space:${"9".repeat(300)}:notes`]) {
      expect(parseDocumentName(bad)).toBeNull();
    }
  });

  it("lets facilitators write, members read, others nothing", () => {
    const notes = { kind: "space-notes", spaceId: 1 } as const;
    const facts = { spaceId: 1 };
    expect(documentAccess(facilitator, notes, facts)).toBe("write");
    expect(documentAccess(admin, notes, facts)).toBe("write");
    expect(documentAccess(delegate, notes, facts)).toBe("read");
    expect(documentAccess(stranger, notes, facts)).toBe("none");
    expect(documentAccess(null, notes, facts)).toBe("none");
  });

  it("freezes minutes when they are approved (not when the meeting closes), and lets nobody write the live state", () => {
    const minutes = { kind: "meeting-minutes", meetingId: 5 } as const;
    const live = { kind: "meeting-live", meetingId: 5 } as const;
    expect(documentAccess(facilitator, minutes, { spaceId: 1, meetingStatus: "live" })).toBe("write");
    expect(documentAccess(facilitator, minutes, { spaceId: 1, meetingStatus: "closed", minutesApproved: false })).toBe("write");
    expect(documentAccess(delegate, minutes, { spaceId: 1, meetingStatus: "closed", minutesApproved: false })).toBe("read");
    expect(documentAccess(facilitator, minutes, { spaceId: 1, meetingStatus: "closed", minutesApproved: true })).toBe("read");
    expect(documentAccess(facilitator, minutes, { spaceId: 1, meetingStatus: "cancelled" })).toBe("read");
    expect(documentAccess(delegate, minutes, { spaceId: 1, meetingStatus: "live" })).toBe("read");
    expect(documentAccess(stranger, minutes, { spaceId: 1, meetingStatus: "live" })).toBe("none");
    expect(documentAccess(admin, live, { spaceId: 1, meetingStatus: "live" })).toBe("read");
    expect(documentAccess(facilitator, live, { spaceId: 1, meetingStatus: "live" })).toBe("read");
    expect(documentAccess(stranger, live, { spaceId: 1, meetingStatus: "live" })).toBe("none");
  });

  it("shows the console's document to facilitators only, and the screen's link opens the live state alone", () => {
    const console_ = { kind: "meeting-console", meetingId: 5 } as const;
    const live = { kind: "meeting-live", meetingId: 5 } as const;
    const facts = { spaceId: 1, meetingStatus: "live" as const, screenToken: "t".repeat(22) };
    expect(documentAccess(facilitator, console_, facts)).toBe("read");
    expect(documentAccess(admin, console_, facts)).toBe("read");
    expect(documentAccess(delegate, console_, facts)).toBe("none");
    expect(documentAccess(null, console_, facts, { screenToken: facts.screenToken })).toBe("none");
    expect(documentAccess(null, live, facts, { screenToken: facts.screenToken })).toBe("read");
    expect(documentAccess(null, live, facts, { screenToken: "u".repeat(22) })).toBe("none");
  });
});
