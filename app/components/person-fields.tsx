import type { FieldErrors } from "../modules/forms";
import type { MessageKey } from "../modules/i18n/translate";
import { AGE_GROUP_IDS } from "../modules/people/age-groups";
import { MIN_PASSWORD_LENGTH } from "../modules/users/password-rules";
import { Field, SelectField } from "./field";
import { useT } from "./i18n";

type Values = Record<string, string | undefined>;

/** Name, sex, age, disability, phone and language of a person. */
export function PersonFields({ values = {}, errors = {} }: { values?: Values; errors?: FieldErrors }) {
  const t = useT();
  return (
    <>
      <Field name="name" label={t("people.name")} required defaultValue={values.name} error={errors.name} />
      <SelectField name="sex" label={t("composition.sex")} defaultValue={values.sex ?? ""} error={errors.sex}>
        <option value="">{t("sex.unstated")}</option>
        <option value="female">{t("sex.female")}</option>
        <option value="male">{t("sex.male")}</option>
      </SelectField>
      <Field name="birthYear" inputMode="numeric" label={t("people.birthYear")} hint={t("people.birthYearHint")} defaultValue={values.birthYear} error={errors.birthYear} />
      <SelectField name="ageGroup" label={t("delegates.ageGroup")} defaultValue={values.ageGroup ?? ""} error={errors.ageGroup}>
        <option value="">{t("age.unknown")}</option>
        {AGE_GROUP_IDS.map((id) => (
          <option key={id} value={id}>
            {t(`age.${id}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <label className="check">
        <input type="checkbox" name="disability" defaultChecked={values.disability === "on"} /> {t("people.disability")}
      </label>
      <Field name="phone" type="tel" label={t("account.phone")} defaultValue={values.phone} error={errors.phone} />
      <SelectField name="preferredLanguage" label={t("accounts.locale")} defaultValue={values.preferredLanguage ?? ""} error={errors.preferredLanguage}>
        <option value="">—</option>
        <option value="ht">{t("language.ht")}</option>
        <option value="fr">{t("language.fr")}</option>
      </SelectField>
    </>
  );
}

/** "Give them an account" in the same step: an e-mail (or the phone above) and a first password. */
export function AccountFields({ values = {}, errors = {} }: { values?: Values; errors?: FieldErrors }) {
  const t = useT();
  return (
    <fieldset className="checks">
      <legend>{t("people.account")}</legend>
      <label className="check">
        <input type="checkbox" name="createAccount" defaultChecked={values.createAccount === "on"} /> {t("people.createAccount")}
      </label>
      <Field name="accountEmail" type="email" label={t("account.email")} hint={t("people.accountHint")} defaultValue={values.accountEmail} error={errors.accountEmail} autoComplete="off" />
      <Field name="accountPassword" type="password" label={t("accounts.password")} hint={t("accounts.passwordHint", { min: MIN_PASSWORD_LENGTH })} error={errors.accountPassword} autoComplete="new-password" />
    </fieldset>
  );
}
