import type { FieldErrors } from "../modules/forms";
import { ORGANISATION_TYPES } from "../modules/organisations/types";
import { Field, SelectField } from "./field";
import { useLocale, useT } from "./i18n";
import { sectionLabel } from "../modules/geography/labels";

type Values = Record<string, unknown>;

const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);
const checked = (v: unknown) => v === true || v === "on";

/** The fields describing an organisation, shared by the register and edit forms. */
export function OrganisationFields({ sections, values = {}, errors = {} }: { sections: { code: string; label: string }[]; values?: Values; errors?: FieldErrors }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <Field name="name" label={t("organisations.name")} required defaultValue={text(values.name)} error={errors.name} />
      <Field name="acronym" label={t("organisations.acronym")} defaultValue={text(values.acronym)} error={errors.acronym} />
      <SelectField name="type" label={t("organisations.type")} defaultValue={text(values.type) ?? ""} error={errors.type} required>
        <option value="">{t("filters.choose")}</option>
        {ORGANISATION_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`orgType.${type}`)}
          </option>
        ))}
      </SelectField>
      <SelectField name="sectionCode" label={t("geo.section")} defaultValue={text(values.sectionCode) ?? ""} error={errors.sectionCode}>
        <option value="">—</option>
        {sections.map((s) => (
          <option key={s.code} value={s.code}>
            {sectionLabel(s.label, locale)}
          </option>
        ))}
      </SelectField>
      <Field name="contactName" label={t("organisations.contactName")} defaultValue={text(values.contactName)} error={errors.contactName} />
      <Field name="phone" type="tel" label={t("account.phone")} defaultValue={text(values.phone)} error={errors.phone} />
      <Field name="email" type="email" label={t("account.email")} defaultValue={text(values.email)} error={errors.email} />
      <Field name="yearFounded" inputMode="numeric" label={t("organisations.yearFounded")} defaultValue={text(values.yearFounded)} error={errors.yearFounded} />
      <fieldset className="checks">
        <legend>{t("organisations.status")}</legend>
        <label className="check">
          <input type="checkbox" name="legallyRecognised" defaultChecked={checked(values.legallyRecognised)} /> {t("organisations.legallyRecognised")}
        </label>
        <label className="check">
          <input type="checkbox" name="ledByWoman" defaultChecked={checked(values.ledByWoman)} /> {t("organisations.ledByWoman")}
        </label>
        <label className="check">
          <input type="checkbox" name="ledByYouth" defaultChecked={checked(values.ledByYouth)} /> {t("organisations.ledByYouth")}
        </label>
      </fieldset>
    </>
  );
}
