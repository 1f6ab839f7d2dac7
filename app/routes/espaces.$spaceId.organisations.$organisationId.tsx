import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ConfirmButton, StatusLine } from "../components/confirm-button";
import { justDone } from "../modules/audit/just-done.server";
import { askToConfirm, isConfirmed } from "../modules/confirm";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError } from "../components/field";
import { useLocale, useT } from "../components/i18n";
import { OrganisationFields } from "../components/organisation-fields";
import { pageTitle } from "../components/page-title";
import { can } from "../modules/auth/permissions";
import { requirePermission } from "../modules/auth/guards.server";
import { localDate } from "../modules/dates";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { formatDate, formatDay, formatNumber } from "../modules/i18n/format";
import { registerMessage, type RegisterCode } from "../modules/organisations/messages";
import { LeaveSchema, MembershipCountSchema, OrganisationSchema } from "../modules/organisations/organisations.schemas";
import {
  archiveOrganisation,
  deleteOrganisation,
  getOrganisation,
  leaveSpace,
  recordMembershipCount,
  updateOrganisation,
} from "../modules/organisations/organisations.server";
import { AGE_GROUP_IDS } from "../modules/people/age-groups";
import { positiveIntParam, spaceIdParam } from "../modules/spaces/params";
import { getSpace } from "../modules/spaces/spaces.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "organisations.pageTitle", { name: data?.organisation.name ?? "" });

/**
 * The page's view: the shared record, memberships and counts for anyone; for a facilitator of
 * this space (or an administrator) also this space's own contact, the edit form's values, the
 * spaces the record is shared with and its last change. Never another space's contact.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const space = getSpace(context.db, spaceId);
  const org = getOrganisation(context.db, spaceId, positiveIntParam(params.organisationId));
  if (!space || !org) throw new Response("Not Found", { status: 404 });
  const canRegister = can(context.current?.actor ?? null, "space.facilitate", { spaceId });
  const archived = org.archivedAt !== null;
  const sectionLabel = space.territorySections.find((s) => s.code === org.sectionCode)?.label ?? org.sectionLabel;
  // The edit form keeps a section that another space chose outside this space's territory.
  const sectionChoices = space.territorySections.map((s) => ({ code: s.code, label: s.label }));
  if (org.sectionCode && org.sectionLabel && !sectionChoices.some((s) => s.code === org.sectionCode)) sectionChoices.push({ code: org.sectionCode, label: org.sectionLabel });
  // Right after registering it, the page the facilitator lands on says so.
  const registered = justDone(context.db, context.current?.user.id ?? null, "organisation.register", { type: "organisation", id: org.id }, context.now()) !== null;
  return {
    registered,
    space: { id: space.id, name: space.name },
    organisation: {
      name: org.name,
      acronym: org.acronym,
      type: org.type,
      sectionLabel,
      yearFounded: org.yearFounded,
      legallyRecognised: org.legallyRecognised,
      ledByWoman: org.ledByWoman,
      ledByYouth: org.ledByYouth,
      archived,
      memberships: org.memberships.map((m) => ({ spaceName: m.spaceName, joinedOn: m.joinedOn, leftOn: m.leftOn })),
      counts: org.counts.map((c) => ({ countedOn: c.countedOn, women: c.women, men: c.men, byAgeGroup: c.byAgeGroup })),
    },
    // What only those who keep this space's register see.
    register: canRegister
      ? {
          contact: { contactName: org.contactName, phone: org.phone, email: org.email },
          values: {
            name: org.name,
            acronym: org.acronym,
            type: org.type,
            sectionCode: org.sectionCode,
            yearFounded: org.yearFounded,
            legallyRecognised: org.legallyRecognised,
            ledByWoman: org.ledByWoman,
            ledByYouth: org.ledByYouth,
            contactName: org.contactName,
            phone: org.phone,
            email: org.email,
          },
          sectionChoices,
          isMember: org.currentMembership !== null,
          sharedWith: org.memberships.filter((m) => m.leftOn === null && m.spaceId !== spaceId).map((m) => m.spaceName),
          lastChange: org.lastSharedChange ? { spaceName: org.lastSharedChange.spaceName, at: org.lastSharedChange.at } : null,
          today: localDate(context.now()),
        }
      : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const organisationId = positiveIntParam(params.organisationId);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const values = formValues(await request.formData());
  const now = context.now();
  const done = (intent: string) => ({ intent, values: {} as Record<string, string>, errors: {} as FieldErrors, done: true });
  const refused = (intent: string, code: RegisterCode, field?: string) => data({ intent, values, errors: { [field ?? "form"]: registerMessage(code) } as FieldErrors }, { status: 400 });
  switch (values.intent) {
    case "update": {
      const parsed = OrganisationSchema.safeParse(values);
      if (!parsed.success) return data({ intent: "update", values, errors: errorsOf(parsed) }, { status: 400 });
      const result = updateOrganisation(context.db, current.actor, spaceId, organisationId, parsed.data, now);
      return result.ok ? done("update") : refused("update", result.code, result.field);
    }
    case "count": {
      const parsed = MembershipCountSchema.safeParse(values);
      if (!parsed.success) return data({ intent: "count", values, errors: errorsOf(parsed) }, { status: 400 });
      const counts = parsed.data as Record<string, number | string | undefined>;
      const byAgeGroup = Object.fromEntries(AGE_GROUP_IDS.filter((id) => counts[`age_${id}`] !== undefined).map((id) => [id, counts[`age_${id}`] as number]));
      const result = recordMembershipCount(context.db, current.actor, spaceId, organisationId, { countedOn: parsed.data.countedOn, women: parsed.data.women ?? 0, men: parsed.data.men ?? 0, byAgeGroup }, now);
      return result.ok ? done("count") : refused("count", result.code);
    }
    case "leave": {
      // Two steps (`ConfirmButton`): the date is chosen in the confirmation.
      if (!isConfirmed(values)) return askToConfirm("leave");
      const parsed = LeaveSchema.safeParse(values);
      if (!parsed.success) return data({ intent: "leave", values, errors: errorsOf(parsed) }, { status: 400 });
      const result = leaveSpace(context.db, current.actor, spaceId, organisationId, parsed.data.leftOn, now);
      return result.ok ? done("leave") : refused("leave", result.code, result.field);
    }
    case "delete": {
      if (!isConfirmed(values)) return askToConfirm("delete");
      const result = deleteOrganisation(context.db, current.actor, spaceId, organisationId, now);
      if (!result.ok) return refused("delete", result.code);
      throw redirect(`/espaces/${spaceId}?fait=organisation-supprimee`);
    }
    case "archive": {
      if (!isConfirmed(values)) return askToConfirm("archive");
      const result = archiveOrganisation(context.db, current.actor, spaceId, organisationId, localDate(now), now);
      return result.ok ? done("archive") : refused("archive", result.code);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function OrganisationPage() {
  const { space, organisation: org, register, registered } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const of = (intent: string) => (result && "intent" in result && result.intent === intent ? result : undefined);
  const DONE = { update: "organisations.updated", count: "organisations.counted", leave: "organisations.leftDone", archive: "organisations.archivedDone" } as const;
  const done = result && "done" in result && result.done && result.intent in DONE ? t(DONE[result.intent as keyof typeof DONE]) : null;
  const yes = (v: boolean) => t(v ? "common.yes" : "common.no");
  const sharedWith = register?.sharedWith.join(", ") ?? "";
  const removeError = of("delete")?.errors.form ?? of("archive")?.errors.form;
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>
        {org.name} {org.acronym ? <span className="muted">({org.acronym})</span> : null}
      </h1>
      <StatusLine message={done ?? (registered ? t("done.organisationRegistered") : null)} />
      {org.archived ? <p className="tag warn">{t("organisations.archived")}</p> : null}
      {register?.lastChange ? (
        <p className="hint">{t("organisations.lastChange", { space: register.lastChange.spaceName, date: formatDate(register.lastChange.at, locale) })}</p>
      ) : null}
      <dl className="facts">
        <dt>{t("organisations.type")}</dt>
        <dd>{t(`orgType.${org.type}`)}</dd>
        <dt>{t("geo.section")}</dt>
        <dd>{org.sectionLabel ?? "—"}</dd>
        <dt>{t("organisations.yearFounded")}</dt>
        <dd>{org.yearFounded ?? "—"}</dd>
        <dt>{t("organisations.legallyRecognised")}</dt>
        <dd>{yes(org.legallyRecognised)}</dd>
        <dt>{t("organisations.ledByWoman")}</dt>
        <dd>{yes(org.ledByWoman)}</dd>
        <dt>{t("organisations.ledByYouth")}</dt>
        <dd>{yes(org.ledByYouth)}</dd>
        {register ? (
          <>
            <dt>{t("organisations.contactName")}</dt>
            <dd>{[register.contact.contactName, register.contact.phone, register.contact.email].filter(Boolean).join(" · ") || "—"}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t("organisations.memberships")}</h2>
      <ul>
        {org.memberships.map((m, i) => (
          <li key={i}>
            {m.spaceName}: {formatDay(m.joinedOn, locale)} → {m.leftOn ? formatDay(m.leftOn, locale) : t("organisations.ongoing")}
          </li>
        ))}
      </ul>

      <h2>{t("organisations.counts")}</h2>
      {org.counts.length === 0 ? (
        <p>{t("organisations.noCounts")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("organisations.countedOn")}</th>
                <th scope="col" className="num">{t("sex.female")}</th>
                <th scope="col" className="num">{t("sex.male")}</th>
                {AGE_GROUP_IDS.map((id) => (
                  <th key={id} scope="col" className="num">
                    {t(`age.${id}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {org.counts.map((c, i) => (
                <tr key={i}>
                  <td>{formatDay(c.countedOn, locale)}</td>
                  <td className="num">{formatNumber(c.women, locale)}</td>
                  <td className="num">{formatNumber(c.men, locale)}</td>
                  {AGE_GROUP_IDS.map((id) => (
                    <td key={id} className="num">
                      {c.byAgeGroup[id] === undefined ? "—" : formatNumber(c.byAgeGroup[id]!, locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {register && !org.archived ? (
        <>
          <section className="panel" aria-labelledby="count-title">
            <h2 id="count-title">{t("organisations.recordCount")}</h2>
            <Form method="post" noValidate className="grid-form">
              <input type="hidden" name="intent" value="count" />
              <FormError error={of("count")?.errors.form} />
              <Field name="countedOn" type="date" label={t("organisations.countedOn")} required defaultValue={register.today} error={of("count")?.errors.countedOn} />
              <Field name="women" inputMode="numeric" label={t("organisations.womenMembers")} error={of("count")?.errors.women} />
              <Field name="men" inputMode="numeric" label={t("organisations.menMembers")} error={of("count")?.errors.men} />
              {AGE_GROUP_IDS.map((id) => (
                <Field key={id} name={`age_${id}`} inputMode="numeric" label={t(`age.${id}`)} error={of("count")?.errors[`age_${id}`]} />
              ))}
              <button type="submit">{t("organisations.saveCount")}</button>
            </Form>
          </section>
          {register.isMember ? (
            <section className="panel" aria-labelledby="edit-title">
              <h2 id="edit-title">{t("organisations.edit")}</h2>
              {register.sharedWith.length > 0 ? <p className="hint">{t("organisations.sharedWith", { spaces: sharedWith })}</p> : null}
              <p className="hint">{t("organisations.contactOwn")}</p>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="update" />
                <FormError error={of("update")?.errors.form} />
                <OrganisationFields sections={register.sectionChoices} values={of("update")?.values.name ? of("update")!.values : register.values} errors={of("update")?.errors} />
                <button type="submit" className="primary">
                  {t("common.save")}
                </button>
              </Form>
            </section>
          ) : null}
          {register.isMember ? (
            <section className="panel" aria-labelledby="leave-title">
              <h2 id="leave-title">{t("organisations.leave")}</h2>
              <FormError error={of("leave")?.errors.form ?? of("leave")?.errors.leftOn} />
              <ConfirmButton
                intent="leave"
                testId="leave-space"
                title={t("organisations.leaveConfirmTitle")}
                confirmLabel={t("organisations.leaveConfirm")}
                details={<p>{t("organisations.leaveConfirmText")}</p>}
                panelFields={<Field name="leftOn" type="date" label={t("organisations.leftOn")} required defaultValue={of("leave")?.values.leftOn ?? register.today} />}
              >
                {t("organisations.leave")}
              </ConfirmButton>
            </section>
          ) : null}
          <section className="panel" aria-labelledby="remove-title">
            <h2 id="remove-title">{t("organisations.remove")}</h2>
            <p className="hint">{t("organisations.removeHint")}</p>
            {/* The refusal to archive names the other spaces it belongs to. */}
            {removeError ? (
              <p className="form-error" role="alert">
                {t(removeError, { spaces: sharedWith })}
              </p>
            ) : null}
            <div className="actions">
              <ConfirmButton
                intent="delete"
                testId="delete-organisation"
                title={t("organisations.deleteConfirmTitle")}
                confirmLabel={t("organisations.deleteConfirm")}
                details={<p>{t("organisations.deleteConfirmText")}</p>}
              >
                {t("organisations.delete")}
              </ConfirmButton>
              <ConfirmButton
                intent="archive"
                testId="archive-organisation"
                title={t("organisations.archiveConfirmTitle")}
                confirmLabel={t("organisations.archiveConfirm")}
                details={<p>{t("organisations.archiveConfirmText")}</p>}
              >
                {t("organisations.archive")}
              </ConfirmButton>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
