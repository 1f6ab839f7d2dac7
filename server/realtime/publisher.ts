import type { DocumentRef } from "../../app/modules/realtime/document-names";
import { meetingOf, reportOf } from "../../app/modules/realtime/document-names";
import type { DomainEvent, RealtimePort } from "../../app/modules/realtime/port";
import type { RealtimeHub } from "./hub";

const meetingProjections = (meetingId: number): DocumentRef[] => [
  { kind: "meeting-live", meetingId },
  { kind: "meeting-console", meetingId },
];

/**
 * The one place where what commands did becomes what screens show: projections rebuilt,
 * and access decided again for the sockets whose subject changed.
 */
export function createRealtimePort(hub: RealtimeHub): RealtimePort {
  return {
    publish(events: readonly DomainEvent[]): void {
      for (const event of events) {
        switch (event.type) {
          case "meeting.opened":
          case "meeting.closed":
          case "meeting.cancelled":
            hub.reauthorize((ref) => meetingOf(ref) === event.meetingId);
            hub.refresh(meetingProjections(event.meetingId));
            break;
          case "meeting.planChanged":
            hub.refresh(meetingProjections(event.meetingId));
            break;
          case "live.changed":
            hub.refresh(meetingProjections(event.meetingId), event.speakers === false ? "screen" : "live");
            break;
          case "motion.changed":
          case "commitment.changed":
          case "poll.changed":
            // The attendance figures did not move: they are not counted again.
            hub.refresh(meetingProjections(event.meetingId), "live");
            break;
          case "poll.counted":
            // 200 phones voting within two seconds: the count is rewritten once a second, from the latest; the last ballot's at once.
            hub.refreshSoon("count", `poll:${event.meetingId}`, meetingProjections(event.meetingId), "vote", event.allVoted ? "now" : "soon");
            break;
          case "attendance.changed": {
            // The console's list and figures follow a rush closely; the room's headcount more calmly.
            hub.refreshSoon("attendance", `console:${event.meetingId}`, [{ kind: "meeting-console", meetingId: event.meetingId }]);
            hub.refreshSoon("headcount", `live:${event.meetingId}`, [{ kind: "meeting-live", meetingId: event.meetingId }]);
            break;
          }
          case "report.changed":
            hub.reauthorize((ref) => reportOf(ref) === event.reportId);
            break;
          case "access.changed":
            hub.reauthorize((_ref, credentials) => credentials.userId === event.userId);
            break;
          case "session.ended":
            hub.reauthorize((_ref, credentials) => credentials.sessionId === event.sessionId);
            break;
        }
      }
    },
    readText: (ref, root) => hub.read(ref, (doc) => doc.getText(root).toString()),
    seedText(ref, root, text) {
      hub.change(ref, (doc) => {
        const body = doc.getText(root);
        if (body.length === 0) body.insert(0, text());
      });
    },
  };
}
