import { describe, expect, it } from "vitest";
import { can, isAdmin, rolesIn } from "../../app/modules/auth/permissions";
import type { Actor } from "../../app/modules/auth/roles";
import { canRead, canWrite, documentAccess } from "../../app/modules/realtime/access";
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
    for (const bad of ["space:0:notes", "space:x:notes", "space:1:other", "meeting:1:secret", "", "space:1:notes:extra", `space:${"9".repeat(300)}:notes`]) {
      expect(parseDocumentName(bad)).toBeNull();
    }
  });

  it("lets facilitators write, members read, others nothing", () => {
    const notes = { kind: "space-notes", spaceId: 1 } as const;
    expect(documentAccess(facilitator, notes)).toBe("write");
    expect(documentAccess(admin, notes)).toBe("write");
    expect(documentAccess(delegate, notes)).toBe("read");
    expect(canWrite(delegate, notes)).toBe(false);
    expect(canRead(stranger, notes)).toBe(false);
    expect(canRead(null, notes)).toBe(false);
  });
});
