import { describe, expect, it } from "vitest";
import { can, isAdmin, rolesIn } from "../../app/modules/auth/permissions";
import type { Actor } from "../../app/modules/auth/roles";
import { documentAccess } from "../../app/modules/realtime/access";
import { documentName, parseDocumentName } from "../../app/modules/realtime/document-names";

const admin: Actor = { userId: "a", grants: [{ role: "admin", spaceId: null }] };
const facilitator: Actor = { userId: "f", grants: [{ role: "facilitator", spaceId: 1 }] };
const delegate: Actor = { userId: "d", grants: [{ role: "delegate", spaceId: 1 }] };
const stranger: Actor = { userId: "s", grants: [{ role: "delegate", spaceId: 2 }] };

describe("permissions", () => {
  it("keeps geography and accounts to administrators", () => {
    expect(can(admin, { type: "geography.edit" })).toBe(true);
    expect(can(facilitator, { type: "geography.edit" })).toBe(false);
    expect(can(null, { type: "accounts.manage" })).toBe(false);
    expect(can(admin, { type: "accounts.manage" })).toBe(true);
  });

  it("scopes facilitation to the facilitator's own space", () => {
    expect(can(facilitator, { type: "space.facilitate", spaceId: 1 })).toBe(true);
    expect(can(facilitator, { type: "space.facilitate", spaceId: 2 })).toBe(false);
    expect(can(delegate, { type: "space.facilitate", spaceId: 1 })).toBe(false);
    expect(can(admin, { type: "space.facilitate", spaceId: 2 })).toBe(true);
  });

  it("reads roles per space", () => {
    expect(isAdmin(admin)).toBe(true);
    expect(rolesIn(delegate, 1)).toEqual(["delegate"]);
    expect(rolesIn(delegate, 2)).toEqual([]);
  });
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

  it("freezes minutes when the meeting closes, and lets nobody write the live state", () => {
    const minutes = { kind: "meeting-minutes", meetingId: 5 } as const;
    const live = { kind: "meeting-live", meetingId: 5 } as const;
    expect(documentAccess(facilitator, minutes, { spaceId: 1, meetingStatus: "live" })).toBe("write");
    expect(documentAccess(facilitator, minutes, { spaceId: 1, meetingStatus: "closed" })).toBe("read");
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
