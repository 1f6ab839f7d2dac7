import { data as withStatus, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { maskCount } from "../modules/people/privacy";
import { Countdown, ParityBar, useLiveMeeting, useServerNow } from "../components/live-meeting";
import { ScreenMotion, ScreenPoll } from "../components/poll-screen";
import { ScreenCommitment } from "../components/commitment-screen";
import { formatDuration } from "../modules/i18n/format";
import { messagesFor, translator } from "../modules/i18n/catalog.server";
import { LOCALES } from "../modules/i18n/locales";
import { translatorOf } from "../modules/i18n/translate";
import { itemSpentMs, totalsNow } from "../modules/live/live-state";
import { meetingByScreenToken } from "../modules/live/live.server";
import { typedScreenToken } from "../modules/live/screen-link";
import { meetingProjections } from "../modules/live/projections.server";
import { getSpace } from "../modules/spaces/spaces.server";

/** The projector shows the meeting alone: no site header, no account. */
export const handle = { bare: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data && !data.ended ? `${data.meeting.title} — Makòn` : "Makòn" }, { name: "robots", content: "noindex" }];

/**
 * The shared screen: opened by its secret link, no sign-in, and only what the console puts
 * on it — while the meeting is planned or live. Once it is closed or cancelled the link opens
 * nothing more (410, in both languages: nobody knows which the projector speaks), and its
 * socket is refused as well (`realtime/access.ts`).
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  // The console shows the token in groups of four: typed with its spaces, it opens all the same.
  const token = typedScreenToken(params.token ?? "");
  if (token !== params.token && token) throw redirect(`/ecran/${encodeURIComponent(token)}`);
  const meeting = meetingByScreenToken(context.db, token);
  if (!meeting) throw new Response("Not Found", { status: 404 });
  if (meeting.status !== "planned" && meeting.status !== "live") {
    const ended = LOCALES.map((locale) => ({ locale, title: translator(locale)("live.screenEnded"), hint: translator(locale)("live.screenEndedHint") }));
    return withStatus({ ended, token: null, meeting: null, spaceName: null, state: null, figures: null, vote: null, commitment: null, messages: null, serverNow: null }, { status: 410 });
  }
  const space = getSpace(context.db, meeting.spaceId)!;
  const projection = meetingProjections(context.db, meeting.id)!;
  return {
    ended: null,
    token,
    meeting: { id: meeting.id, title: meeting.title },
    spaceName: space.name,
    state: projection.live,
    figures: projection.attendance.figures,
    vote: projection.vote,
    commitment: projection.commitment.shown,
    // The console switches the screen's language live: it has both (a poll's rule and decision, a commitment's state, are worded here, in the screen's language).
    messages: { fr: messagesFor("fr", SCREEN_DOMAINS), ht: messagesFor("ht", SCREEN_DOMAINS) },
    serverNow: context.now(),
  };
}

const SCREEN_DOMAINS = ["live", "console", "polls", "commitments"] as const;

export default function SharedScreen() {
  const data = useLoaderData<typeof loader>();
  if (data.ended) return <Ended ended={data.ended} />;
  return <Screen data={data} />;
}

function Ended({ ended }: { ended: { locale: string; title: string; hint: string }[] }) {
  return (
    <div className="screen" data-testid="screen-ended">
      {ended.map((e) => (
        <section key={e.locale} lang={e.locale} className="screen-message">
          <p>{e.title}</p>
          <p className="muted">{e.hint}</p>
        </section>
      ))}
    </div>
  );
}

type ScreenData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { ended: null }>;

function Screen({ data }: { data: ScreenData }) {
  const live = useLiveMeeting({ kind: "meeting-live", meetingId: data.meeting.id }, { state: data.state, figures: data.figures, vote: data.vote, commitment: data.commitment }, { screenToken: data.token });
  const poll = live.vote?.poll ?? null;
  const commitment = live.commitment;
  const motion = live.vote?.motion ?? null;
  const state = live.state ?? data.state;
  const now = useServerNow(data.serverNow);
  const t = translatorOf(data.messages[state.locale]);
  // The screen speaks the language the console chose, whatever the browser's.
  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);
  const waitingMore = Math.max(0, state.queue.length - SCREEN_QUEUE);
  const messageSize = !state.message ? null : state.message.length > 200 ? "long" : state.message.length > 60 ? "medium" : "short";
  const speakers = (
    <>
      <section className="screen-speaker" data-testid="screen-speaker">
        <p className="screen-label">{t("live.speaking")}</p>
        {state.speaker ? (
          <>
            <p className="screen-speaker-name">{state.speaker.name}</p>
            {state.speaker.organisation ? <p className="screen-org">{state.speaker.organisation}</p> : null}
            <Countdown speaker={state.speaker} now={now} className="screen-countdown" />
          </>
        ) : (
          <p className="screen-speaker-name muted">{t("live.nobodySpeaking")}</p>
        )}
      </section>
      <section className="screen-next" data-testid="screen-next">
        <p className="screen-label">{t("live.next")}</p>
        {state.queue.length === 0 ? <p className="muted">—</p> : null}
        <ol>
          {state.queue.slice(0, SCREEN_QUEUE).map((p) => (
            <li key={p.turnId}>
              {p.name}
              {p.organisation ? <span className="screen-org"> · {p.organisation}</span> : null}
            </li>
          ))}
        </ol>
        {waitingMore > 0 ? (
          <p className="screen-more" data-testid="screen-more">
            {t("live.moreWaiting", { count: waitingMore })}
          </p>
        ) : null}
      </section>
    </>
  );
  return (
    <div className={`screen ${state.message ? "with-message" : ""}`} data-testid="screen">
      <header className="screen-header">
        <p className="screen-space">{data.spaceName}</p>
        <h1>{data.meeting.title}</h1>
        {!live.connected ? <p className="screen-offline">{t("live.reconnecting")}</p> : null}
      </header>
      <section className="screen-item" data-testid="screen-item">
        {state.item ? (
          <>
            <p className="screen-label">
              {t("live.itemOf", { number: state.item.number, of: state.item.of })}
              <span className="screen-time">
                {formatDuration(itemSpentMs(state.item, now))}
                {state.item.plannedMinutes ? ` / ${formatDuration(state.item.plannedMinutes * 60_000)}` : ""}
              </span>
            </p>
            <p className="screen-item-title">{state.item.title}</p>
          </>
        ) : (
          <p className="screen-item-title">{t(state.status === "closed" ? "live.closed" : state.status === "live" ? "live.noItem" : "live.notStarted")}</p>
        )}
      </section>
      {/* A poll takes the middle of the screen; a commitment under review or a motion under discussion shares it with the speakers. */}
      {poll ? (
        <ScreenPoll poll={poll} now={now} t={t} />
      ) : commitment ? (
        <div className="screen-main with-commitment">
          <ScreenCommitment commitment={commitment} now={now} t={t} locale={state.locale} />
          <div className="screen-speakers">{speakers}</div>
        </div>
      ) : motion ? (
        <div className="screen-main with-motion">
          <ScreenMotion motion={motion} itemTitle={state.item?.title ?? null} t={t} />
          <div className="screen-speakers">{speakers}</div>
        </div>
      ) : (
        <div className="screen-main">{speakers}</div>
      )}
      {/* A message (or a motion's text) shares the screen: the item, speaker and countdown stay. A poll or a commitment under review takes the parity's place. */}
      {state.message ? (
        <section className={`screen-message screen-message-${messageSize}`} data-testid="screen-message">
          <p>{state.message}</p>
        </section>
      ) : poll || commitment ? null : (
        <section className="screen-parity">
          {live.figures ? (
            // The room's own count; on a projector a number under five would point at someone, so it reads "< 5".
            <p className="screen-present" data-testid="screen-present">
              {t("live.presentWithDisability", { count: live.figures.people.total, disability: withDisabilityCell(live.figures.withDisability) })}
            </p>
          ) : null}
          <ParityBar totals={totalsNow(state, now)} figures={live.figures} t={t} locale={state.locale} />
        </section>
      )}
    </div>
  );
}

const withDisabilityCell = (count: number) => {
  const cell = maskCount(count);
  return cell === "<5" ? "< 5" : String(cell);
};

/** How many people waiting the screen names; the others are counted ("+N"). */
const SCREEN_QUEUE = 3;
