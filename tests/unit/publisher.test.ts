import { describe, expect, it } from "vitest";
import type { DocumentRef } from "../../app/modules/realtime/document-names";
import type { RealtimeHub } from "../../server/realtime/hub";
import { createRealtimePort } from "../../server/realtime/publisher";

/** A hub that notes what the port asks of it. */
function recordingHub() {
  const calls: { how: string; key?: string; refs: readonly DocumentRef[]; scope?: string; when?: string }[] = [];
  const hub = {
    refresh: (refs: readonly DocumentRef[], scope?: string) => calls.push({ how: "now", refs, scope }),
    refreshSoon: (burst: string, key: string, refs: readonly DocumentRef[], scope?: string, when?: string) => calls.push({ how: burst, key, refs, scope, ...(when ? { when } : {}) }),
    reauthorize: () => calls.push({ how: "reauthorize", refs: [] }),
  };
  return { hub: hub as unknown as RealtimeHub, calls };
}

describe("what screens follow from a command's events", () => {
  it("gives a check-in to the console within its rush's half-seconds, and to the room's phones and screen every two seconds at most", () => {
    const { hub, calls } = recordingHub();
    createRealtimePort(hub).publish([
      { type: "attendance.changed", meetingId: 4 },
      { type: "attendance.changed", meetingId: 5 },
    ]);
    // Each meeting's bursts are folded apart from another's.
    expect(calls).toEqual([
      { how: "attendance", key: "console:4", refs: [{ kind: "meeting-console", meetingId: 4 }], scope: undefined },
      { how: "headcount", key: "live:4", refs: [{ kind: "meeting-live", meetingId: 4 }], scope: undefined },
      { how: "attendance", key: "console:5", refs: [{ kind: "meeting-console", meetingId: 5 }], scope: undefined },
      { how: "headcount", key: "live:5", refs: [{ kind: "meeting-live", meetingId: 5 }], scope: undefined },
    ]);
  });

  it("rebuilds both documents at once for a live change, and only the count for a ballot: at once for the last one awaited", () => {
    const { hub, calls } = recordingHub();
    createRealtimePort(hub).publish([
      { type: "live.changed", meetingId: 4, speakers: false },
      { type: "poll.counted", meetingId: 4, allVoted: false },
      { type: "poll.counted", meetingId: 4, allVoted: true },
    ]);
    const both = [
      { kind: "meeting-live", meetingId: 4 },
      { kind: "meeting-console", meetingId: 4 },
    ];
    expect(calls).toEqual([
      { how: "now", refs: both, scope: "screen" },
      { how: "count", key: "poll:4", refs: both, scope: "vote", when: "soon" },
      { how: "count", key: "poll:4", refs: both, scope: "vote", when: "now" },
    ]);
  });
});
