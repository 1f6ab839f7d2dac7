import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { translate } from "../modules/i18n/catalog.server";
import { formatDateTime } from "../modules/i18n/format";
import { localeFor } from "../modules/i18n/i18n.server";
import { LOCALES, type Locale } from "../modules/i18n/locales";
import { meetingRowFromParams } from "../modules/meetings/meeting-params.server";
import { AGE_KEYS, SEX_KEYS } from "../modules/people/disaggregation";
import { BALLOT_CHOICES } from "../modules/polls/methods";
import { ballotSubject } from "../modules/polls/poll-console.server";
import { getSpace } from "../modules/spaces/spaces.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "polls.ballot.pageTitle");

/** Cut-out ballots on one A4 sheet: two columns of four. */
const BALLOTS_PER_PAGE = 8;

const QuerySchema = z.object({
  vote: z.coerce.number().int().positive().optional().catch(undefined),
  /** A motion of the meeting, or "blank" for a question written by hand. */
  motion: z.union([z.literal("blank"), z.coerce.number().int().positive()]).optional().catch(undefined),
});

/**
 * Paper ballots and a tally sheet for a room with no screen, for the space's facilitators: the
 * open poll's question (or a motion of the meeting, or a blank line), with boxes Pour / Contre
 * / Abstention in the room's language and the other; then the sheet the tellers count on and
 * sign. The counts are entered in the console as a poll held on paper.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const space = getSpace(context.db, meeting.spaceId)!;
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { subject, motions, roomLocale } = ballotSubject(context.db, meeting.id, { pollId: query.vote ?? null, motion: query.motion ?? null });
  const first: Locale = roomLocale ?? localeFor(request, current);
  const ballotWords = (locale: Locale) => ({
    locale,
    heading: translate(locale, "polls.ballot.heading"),
    instructions: translate(locale, "polls.ballot.instructions"),
    motion: subject?.number ? translate(locale, "polls.ballot.motion", { number: subject.number }) : null,
    choices: Object.fromEntries(BALLOT_CHOICES.map((c) => [c, translate(locale, `polls.choice.${c}`)])) as Record<(typeof BALLOT_CHOICES)[number], string>,
  });
  return {
    meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, place: meeting.place },
    space: { id: space.id, name: space.name, communeName: space.communeName },
    subject,
    motions,
    words: [first, ...LOCALES.filter((l) => l !== first)].map(ballotWords),
  };
}

export default function PaperBallots() {
  const { meeting, space, subject, motions, words } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const base = `/espaces/${space.id}/reunions/${meeting.id}`;
  const [main, other] = words;
  return (
    <article className="paper-sheet ballot-sheet" data-testid="paper-ballots">
      <div className="no-print">
        <p>
          <Link to={base}>← {meeting.title}</Link>
          <PrintButton />
        </p>
        {motions.length > 0 ? (
          // A GET form: which motion the ballots are for, without JavaScript.
          <Form method="get" className="inline ballot-choose">
            <label htmlFor="ballot-motion">{t("polls.ballot.choose")}</label>
            <select id="ballot-motion" name="motion" defaultValue={subject ? (subject.motionId ?? "") : "blank"}>
              {subject?.pollId ? <option value="">{subject.question}</option> : null}
              <option value="blank">{t("polls.ballot.blank")}</option>
              {motions.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.number} · ${m.title}`}
                </option>
              ))}
            </select>
            <button type="submit">{t("polls.ballot.show")}</button>
          </Form>
        ) : null}
        <p className="muted">{t("polls.ballot.cut")}</p>
      </div>

      <div className="ballots" data-testid="ballots">
        {Array.from({ length: BALLOTS_PER_PAGE }, (_, i) => (
          <section key={i} className="ballot" aria-label={main!.heading}>
            <p className="ballot-heading">
              {main!.heading} <span lang={other!.locale}>{`/ ${other!.heading}`}</span>
            </p>
            <p className="muted ballot-meeting">
              {meeting.title} · {formatDateTime(meeting.startsAt, locale)}
            </p>
            {main!.motion ? <p className="ballot-number">{main!.motion}</p> : null}
            {subject ? <p className="ballot-question">{subject.question}</p> : <p className="ballot-question ballot-blank-line" />}
            <ul className="ballot-boxes">
              {BALLOT_CHOICES.map((c) => (
                <li key={c}>
                  <span className="ballot-box" aria-hidden="true" /> <strong>{main!.choices[c]}</strong> <span lang={other!.locale}>{`/ ${other!.choices[c]}`}</span>
                </li>
              ))}
            </ul>
            <p className="ballot-instructions">
              {main!.instructions} <span lang={other!.locale}>{`/ ${other!.instructions}`}</span>
            </p>
          </section>
        ))}
      </div>

      <section className="tally-sheet" aria-labelledby="tally-title" data-testid="tally-sheet">
        <header>
          <p className="muted">
            {space.name} · {space.communeName}
          </p>
          <h1 id="tally-title">
            {t("polls.ballot.tally")} — {meeting.title}
          </h1>
          <p>
            {formatDateTime(meeting.startsAt, locale)}
            {meeting.place ? ` · ${meeting.place}` : ""}
          </p>
          {subject ? (
            <p className="ballot-question">
              {subject.number ? `${subject.number} · ` : ""}
              {subject.question}
            </p>
          ) : (
            <p className="ballot-question ballot-blank-line" />
          )}
          <p className="muted">{t("polls.ballot.tallyHint")}</p>
        </header>
        <table className="paper-table tally-table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t("polls.ballot.marks")}</th>
              <th scope="col">{t("polls.ballot.count")}</th>
            </tr>
          </thead>
          <tbody>
            {BALLOT_CHOICES.map((c) => (
              <tr key={c}>
                <th scope="row">{t(`polls.choice.${c}`)}</th>
                <td className="tally-marks" />
                <td className="tally-count" />
              </tr>
            ))}
            <tr>
              <th scope="row">{t("polls.ballot.invalid")}</th>
              <td className="tally-marks" />
              <td className="tally-count" />
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("polls.ballot.total")}</th>
              <td />
              <td className="tally-count" />
            </tr>
            <tr>
              <th scope="row">{t("polls.ballot.eligible")}</th>
              <td />
              <td className="tally-count">{subject?.eligible ?? ""}</td>
            </tr>
          </tfoot>
        </table>

        <h2>{t("polls.ballot.forBySexAge")}</h2>
        <table className="paper-table tally-breakdown">
          <thead>
            <tr>
              <th scope="col">{t("polls.sex")}</th>
              {AGE_KEYS.map((age) => (
                <th key={age} scope="col">
                  {t(`age.${age}`)}
                </th>
              ))}
              <th scope="col">{t("geo.total")}</th>
            </tr>
          </thead>
          <tbody>
            {SEX_KEYS.map((sex) => (
              <tr key={sex}>
                <th scope="row">{t(`sex.${sex}`)}</th>
                {AGE_KEYS.map((age) => (
                  <td key={age} />
                ))}
                <td />
              </tr>
            ))}
          </tbody>
        </table>

        <div className="signature-blocks">
          {[1, 2].map((n) => (
            <div key={n} className="signature-block">
              <p>{t("polls.ballot.teller", { n })}</p>
              <p className="signature-line" />
            </div>
          ))}
        </div>
      </section>
    </article>
  );
}

/** Printing needs JavaScript; without it the browser's own menu prints the page the same. */
function PrintButton() {
  const t = useT();
  return (
    <button type="button" className="small paper-print" onClick={() => window.print()}>
      {t("polls.ballot.print")}
    </button>
  );
}
