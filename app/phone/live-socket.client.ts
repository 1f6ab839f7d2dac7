import type { AttendanceFigures } from "../modules/meetings/attendance-figures";
import { readLiveState } from "../modules/live/live-doc";
import type { RoomCommitment, VoteView } from "../modules/live/projections";
import { commandSender, connectDocument } from "../components/realtime.client";
import type { LiveLink, LiveParts } from "./live-link";

/** The meeting's live document on its socket, as the other pages follow it, read into the parts the phone shows. */
export const liveSocket: LiveLink = {
  open(meetingId, on) {
    const { doc, provider } = connectDocument({ kind: "meeting-live", meetingId });
    const command = commandSender(provider);
    provider.on("status", ({ status }: { status: string }) => on.connected(status === "connected"));
    const live = doc.getMap("live");
    const attendance = doc.getMap("attendance");
    const vote = doc.getMap("vote");
    const commitment = doc.getMap("commitment");
    // One read per server change, however many parts it touched.
    const read = () => {
      const parts: LiveParts = {};
      const state = readLiveState(live);
      if (state) parts.state = state;
      const figures = attendance.get("figures") as AttendanceFigures | undefined;
      if (figures) parts.checkedIn = figures.people.total;
      if (vote.has("poll")) parts.vote = vote.toJSON() as VoteView;
      if (commitment.has("shown")) parts.commitment = commitment.get("shown") as RoomCommitment | null;
      on.change(parts);
    };
    doc.on("afterTransaction", read);
    return {
      command,
      close: () => {
        doc.off("afterTransaction", read);
        provider.destroy();
        doc.destroy();
      },
    };
  },
};
