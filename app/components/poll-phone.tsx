import { useEffect, useState, type FormEvent } from "react";
import type { MessageKey, Translate } from "../modules/i18n/translate";
import type { RoomPoll, VoteView } from "../modules/live/projections";
import { BALLOT_CHOICES, takesPhoneBallots, type BallotChoice } from "../modules/polls/methods";
import { rulesWords } from "../modules/polls/words";
import { isAmendmentHtml, motionLabel, VoteCountdown, VoteResult } from "./poll-parts";
import type { CommandReply } from "./realtime.client";

/** This phone's ballot in the open poll, as the server sees it: may it vote, has it, and why not. */
export interface BallotStatusView {
  pollId: number;
  canVote: boolean;
  voted: boolean;
  refusal: MessageKey | null;
}

interface Ballot {
  pollId: number;
  choice: BallotChoice;
}

/** The server's answer to this phone's ballot: counted (null), or why not. */
export interface BallotAnswer {
  pollId: number;
  refusal: MessageKey | null;
}

type Command = (name: string, input: Record<string, string>) => Promise<CommandReply> | null;

/** After a ballot got no answer (the socket dropped on the way), the wait before sending it again. */
const RETRY_MS = 3_000;
/** Online with no socket for this long (a network that blocks WebSockets): the ballot goes as the page's form. */
const FORM_FALLBACK_MS = 4_000;

/*
 * The outbox survives a reload of the tab (a page that comes back online reloads itself) in
 * sessionStorage, which is this tab's alone and goes with it; it is cleared as soon as the
 * server answers. It is kept per meeting and per account: on a phone passed from hand to hand,
 * one delegate's ballot is never sent as another's. The choice is never in a URL, a log or
 * anything sent but the ballot.
 */
type Outbox = { meetingId: number; userId: string };
const outboxKey = ({ meetingId, userId }: Outbox) => `makon:ballot:${meetingId}:${userId}`;

function readOutbox(outbox: Outbox): Ballot | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(outboxKey(outbox)) ?? "null") as Partial<Ballot> | null;
    return kept && typeof kept.pollId === "number" && BALLOT_CHOICES.includes(kept.choice as BallotChoice) ? (kept as Ballot) : null;
  } catch {
    return null;
  }
}

function writeOutbox(outbox: Outbox, ballot: Ballot | null): void {
  try {
    if (ballot) sessionStorage.setItem(outboxKey(outbox), JSON.stringify(ballot));
    else sessionStorage.removeItem(outboxKey(outbox));
  } catch {
    // Storage refused (private mode, full): the ballot stays in memory only.
  }
}

/**
 * A phone's ballot and its outbox. A tap puts the ballot in the outbox; it goes on the
 * meeting's socket as soon as the socket is open and the device online, and stays there until
 * the server answers — after a drop, or no answer, it is sent again (the server answers a
 * ballot already counted "counted", and counts it once). The poll's close is the deadline: a
 * ballot that arrives after it is answered "closed", and that is what the phone says.
 */
export function useBallot({
  outbox,
  poll,
  connected,
  command,
  post,
  initialStatus,
  formAnswer,
}: {
  outbox: Outbox;
  poll: RoomPoll | null;
  connected: boolean;
  command: Command;
  /** Posts the ballot as the page's form (no idempotency key): the page comes back with its answer. */
  post: (ballot: Ballot) => void;
  initialStatus: BallotStatusView | null;
  formAnswer: BallotAnswer | null;
}) {
  const [status, setStatus] = useState(initialStatus);
  const [answer, setAnswer] = useState<BallotAnswer | null>(formAnswer);
  const [pending, setPending] = useState<Ballot | null>(null);
  const settle = (pollId: number) => {
    if (readOutbox(outbox)?.pollId === pollId) writeOutbox(outbox, null);
    setPending((p) => (p?.pollId === pollId ? null : p));
  };
  // A ballot posted as the form has its answer in the page that comes back: counted (the page's own status) or refused.
  useEffect(() => {
    if (initialStatus) setStatus(initialStatus);
    if (initialStatus?.voted) settle(initialStatus.pollId);
  }, [initialStatus]);
  useEffect(() => {
    if (formAnswer) setAnswer(formAnswer);
    if (formAnswer) settle(formAnswer.pollId);
  }, [formAnswer]);
  const [sending, setSending] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const { meetingId, userId } = outbox;
  useEffect(() => setPending(readOutbox({ meetingId, userId })), [meetingId, userId]);
  // The network's return: the outbox goes at once, whether or not the socket noticed the drop.
  useEffect(() => {
    const again = () => setAttempt((n) => n + 1);
    window.addEventListener("online", again);
    return () => window.removeEventListener("online", again);
  }, []);

  // A poll opened while this page was open: the live document is the same for every phone, so it asks for its own ballot.
  const votingPoll = poll && poll.state === "open" && takesPhoneBallots(poll.method) ? poll.id : null;
  useEffect(() => {
    if (votingPoll === null || !connected || status?.pollId === votingPoll) return;
    void command("ballot-status", {})?.then((reply) => {
      const value = reply.value as BallotStatusView | null | undefined;
      if (!reply.error && value) setStatus(value);
    });
  }, [votingPoll, connected, status?.pollId]);

  // Online, but no socket (a proxy or portal that blocks WebSockets): after a while, the form.
  useEffect(() => {
    if (!pending || sending || connected) return;
    const timer = setTimeout(() => {
      if (navigator.onLine) post(pending);
    }, FORM_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [pending, sending, connected, attempt]);

  useEffect(() => {
    if (!pending || sending || !connected) return;
    const sent = command("ballot", { pollId: String(pending.pollId), choice: pending.choice });
    // Offline: it waits for the network's return.
    if (!sent) return;
    setSending(true);
    void sent.then((reply) => {
      setSending(false);
      if (reply.error === "live.error.noReply") {
        // Perhaps counted, perhaps not: sent again, which is harmless either way.
        setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
        return;
      }
      writeOutbox(outbox, null);
      setPending(null);
      setAnswer({ pollId: pending.pollId, refusal: reply.error });
      if (!reply.error) setStatus((s) => (s && s.pollId === pending.pollId ? { ...s, canVote: false, voted: true } : s));
    });
  }, [pending, connected, attempt]);

  const vote = (choice: BallotChoice) => {
    if (votingPoll === null) return;
    const ballot = { pollId: votingPoll, choice };
    writeOutbox(outbox, ballot);
    setAnswer(null);
    setPending(ballot);
  };
  return { status, answer, pending, sending, vote };
}

type Phase = { kind: "ballot" } | { kind: "counted" } | { kind: "refused"; reason: MessageKey } | { kind: "waiting" } | { kind: "sending" } | { kind: "none" };
type Ballots = ReturnType<typeof useBallot>;

/** Where this phone stands in the poll shown, answers first: the server's word wins over what the phone holds. */
function phaseOf(poll: RoomPoll, ballot: Ballots): Phase {
  const mine = <T extends { pollId: number }>(x: T | null): x is T => x !== null && x.pollId === poll.id;
  if (mine(ballot.answer)) return ballot.answer.refusal ? { kind: "refused", reason: ballot.answer.refusal } : { kind: "counted" };
  if (mine(ballot.status) && ballot.status.voted) return { kind: "counted" };
  if (mine(ballot.pending)) return ballot.sending ? { kind: "sending" } : { kind: "waiting" };
  if (poll.state !== "open" || !takesPhoneBallots(poll.method)) return { kind: "none" };
  // A hybrid poll once its hands are counted: the phones have had their turn.
  if (!poll.phonesOpen) return { kind: "refused", reason: "polls.error.phonesClosed" };
  if (mine(ballot.status) && !ballot.status.canVote && ballot.status.refusal) return { kind: "refused", reason: ballot.status.refusal };
  return { kind: "ballot" };
}

/** A ballot for a poll the room no longer shows (the facilitator moved on): still waiting, or refused — said all the same. */
function earlierPhase(poll: RoomPoll | null, ballot: Ballots): Phase | null {
  if (ballot.pending && ballot.pending.pollId !== poll?.id) return ballot.sending ? { kind: "sending" } : { kind: "waiting" };
  if (ballot.answer?.refusal && ballot.answer.pollId !== poll?.id) return { kind: "refused", reason: ballot.answer.refusal };
  return null;
}

/** What became of this phone's ballot: counted (never which choice), refused and why, or on its way. */
function BallotLine({ phase, t }: { phase: Phase; t: Translate }) {
  switch (phase.kind) {
    case "counted":
      return (
        <p className="phone-ballot-answer counted" role="status" data-testid="ballot-answer">
          {t("polls.counted")}
        </p>
      );
    case "refused":
      return (
        <p className="phone-ballot-answer refused" role="alert" data-testid="ballot-answer">
          {t(phase.reason)}
        </p>
      );
    case "waiting":
    case "sending":
      return (
        <p className="phone-ballot-answer waiting" role="status" data-testid="ballot-answer">
          {t(phase.kind === "waiting" ? "live.vote.waiting" : "live.vote.sending")}
        </p>
      );
    default:
      return null;
  }
}

/**
 * The vote on a delegate's phone: while a poll is open, its question, motion, rule, how many
 * have voted and the countdown, and three buttons a thumb can hit; then what became of this
 * phone's ballot (counted, never which choice; or why not). Once closed, the result until the
 * next item; otherwise the motion under discussion. The buttons are a plain form posting to the
 * page (no idempotency key: a ballot's body holds its choice, decision 0007), which a phone
 * without JavaScript sends as it is.
 */
export function PhoneVote({ vote, ballot, action, now, t }: { vote: VoteView | null; ballot: Ballots; action: string; now: number; t: Translate }) {
  const poll = vote?.poll ?? null;
  const earlier = earlierPhase(poll, ballot);
  const earlierLine = earlier ? <BallotLine phase={earlier} t={t} /> : null;
  if (!poll)
    return (
      <>
        {earlierLine}
        {vote?.motion ? <PhoneMotion motion={vote.motion} t={t} /> : null}
      </>
    );
  const phase = phaseOf(poll, ballot);
  const open = poll.state === "open";
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const choice = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    if (BALLOT_CHOICES.includes(choice as BallotChoice)) ballot.vote(choice as BallotChoice);
  };
  return (
    <section aria-labelledby="phone-vote" className={`phone-block phone-vote ${open ? "open" : "closed"}`} data-testid="phone-vote">
      <h2 id="phone-vote" className="phone-label">
        {t(open ? "live.vote.open" : "live.vote.closed")}
      </h2>
      {earlierLine}
      {poll.motion ? <p className="phone-vote-motion">{motionLabel(poll.motion)}</p> : null}
      <p className="phone-big" data-testid="phone-question">
        {poll.question}
      </p>
      {open ? (
        <>
          <p className="phone-vote-rule">{rulesWords(poll.rules, poll.method, t)}</p>
          {!poll.quorum.met ? <p className="phone-vote-warning">{t("live.vote.quorumMissed", { present: poll.quorum.organisationsPresent, of: poll.quorum.organisations })}</p> : null}
          {takesPhoneBallots(poll.method) ? (
            <p className="phone-vote-count" data-testid="phone-voted">
              {t("live.vote.votedOf", { count: poll.votedByPhone, of: poll.eligible })}
            </p>
          ) : (
            <p>{t("live.vote.inRoom")}</p>
          )}
          {poll.closesAt !== null ? <VoteCountdown openedAt={poll.openedAt} closesAt={poll.closesAt} now={now} t={t} /> : null}
        </>
      ) : null}
      {phase.kind === "ballot" ? (
        <form method="post" action={action} onSubmit={submit} className="phone-ballot" aria-label={t("live.vote.yourBallot")}>
          <input type="hidden" name="intent" value="ballot" />
          <input type="hidden" name="pollId" value={poll.id} />
          {BALLOT_CHOICES.map((choice) => (
            <button key={choice} type="submit" name="choice" value={choice} className={`phone-ballot-button phone-ballot-${choice}`}>
              {t(`polls.choice.${choice}`)}
            </button>
          ))}
        </form>
      ) : (
        <BallotLine phase={phase} t={t} />
      )}
      {open ? <p className="muted phone-vote-hidden">{t("live.vote.splitHidden")}</p> : <VoteResult poll={poll} t={t} />}
    </section>
  );
}

/** The motion or amendment the current item puts to the meeting, its text folded away. */
function PhoneMotion({ motion, t }: { motion: NonNullable<VoteView["motion"]>; t: Translate }) {
  return (
    <section aria-labelledby="phone-motion" className="phone-block phone-motion" data-testid="phone-motion">
      <h2 id="phone-motion" className="phone-label">
        {t("live.motion.label")}
      </h2>
      <p className="phone-big">{motionLabel(motion)}</p>
      <details>
        <summary>{t("live.motion.readText")}</summary>
        {isAmendmentHtml(motion.html) ? <p className="muted">{t("live.motion.amendmentLegend")}</p> : null}
        <div className="motion-text" dangerouslySetInnerHTML={{ __html: motion.html }} />
      </details>
    </section>
  );
}
