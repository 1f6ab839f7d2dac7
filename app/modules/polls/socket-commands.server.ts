import type { MeetingSocketCommand } from "../live/socket-commands.server";
import { pollMessage } from "./messages";
import { BallotSchema } from "./polls.schemas";
import { myBallot, submitBallot } from "./polls.server";

/**
 * A phone's ballot on its meeting's live socket: the same schema and command as the phone's
 * form. Sent again from the phone's outbox after it was counted, it answers "counted" again,
 * never which choice was counted.
 */
export const ballotCommand: MeetingSocketCommand = (deps, actor, meetingId, input, now) => {
  const parsed = BallotSchema.safeParse(input);
  if (!parsed.success) return { error: "error.invalid" };
  const result = submitBallot(deps, actor, meetingId, parsed.data, now);
  return result.ok ? { error: null, value: result.value } : { error: pollMessage(result.code) };
};

/** Whether this phone may vote in the meeting's open poll, has voted, or why not (the live document is the same for every phone). */
export const ballotStatusCommand: MeetingSocketCommand = (deps, actor, meetingId) => {
  const ballot = myBallot(deps.db, actor, meetingId);
  return { error: null, value: ballot && { pollId: ballot.pollId, canVote: ballot.canVote, voted: ballot.voted, refusal: ballot.refusal && pollMessage(ballot.refusal) } };
};
