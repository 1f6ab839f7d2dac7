import { Form } from "./form";
import type { FieldErrors } from "../modules/forms";
import { MEETING_KINDS } from "../modules/meetings/kinds";
import { Field, FormError, SelectField } from "./field";
import { useT } from "./i18n";

export interface MeetingFormValues {
  kind?: string;
  title?: string;
  startsAt?: string;
  endsAt?: string;
  place?: string;
  published?: boolean;
  facilitatorIds?: string[];
  authorityIds?: number[];
}

/** Planning a meeting: kind, title, when (Haiti's time), where, facilitators, invited authorities. */
export function MeetingForm({
  values,
  errors = {},
  facilitators,
  authorities,
  submitLabel,
}: {
  values: MeetingFormValues;
  errors?: FieldErrors;
  facilitators: { userId: string; name: string }[];
  authorities: { id: number; name: string }[];
  submitLabel: string;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="meeting" />
      <FormError error={errors.form} />
      <SelectField name="kind" label={t("meetings.kind")} defaultValue={values.kind ?? "ordinary"} error={errors.kind}>
        {MEETING_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`meetingKind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <Field name="title" label={t("meetings.titleField")} required defaultValue={values.title} error={errors.title} />
      <Field name="startsAt" type="datetime-local" label={t("meetings.startsAt")} required defaultValue={values.startsAt} error={errors.startsAt} />
      <Field name="endsAt" type="datetime-local" label={t("meetings.endsAt")} defaultValue={values.endsAt} error={errors.endsAt} />
      <Field name="place" label={t("meetings.place")} defaultValue={values.place} error={errors.place} />
      {facilitators.length > 0 ? (
        <fieldset className="checks">
          <legend>{t("spaces.facilitators")}</legend>
          {facilitators.map((f) => (
            <label key={f.userId} className="check">
              <input type="checkbox" name="facilitatorIds" value={f.userId} defaultChecked={values.facilitatorIds?.includes(f.userId)} /> {f.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      {authorities.length > 0 ? (
        <fieldset className="checks">
          <legend>{t("meetings.invitedAuthorities")}</legend>
          {authorities.map((a) => (
            <label key={a.id} className="check">
              <input type="checkbox" name="authorityIds" value={a.id} defaultChecked={values.authorityIds?.includes(a.id)} /> {a.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="check">
        <input type="checkbox" name="published" defaultChecked={values.published} /> {t("meetings.published")}
      </label>
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </Form>
  );
}
