import type { FieldErrors } from "../modules/forms";
import { AgeGroupSelect, SexSelect } from "./people-selects";
import { MIN_PASSWORD_LENGTH } from "../modules/users/password-rules";
import { Field, SelectField } from "./field";
import { useT } from "./i18n";

type Values = Record<string, string | undefined>;

/**
 * Name, sex, age, disability, phone and language of a person, and their consent to be named
 * on public pages (not asked of officials: an official is named as such).
 */
export function PersonFields({ values = {}, errors = {}, askConsent = true }: { values?: Values; errors?: FieldErrors; askConsent?: boolean }) {
  const t = useT();
  return (
    <>
      <Field name="name" label={t("people.name")} required defaultValue={values.name} error={errors.name} />
      <SexSelect defaultValue={values.sex} error={errors.sex} />
      <Field name="birthYear" inputMode="numeric" label={t("people.birthYear")} hint={t("people.birthYearHint")} defaultValue={values.birthYear} error={errors.birthYear} />
      <AgeGroupSelect defaultValue={values.ageGroup} error={errors.ageGroup} />
      <label className="check">
        <input type="checkbox" name="disability" defaultChecked={values.disability === "on"} /> {t("people.disability")}
      </label>
      {askConsent ? (
        <>
          <label className="check">
            <input type="checkbox" name="namedPublicly" defaultChecked={values.namedPublicly === "on"} aria-describedby="named-publicly-hint" /> {t("people.namedPublicly")}
          </label>
          <p className="hint" id="named-publicly-hint">
            {t("people.namedPubliclyHint")}
          </p>
        </>
      ) : null}
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
