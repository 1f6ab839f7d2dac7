import { describe, expect, it } from "vitest";
import { ownerIndex, ownerKeyOf, ownerKeyOfPath, processNamedIn } from "../../server/processes/owners";

describe("which process owns a request", () => {
  it("names a meeting from its pages, its self check-in and its documents' sockets", () => {
    expect(ownerKeyOfPath("/espaces/3/reunions/42")).toBe("meeting:42");
    expect(ownerKeyOfPath("/espaces/3/reunions/42/console.data?x=1")).toBe("meeting:42");
    expect(ownerKeyOfPath("/espaces/3/reunions/42.data")).toBe("meeting:42");
    expect(ownerKeyOfPath("/arrivee/42")).toBe("meeting:42");
    expect(ownerKeyOfPath("/realtime/meeting%3A42%3Alive")).toBe("meeting:42");
    expect(ownerKeyOfPath("/realtime/meeting:42:minutes?ecran=abc")).toBe("meeting:42");
  });

  it("names a report and a space from their shared documents, and nothing from other pages", () => {
    expect(ownerKeyOfPath("/rapports/7/imprimer")).toBe("report:7");
    expect(ownerKeyOfPath("/realtime/report:7:summary")).toBe("report:7");
    expect(ownerKeyOfPath("/realtime/space:5:notes")).toBe("space:5");
    expect(ownerKeyOf({ kind: "space-notes", spaceId: 5 })).toBe("space:5");
    for (const path of ["/", "/espaces/3", "/espaces/3/reunions/nouvelle", "/espaces/3/reunions/42x", "/rapports/nouveau", "/realtime/meeting:42:other", "/realtime/%E0%A4%A", "/build/app.js"]) {
      expect(ownerKeyOfPath(path), path).toBeNull();
    }
  });

  it("spreads meetings over the processes the same way every time", () => {
    const counts = [0, 0, 0];
    for (let id = 1; id <= 300; id++) counts[ownerIndex(`meeting:${id}`, 3)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(70);
    expect(ownerIndex("meeting:42", 3)).toBe(ownerIndex("meeting:42", 3));
    expect(ownerIndex("meeting:42", 1)).toBe(0);
  });

  it("lets a monitor on the machine reach one process's /healthz", () => {
    expect(processNamedIn("/healthz?process=1", 2)).toBe(1);
    expect(processNamedIn("/healthz?process=2", 2)).toBeNull();
    expect(processNamedIn("/healthz", 2)).toBeNull();
  });
});
