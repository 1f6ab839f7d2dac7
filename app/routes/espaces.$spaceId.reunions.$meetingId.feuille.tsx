import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { QrCodeSvg } from "../components/qr-code";
import { requirePermission } from "../modules/auth/guards.server";
import { formatDateTime } from "../modules/i18n/format";
import { meetingRowFromParams } from "../modules/meetings/meeting-params.server";
import { PAPER_LINES } from "../modules/meetings/paper-sheet";
import { getPaperSheet } from "../modules/meetings/paper.server";
import { selfCheckInLink } from "../modules/meetings/self-check-in.server";
import { AGE_GROUP_IDS } from "../modules/people/age-groups";
import { getSpace } from "../modules/spaces/spaces.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "paper.sheetTitle");

/**
 * The A4 attendance sheet for a door with no laptop or no power: the space's delegates and
 * officials to tick, blank lines with boxes for sex, age group, disability, organisation and
 * signature, and the self check-in link with its QR code. Re-entered afterwards on `saisie`,
 * laid out the same way.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const space = getSpace(context.db, meeting.spaceId)!;
  const sheet = getPaperSheet(context.db, meeting, context.now());
  return {
    meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, place: meeting.place },
    space: { id: space.id, name: space.name, communeName: space.communeName },
    known: sheet.known.map(({ personId, name, organisationName }) => ({ personId, name, organisationName })),
    link: selfCheckInLink(context.publicOrigin(request.url), meeting.id),
  };
}

const Box = () => <span className="paper-box" aria-hidden="true" />;

export default function PaperSheet() {
  const { meeting, space, known, link } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const base = `/espaces/${space.id}/reunions/${meeting.id}`;
  return (
    <article className="paper-sheet">
      <p className="no-print">
        <Link to={base}>← {meeting.title}</Link> · <Link to={`${base}/saisie`}>{t("paper.entryLink")}</Link>
        <PrintButton />
      </p>
      <header className="paper-header">
        <div>
          <p className="muted">
            {space.name} · {space.communeName}
          </p>
          <h1>
            {t("paper.sheetTitle")} — {meeting.title}
          </h1>
          <p>
            {formatDateTime(meeting.startsAt, locale)}
            {meeting.place ? ` · ${meeting.place}` : ""}
          </p>
        </div>
        <figure className="paper-qr">
          <QrCodeSvg qr={link.qr} label={t("arrival.qr")} />
          <figcaption>
            <span className="paper-link" data-testid="self-check-in-link">
              {link.url}
            </span>
            <br />
            <small>{t("arrival.linkHelp")}</small>
          </figcaption>
        </figure>
      </header>

      {known.length > 0 ? (
        <section aria-labelledby="paper-known">
          <h2 id="paper-known">{t("paper.known")}</h2>
          <table className="paper-table paper-known" data-testid="paper-known">
            <thead>
              <tr>
                <th scope="col">{t("paper.col.present")}</th>
                <th scope="col">{t("paper.col.name")}</th>
                <th scope="col">{t("paper.col.organisation")}</th>
                <th scope="col">{t("paper.col.signature")}</th>
              </tr>
            </thead>
            <tbody>
              {known.map((k) => (
                <tr key={k.personId}>
                  <td className="paper-tick">
                    <Box />
                  </td>
                  <td>{k.name}</td>
                  <td>{k.organisationName}</td>
                  <td className="paper-signature" />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="paper-others">
        <h2 id="paper-others">{t("paper.others")}</h2>
        <p className="paper-legend">{t("paper.legend")}</p>
        <table className="paper-table paper-blank" data-testid="paper-blank">
          <thead>
            <tr>
              <th scope="col">{t("paper.col.number")}</th>
              <th scope="col">{t("paper.col.name")}</th>
              <th scope="col">{t("paper.col.sex")}</th>
              <th scope="col">{t("paper.col.age")}</th>
              <th scope="col">{t("paper.col.disability")}</th>
              <th scope="col">{t("paper.col.organisation")}</th>
              <th scope="col">{t("paper.col.signature")}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: PAPER_LINES }, (_, i) => (
              <tr key={i}>
                <td className="paper-number">{i + 1}</td>
                <td className="paper-name" />
                <td className="paper-choices">
                  {(["paper.short.female", "paper.short.male", "paper.short.notSaid"] as const).map((k) => (
                    <span key={k} className="paper-choice">
                      <Box />
                      {t(k)}
                    </span>
                  ))}
                </td>
                <td className="paper-choices">
                  {AGE_GROUP_IDS.map((g) => (
                    <span key={g} className="paper-choice">
                      <Box />
                      {AGE_SHORT[g]}
                    </span>
                  ))}
                  <span className="paper-choice">
                    <Box />
                    {t("paper.short.notSaid")}
                  </span>
                </td>
                <td className="paper-tick">
                  <Box />
                </td>
                <td className="paper-organisation" />
                <td className="paper-signature" />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

/** Age groups as the boxes print them: short enough for a column of an A4 sheet. */
const AGE_SHORT: Record<(typeof AGE_GROUP_IDS)[number], string> = { u18: "<18", "18_24": "18–24", "25_35": "25–35", "36_59": "36–59", "60p": "60+" };

/** Printing needs JavaScript; without it the browser's own menu prints the page the same. */
function PrintButton() {
  const t = useT();
  return (
    <button type="button" className="small paper-print" onClick={() => window.print()}>
      {t("paper.print")}
    </button>
  );
}
