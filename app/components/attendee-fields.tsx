import type { FieldErrors } from "../modules/forms";
import { AgeGroupSelect, SexSelect } from "./people-selects";
import { ATTENDANCE_ROLES } from "../modules/meetings/kinds";
import { Field, SelectField } from "./field";
import { useT } from "./i18n";

export interface AttendeeValues {
  name?: string;
  sex?: string | null;
  ageGroup?: string | null;
  disability?: boolean;
  organisationId?: number | string | null;
  role?: string;
}

/** One attendee as recorded at the door: the walk-in form and the correction form share it. */
export function AttendeeFields({
  idPrefix,
  values,
  errors = {},
  organisations,
  autoFocus,
}: {
  idPrefix: string;
  values: AttendeeValues;
  errors?: FieldErrors;
  organisations: { id: number; name: string }[];
  autoFocus?: boolean;
}) {
  const t = useT();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <Field id={id("name")} name="name" label={t("people.name")} required autoFocus={autoFocus} autoComplete="off" defaultValue={values.name} error={errors.name} />
      <SexSelect id={id("sex")} defaultValue={values.sex} error={errors.sex} />
      <AgeGroupSelect id={id("ageGroup")} defaultValue={values.ageGroup} error={errors.ageGroup} />
      <label className="check">
        <input type="checkbox" name="disability" defaultChecked={values.disability} /> {t("people.disability")}
      </label>
      <SelectField id={id("organisationId")} name="organisationId" label={t("delegates.organisation")} defaultValue={values.organisationId ? String(values.organisationId) : ""} error={errors.organisationId}>
        <option value="">{t("attendance.noOrganisation")}</option>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField id={id("role")} name="role" label={t("attendance.role")} defaultValue={values.role ?? "observer"} error={errors.role}>
        {ATTENDANCE_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`attendanceRole.${role}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
