import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { BreakdownInputs } from "../components/breakdown-inputs";
import { Field, FormError, SelectField } from "../components/field";
import { Form } from "../components/form";
import { useT } from "../components/i18n";
import { TextArea } from "../components/motion-fields";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../modules/auth/guards.server";
import { recordableAuthorities, recordChoices } from "../modules/commitments/commitment-views.server";
import { beneficiaryField, RecordCommitmentSchema } from "../modules/commitments/commitments.schemas";
import { recordCommitment } from "../modules/commitments/commitments.server";
import { commitmentMessage } from "../modules/commitments/messages";
import { localDate } from "../modules/dates";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { MOTION_THEMES } from "../modules/motions/themes";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "commitments.record.title");

const positive = (value: string | null) => (value && /^\d{1,9}$/.test(value) ? value : "");

/**
 * Record a commitment: a facilitator of the space (during or after a meeting), or an official
 * for their own authority. Opened from a motion's page or the console, it comes with the
 * motion and the meeting chosen.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const current = requireUser(context, request);
  const space = requireSpace(context.db, params);
  const now = context.now();
  const authorities = recordableAuthorities(context.db, current.actor, space, now);
  if (authorities.length === 0) throw new Response("Forbidden", { status: 403 });
  const url = new URL(request.url);
  return {
    space: { id: space.id, name: space.name },
    authorities,
    ...recordChoices(context.db, context.current?.actor ?? null, space),
    prefill: { motionId: positive(url.searchParams.get("motion")), meetingId: positive(url.searchParams.get("reunion")) },
    today: localDate(now),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requireUser(context, request);
  const space = requireSpace(context.db, params);
  const values = formValues(await request.formData());
  const parsed = RecordCommitmentSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: errorsOf(parsed) }, { status: 400 });
  const result = recordCommitment(context, current.actor, space.id, parsed.data, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: commitmentMessage(result.code) } as FieldErrors }, { status: result.code === "forbidden" ? 403 : 400 });
  throw redirect(`/espaces/${space.id}/engagements/${result.value.id}`);
}

export default function RecordCommitment() {
  const { space, authorities, motions, meetings, sections, prefill, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values: Record<string, string> = result?.values ?? { motionId: prefill.motionId, meetingId: prefill.meetingId, isPublic: "on" };
  const errors = result?.errors ?? {};
  return (
    <div className="narrow">
      <Breadcrumb
        trail={[
          { to: `/espaces/${space.id}`, label: space.name },
          { to: `/espaces/${space.id}/engagements`, label: t("commitments.title") },
        ]}
      />
      <h1>{t("commitments.record.title")}</h1>
      <p className="hint">{t("commitments.record.hint")}</p>
      <Form method="post" noValidate>
        <FormError error={errors.form} />
        <SelectField name="authorityId" label={t("commitments.field.authority")} required defaultValue={values.authorityId} error={errors.authorityId}>
          {authorities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="officialId" label={t("commitments.field.official")} defaultValue={values.officialId} error={errors.officialId}>
          <option value="">{t("commitments.field.noOfficial")}</option>
          {authorities.map((a) =>
            a.officials.length ? (
              <optgroup key={a.id} label={a.name}>
                {a.officials.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </SelectField>
        <Field name="office" label={t("commitments.field.office")} hint={t("commitments.field.officeHint")} maxLength={200} defaultValue={values.office} error={errors.office} />
        <Field name="title" label={t("commitments.field.title")} required maxLength={200} defaultValue={values.title} error={errors.title} />
        <TextArea name="text" label={t("commitments.field.text")} hint={t("commitments.field.textHint")} required rows={5} defaultValue={values.text} error={errors.text} />
        <SelectField name="theme" label={t("motions.field.theme")} required defaultValue={values.theme ?? "other"} error={errors.theme}>
          {MOTION_THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`motions.theme.${theme}`)}
            </option>
          ))}
        </SelectField>
        <Field name="dueDate" type="date" label={t("commitments.field.dueDate")} required min={today} defaultValue={values.dueDate} error={errors.dueDate} />
        <SelectField name="motionId" label={t("commitments.field.motion")} defaultValue={values.motionId} error={errors.motionId}>
          <option value="">{t("commitments.field.none")}</option>
          {motions.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </SelectField>
        <SelectField name="meetingId" label={t("commitments.field.meeting")} defaultValue={values.meetingId} error={errors.meetingId}>
          <option value="">{t("commitments.field.none")}</option>
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.day} — {m.title}
            </option>
          ))}
        </SelectField>
        <SelectField name="sectionCode" label={t("commitments.field.section")} defaultValue={values.sectionCode} error={errors.sectionCode}>
          <option value="">{t("commitments.field.wholeTerritory")}</option>
          {sections.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <Field name="budgetHtg" inputMode="numeric" label={t("commitments.field.budget")} defaultValue={values.budgetHtg} error={errors.budgetHtg} />
        <fieldset>
          <legend>{t("commitments.field.beneficiaries")}</legend>
          <Field name="beneficiaries" inputMode="numeric" label={t("commitments.field.beneficiariesCount")} defaultValue={values.beneficiaries} error={errors.beneficiaries} />
          <Field name="beneficiariesNote" label={t("commitments.field.beneficiariesNote")} maxLength={300} defaultValue={values.beneficiariesNote} error={errors.beneficiariesNote} />
          <details>
            <summary>{t("commitments.field.breakdown")}</summary>
            <BreakdownInputs values={values} field={beneficiaryField} cellLabel={(sex, age) => t("commitments.field.breakdownCell", { sex, age })} className="poll-breakdown-grid" />
          </details>
        </fieldset>
        <div className="field checkbox">
          <label>
            <input type="checkbox" name="isPublic" defaultChecked={values.isPublic === "on"} /> {t("commitments.field.public")}
          </label>
          <p className="hint">{t("commitments.field.publicHint")}</p>
        </div>
        <button type="submit" className="primary">
          {t("commitments.record.save")}
        </button>
      </Form>
    </div>
  );
}
