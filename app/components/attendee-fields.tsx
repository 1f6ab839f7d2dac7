import type { FieldErrors } from "../modules/forms";
import type { MessageKey } from "../modules/i18n/translate";
import { searchKey } from "../modules/geography/search-key";
import { ATTENDANCE_ROLES } from "../modules/meetings/kinds";
import { NOT_STATED } from "../modules/meetings/meetings.schemas";
import { AGE_GROUP_IDS } from "../modules/people/age-groups";
import { SEXES } from "../modules/people/sex";
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

/**
 * The organisations as the list shows them (acronym, else name), sorted by what it shows,
 * accents and case aside: typing a letter in the list picks the first one that reads so.
 */
export function sortedByShownName<T extends { name: string }>(organisations: readonly T[]): T[] {
  return [...organisations].sort((a, b) => searchKey(a.name).localeCompare(searchKey(b.name)) || a.name.localeCompare(b.name));
}

/**
 * One attendee as recorded at the door: the walk-in form and the correction form share it.
 * Sex and age group are big buttons (radio inputs: one tap, and they work before
 * JavaScript); each has its "prefers not to say". A row recorded as not stated shows that
 * answer checked; a new walk-in starts with neither, so that nobody is saved blank by mistake.
 */
export function AttendeeFields({
  idPrefix,
  values,
  errors = {},
  organisations,
  autoFocus,
  stated = false,
}: {
  idPrefix: string;
  values: AttendeeValues;
  errors?: FieldErrors;
  organisations: { id: number; name: string }[];
  autoFocus?: boolean;
  /** A recorded row: null means "not stated" was answered. */
  stated?: boolean;
}) {
  const t = useT();
  const id = (name: string) => `${idPrefix}-${name}`;
  const answer = (value: string | null | undefined) => (value ? value : stated ? NOT_STATED : undefined);
  return (
    <>
      <Field id={id("name")} name="name" label={t("people.name")} required autoFocus={autoFocus} autoComplete="off" defaultValue={values.name} error={errors.name} />
      <ChoiceButtons
        id={id("sex")}
        name="sex"
        legend={t("composition.sex")}
        checked={answer(values.sex)}
        error={errors.sex}
        choices={[...SEXES.map((sex) => ({ value: sex, label: t(`sex.${sex}`) })), { value: NOT_STATED, label: t("attendance.preferNotToSay") }]}
      />
      <ChoiceButtons
        id={id("ageGroup")}
        name="ageGroup"
        legend={t("delegates.ageGroup")}
        checked={answer(values.ageGroup)}
        error={errors.ageGroup}
        choices={[...AGE_GROUP_IDS.map((group) => ({ value: group, label: t(`age.${group}`) })), { value: NOT_STATED, label: t("attendance.preferNotToSay") }]}
      />
      <SelectField id={id("organisationId")} name="organisationId" label={t("delegates.organisation")} defaultValue={values.organisationId ? String(values.organisationId) : ""} error={errors.organisationId}>
        <option value="">{t("attendance.noOrganisation")}</option>
        {sortedByShownName(organisations).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <label className="check">
        <input type="checkbox" name="disability" defaultChecked={values.disability} /> {t("people.disability")}
      </label>
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

/** A one-tap choice: radio inputs drawn as buttons, in a fieldset whose legend names them. */
function ChoiceButtons({
  id,
  name,
  legend,
  choices,
  checked,
  error,
}: {
  id: string;
  name: string;
  legend: string;
  choices: { value: string; label: string }[];
  checked?: string;
  error?: MessageKey;
}) {
  const t = useT();
  return (
    <fieldset className="choice-buttons" id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} data-invalid={error ? "" : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
      <div className="choices">
        {choices.map((choice) => (
          <label key={choice.value} className={choice.value === NOT_STATED ? "choice unstated" : "choice"}>
            <input type="radio" name={name} value={choice.value} defaultChecked={checked === choice.value} />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
