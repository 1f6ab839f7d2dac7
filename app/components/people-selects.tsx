import type { FieldErrors } from "../modules/forms";
import { AGE_GROUP_IDS } from "../modules/people/age-groups";
import { SEXES } from "../modules/people/sex";
import { SelectField } from "./field";
import { useT } from "./i18n";

type SelectProps = { id?: string; defaultValue?: string | null; error?: FieldErrors[string] };

/** Sex, with "not stated" first: never guessed. */
export function SexSelect({ id, defaultValue, error }: SelectProps) {
  const t = useT();
  return (
    <SelectField id={id} name="sex" label={t("composition.sex")} defaultValue={defaultValue ?? ""} error={error}>
      <option value="">{t("sex.unstated")}</option>
      {SEXES.map((sex) => (
        <option key={sex} value={sex}>
          {t(`sex.${sex}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** An age group, for when the birth year is not known. */
export function AgeGroupSelect({ id, defaultValue, error }: SelectProps) {
  const t = useT();
  return (
    <SelectField id={id} name="ageGroup" label={t("delegates.ageGroup")} defaultValue={defaultValue ?? ""} error={error}>
      <option value="">{t("age.unknown")}</option>
      {AGE_GROUP_IDS.map((group) => (
        <option key={group} value={group}>
          {t(`age.${group}`)}
        </option>
      ))}
    </SelectField>
  );
}
