import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConfirmButton, StatusLine } from "../components/confirm-button";
import { justDone } from "../modules/audit/just-done.server";
import { askToConfirm, isConfirmed } from "../modules/confirm";
import type { MeetingStatus } from "../modules/meetings/meeting-state";
import { Breadcrumb } from "../components/breadcrumb";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError } from "../components/field";
import { requirePermission } from "../modules/auth/guards.server";
import { formValues } from "../modules/forms";
import { registerMessage } from "../modules/organisations/messages";
import { EndSeatSchema, SpaceFilterSchema } from "../modules/spaces/spaces.schemas";
import { z } from "zod";
import { CompositionView } from "../components/composition-view";
import { useLocale, useT } from "../components/i18n";
import { departmentLabel, sectionLabel } from "../modules/geography/labels";
import { formatDateTime, formatDay } from "../modules/i18n/format";
import { listMeetings } from "../modules/meetings/meetings.server";
import { pageTitle } from "../components/page-title";
import { SpaceTags } from "../components/space-tags";
import { can } from "../modules/auth/permissions";
import { listAuthorities, publicAuthorities } from "../modules/authorities/authorities.server";
import { localDate } from "../modules/dates";
import { messageKey } from "../modules/i18n/translate";
import { listMembers } from "../modules/organisations/organisations.server";
import { ORGANISATION_TYPES } from "../modules/organisations/types";
import { endSeat, listDelegates } from "../modules/people/people.server";
import { composition, compositionFor } from "../modules/spaces/composition";
import { listFacilitators, spaceView } from "../modules/spaces/spaces.server";
import { audienceIn } from "../modules/spaces/audience";
import { delegatesFor } from "../modules/people/views";
import { formatCount } from "../components/sex-age-table";
import { requireSpace } from "../modules/spaces/space-params.server";
import { spaceIdParam } from "../modules/spaces/params";
import { LiveNowBanner } from "../components/live-now";
import { liveMeetingsFor } from "../modules/live/live.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "spaces.pageTitle", { name: data?.space.name ?? "" });

/**
 * The space's page, for its audience (`spaces/audience.ts`): the public reads figures,
 * officials, published meetings and the delegates who agreed to be named; members see who
 * the delegates are; facilitators the register they keep.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const space = requireSpace(context.db, params);
  const actor = context.current?.actor ?? null;
  const audience = audienceIn(actor, space.id);
  const url = new URL(request.url);
  const filter = SpaceFilterSchema.parse(Object.fromEntries(url.searchParams));
  const imported = z.coerce.number().int().positive().safeParse(url.searchParams.get("importe"));
  const today = localDate(context.now());
  const allMembers = listMembers(context.db, space.id);
  const members = listMembers(context.db, space.id, { type: filter.type, sectionCode: filter.section || undefined, ledByWoman: !!filter.woman, ledByYouth: !!filter.youth });
  const delegates = listDelegates(context.db, space.id, today);
  const canRegister = audience === "facilitator";
  const authorities = listAuthorities(context.db, space);
  // Right after creating the space, or seating a delegate from the form, the page the user lands on says so.
  const userId = context.current?.user.id ?? null;
  const created = justDone(context.db, userId, "space.create", { type: "space", id: space.id }, context.now());
  const saved = justDone(context.db, userId, "space.update", { type: "space", id: space.id }, context.now());
  const seated = canRegister ? justDone(context.db, userId, "delegate.seat", { type: "person", spaceId: space.id }, context.now()) : null;
  // A delegate seated from the form (an import says what it did on its own).
  const seatedAs = seated?.after as { name?: string; import?: boolean } | undefined;
  // The latest of what this user has just done here.
  const latest = [
    created && { at: created.at, key: "done.spaceCreated" as const, name: "" },
    saved && { at: saved.at, key: "done.spaceSaved" as const, name: "" },
    seated && seatedAs?.name && !seatedAs.import && { at: seated.at, key: "done.delegateSeated" as const, name: seatedAs.name },
  ]
    .filter((d) => !!d)
    .sort((a, b) => b.at - a.at)[0];
  return {
    // An import says what it did itself.
    justDone: latest && !(imported.success && canRegister) ? { key: latest.key, name: latest.name } : null,
    // A meeting live now here, for the space's own members: first on the page.
    liveNow: liveMeetingsFor(context.db, actor, space.id),
    space: spaceView(space),
    filter,
    imported: imported.success && canRegister ? imported.data : null,
    // Organisations are public; their contacts are on their own page, for the register's keepers.
    members: members.map((m) => ({ id: m.id, name: m.name, acronym: m.acronym, type: m.type, sectionName: m.sectionName, ledByWoman: m.ledByWoman, ledByYouth: m.ledByYouth, joinedOn: m.joinedOn })),
    filtered: members.length !== allMembers.length,
    delegates: delegatesFor(audience, delegates, Number(today.slice(0, 4))),
    authorities: canRegister ? authorities : publicAuthorities(authorities),
    meetings: listMeetings(context.db, space.id, context.now(), { seesUnpublished: can(actor, "meeting.see", { spaceId: space.id, published: false }) }),
    // The export form starts on the year so far.
    period: canRegister ? { from: `${today.slice(0, 4)}-01-01`, to: today } : null,
    facilitators: listFacilitators(context.db, space.id).map((f) => f.name),
    composition: compositionFor(audience, composition({ organisations: allMembers, delegates, sectionCodes: space.territorySections.map((s) => s.code) })),
    canRegister,
    canManage: can(actor, "space.manage"),
    today: canRegister ? today : null,
  };
}

/** Ends a delegate's seat (the person leaves the seat; their history stays). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const values = formValues(await request.formData());
  // Two steps (`ConfirmButton`): the date is chosen in the confirmation.
  if (!isConfirmed(values)) return askToConfirm("endSeat", { seatId: values.seatId ?? "" });
  const parsed = EndSeatSchema.safeParse(values);
  if (!parsed.success) return data({ seatId: Number(values.seatId) || null, error: messageKey("error.date") }, { status: 400 });
  const result = endSeat(context.db, current.actor, spaceId, parsed.data.seatId, parsed.data.toDate, context.now());
  if (!result.ok) return data({ seatId: parsed.data.seatId, error: registerMessage(result.code) }, { status: 400 });
  return { seatId: null, error: undefined, endedSeatId: parsed.data.seatId };
}

function MeetingList({ title, meetings, spaceId }: { title: string; meetings: { id: number; title: string; startsAt: number; status: MeetingStatus; kind: string }[]; spaceId: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h3>{title}</h3>
      {meetings.length === 0 ? (
        <p className="muted">{t("meetings.none")}</p>
      ) : (
        <ul className="meetings">
          {meetings.map((m) => (
            <li key={m.id}>
              <Link to={`/espaces/${spaceId}/reunions/${m.id}`}>{m.title}</Link>{" "}
              <span className="muted">
                · {formatDateTime(m.startsAt, locale)} · {t(`meetingStatus.${m.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function SpacePage() {
  const data = useLoaderData<typeof loader>();
  const endSeatResult = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { space } = data;
  const t = useT();
  const locale = useLocale();
  const sectionNames = Object.fromEntries(space.territorySections.map((s) => [s.code, sectionLabel(s.label, locale)]));
  return (
    <>
      <LiveNowBanner meetings={data.liveNow} showSpace={false} />
      <Breadcrumb trail={[{ to: "/", label: t("nav.spaces") }, { to: `/geographie/${space.departmentCode}/${space.communeCode}`, label: space.communeName }]} />
      {data.imported ? (
        <p className="notice" role="status">
          {t("spaces.imported", { count: data.imported })}
        </p>
      ) : null}
      <h1>{space.name}</h1>
      <StatusLine message={search.get("fait") === "organisation-supprimee" ? t("organisations.deletedDone") : data.justDone ? t(data.justDone.key, { name: data.justDone.name }) : null} />
      <SpaceTags space={space} />
      {space.description ? <p className="lead">{space.description}</p> : null}
      <dl className="facts">
        <dt>{t("spaces.territory")}</dt>
        <dd>{[space.sectionLabel && sectionLabel(space.sectionLabel, locale), space.communeName, departmentLabel(space.departmentName, locale)].filter(Boolean).join(" · ")}</dd>
        <dt>{t("spaces.votingBase")}</dt>
        <dd>{t(`spaces.votingBase.${space.votingBase}`)}</dd>
        <dt>{t("spaces.quorum")}</dt>
        <dd>{t("spaces.quorumValue", { percent: space.quorumPercent })}</dd>
        <dt>{t("spaces.majority")}</dt>
        <dd>{t(`spaces.majority.${space.majorityRule}`)}</dd>
        <dt>{t("spaces.seats")}</dt>
        <dd>{t("spaces.seatsValue", { titular: space.titularSeats, substitute: space.substituteSeats })}</dd>
        <dt>{t("spaces.facilitators")}</dt>
        <dd>{data.facilitators.join(", ") || "—"}</dd>
      </dl>
      <p className="notice" data-testid="public-notice">
        {t("spaces.publicNotice")}
      </p>
      {data.canRegister || data.canManage ? (
        <nav aria-label={t("spaces.actions")} className="actions">
          {data.canRegister ? (
            <>
              <Link className="button" to="organisations/nouvelle">
                {t("organisations.new")}
              </Link>
              <Link className="button" to="delegues/nouveau">
                {t("delegates.new")}
              </Link>
              <Link className="button" to="autorites">
                {t("authorities.manage")}
              </Link>
              <Link className="button" to="import">
                {t("import.title")}
              </Link>
            </>
          ) : null}
          {data.canManage ? (
            <Link className="button" to="reglages">
              {t("spaces.settings")}
            </Link>
          ) : null}
        </nav>
      ) : null}

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t("meetings.title")}</h2>
        {data.canRegister ? (
          <p>
            <Link className="button primary" to="reunions/nouvelle">
              {t("meetings.new")}
            </Link>
          </p>
        ) : null}
        <MeetingList title={t("meetings.upcoming")} meetings={data.meetings.upcoming} spaceId={space.id} />
        <MeetingList title={t("meetings.past")} meetings={data.meetings.past} spaceId={space.id} />
        {data.period ? (
          <form method="get" action={`/espaces/${space.id}/presences.csv`} className="grid-form panel" aria-labelledby="period-title">
            <h3 id="period-title">{t("export.periodTitle")}</h3>
            <Field id="period-from" name="du" type="date" label={t("export.from")} required defaultValue={data.period.from} />
            <Field id="period-to" name="au" type="date" label={t("export.to")} required defaultValue={data.period.to} />
            <button type="submit">{t("export.periodSubmit")}</button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="motions-title">
        <h2 id="motions-title">{t("motions.title")}</h2>
        <p>
          <Link to="motions">{t("motions.seeAll")}</Link>
        </p>
      </section>

      <section aria-labelledby="commitments-title">
        <h2 id="commitments-title">{t("commitments.title")}</h2>
        <p>
          <Link to="engagements">{t("commitments.board.seeAll")}</Link>
        </p>
      </section>

      <CompositionView composition={data.composition} sectionNames={sectionNames} />

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("organisations.title")}</h2>
        <Form method="get" className="filters">
          <label>
            {t("organisations.type")}
            <select name="type" defaultValue={data.filter.type ?? ""}>
              <option value="">{t("filters.all")}</option>
              {ORGANISATION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`orgType.${type}`)}
                </option>
              ))}
            </select>
          </label>
          {space.territorySections.length > 1 ? (
            <label>
              {t("geo.section")}
              <select name="section" defaultValue={data.filter.section ?? ""}>
                <option value="">{t("filters.all")}</option>
                {space.territorySections.map((s) => (
                  <option key={s.code} value={s.code}>
                    {sectionLabel(s.label, locale)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="check">
            <input type="checkbox" name="woman" defaultChecked={!!data.filter.woman} /> {t("organisations.ledByWoman")}
          </label>
          <label className="check">
            <input type="checkbox" name="youth" defaultChecked={!!data.filter.youth} /> {t("organisations.ledByYouth")}
          </label>
          <button type="submit">{t("filters.apply")}</button>
          {data.filtered ? <Link to=".">{t("filters.clear")}</Link> : null}
        </Form>
        {data.members.length === 0 ? (
          <p>{t("organisations.none")}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="members">
              <thead>
                <tr>
                  <th scope="col">{t("organisations.name")}</th>
                  <th scope="col">{t("organisations.type")}</th>
                  <th scope="col">{t("geo.section")}</th>
                  <th scope="col">{t("organisations.leadership")}</th>
                  <th scope="col">{t("organisations.joinedOn")}</th>
                </tr>
              </thead>
              <tbody>
                {data.members.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`organisations/${m.id}`}>{m.name}</Link>
                      {m.acronym ? <span className="muted"> ({m.acronym})</span> : null}
                    </td>
                    <td>{t(`orgType.${m.type}`)}</td>
                    <td>{m.sectionName ?? "—"}</td>
                    <td>{[m.ledByWoman ? t("organisations.womanLed") : null, m.ledByYouth ? t("organisations.youthLed") : null].filter(Boolean).join(", ") || "—"}</td>
                    <td>{formatDay(m.joinedOn, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data.canRegister ? (
          <p>
            <a href={`/espaces/${space.id}/organisations.csv`}>{t("export.organisations")}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="delegates-title">
        <h2 id="delegates-title">{t("delegates.title")}</h2>
        {data.delegates.rows.length === 0 && data.delegates.unnamed === 0 ? (
          <p>{t("delegates.none")}</p>
        ) : null}
        {data.delegates.rows.length > 0 ? (
          <div className="table-scroll">
            <table data-testid="delegates">
              <thead>
                <tr>
                  <th scope="col">{t("delegates.name")}</th>
                  <th scope="col">{t("delegates.organisation")}</th>
                  <th scope="col">{t("delegates.seat")}</th>
                  {data.canRegister ? (
                    <>
                      <th scope="col">{t("composition.sex")}</th>
                      <th scope="col">{t("delegates.ageGroup")}</th>
                      <th scope="col">{t("people.disability")}</th>
                      <th scope="col">{t("account.phone")}</th>
                      <th scope="col">{t("delegates.namedPublicly")}</th>
                      <th scope="col">{t("delegates.endSeat")}</th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {data.delegates.rows.map((d) => (
                  <tr key={d.seatId}>
                    <td>{d.name}</td>
                    <td>{d.organisation}</td>
                    <td>{t(`seat.${d.seat}`)}</td>
                    {d.register && data.today ? (
                      <>
                        <td>{t(`sex.${d.register.sex ?? "unstated"}`)}</td>
                        <td>{t(`age.${d.register.ageGroup ?? "unknown"}`)}</td>
                        <td>{d.register.disability ? t("common.yes") : "—"}</td>
                        <td>{d.register.phone ?? "—"}</td>
                        <td>{t(d.register.namedPublicly ? "common.yes" : "common.no")}</td>
                        <td>
                          {endSeatResult && "endedSeatId" in endSeatResult && endSeatResult.endedSeatId === d.seatId ? (
                            <StatusLine message={t("delegates.seatEndedDone", { name: d.name })} testId="seat-ended-status" />
                          ) : null}
                          {d.register.endsOn ? (
                            <span className="tag" data-testid="seat-ended">
                              {t("delegates.seatEnded", { date: formatDay(d.register.endsOn, locale) })}
                            </span>
                          ) : (
                            <ConfirmButton
                              intent="endSeat"
                              fields={{ seatId: d.seatId }}
                              title={t("delegates.endSeatConfirmTitle", { name: d.name })}
                              confirmLabel={t("delegates.endSeatConfirm")}
                              details={<p>{t("delegates.endSeatConfirmText", { name: d.name })}</p>}
                              panelFields={<input type="date" name="toDate" defaultValue={data.today} aria-label={t("delegates.endSeatOn", { name: d.name })} required />}
                            >
                              {t("delegates.endSeat")}
                            </ConfirmButton>
                          )}
                          {endSeatResult && "error" in endSeatResult && endSeatResult.seatId === d.seatId ? <FormError error={endSeatResult.error} /> : null}
                          <Link to={`personnes/${d.register.personId}/compte`}>{t("people.account.manage", { name: d.name })}</Link>
                        </td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {data.delegates.unnamed !== 0 ? (
          <p className="muted" data-testid="delegates-unnamed">
            {t("delegates.unnamed", { count: formatCount(data.delegates.unnamed, locale) })}
          </p>
        ) : null}
        {data.canRegister ? (
          <p>
            <a href={`/espaces/${space.id}/delegues.csv`}>{t("export.delegates")}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="authorities-title">
        <h2 id="authorities-title">{t("authorities.title")}</h2>
        {data.authorities.length === 0 ? (
          <p>{t("authorities.none")}</p>
        ) : (
          <ul className="authorities">
            {data.authorities.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong> <span className="muted">· {t(`authority.${a.kind}`)}</span>
                {a.officials.length > 0 ? (
                  <ul>
                    {a.officials.map((o) => (
                      <li key={o.id}>
                        {o.name} — {o.title}
                        {o.mandateStart || o.mandateEnd ? <span className="muted"> ({[o.mandateStart, o.mandateEnd].map((d) => (d ? formatDay(d, locale) : "…")).join(" → ")})</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
