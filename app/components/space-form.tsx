import { Form } from "./form";
import type { FieldErrors } from "../modules/forms";
import { Field, FormError, SelectField } from "./field";
import { useLocale, useT } from "./i18n";
import { sectionLabel } from "../modules/geography/labels";

type Values = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);

/** A space's name, place and rules: the create and settings forms. */
export function SpaceForm({
  commune,
  sections,
  values = {},
  errors = {},
  submitLabel,
}: {
  commune: { code: string; name: string };
  sections: { code: string; label: string }[];
  values?: Values;
  errors?: FieldErrors;
  submitLabel: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="space" />
      <input type="hidden" name="communeCode" value={commune.code} />
      <FormError error={errors.form ?? errors.communeCode} />
      <p>
        {t("spaces.commune")}: <strong>{commune.name}</strong> <span className="muted">({commune.code})</span>
      </p>
      <Field name="name" label={t("spaces.name")} required defaultValue={text(values.name)} error={errors.name} />
      <SelectField name="level" label={t("spaces.level")} defaultValue={text(values.level) ?? "commune"} error={errors.level}>
        <option value="commune">{t("space.level.commune")}</option>
        <option value="section">{t("space.level.section")}</option>
      </SelectField>
      <SelectField name="sectionCode" label={t("spaces.sectionIfSection")} defaultValue={text(values.sectionCode) ?? ""} error={errors.sectionCode}>
        <option value="">—</option>
        {sections.map((s) => (
          <option key={s.code} value={s.code}>
            {sectionLabel(s.label, locale)}
          </option>
        ))}
      </SelectField>
      <SelectField name="setting" label={t("spaces.setting")} defaultValue={text(values.setting) ?? "rural"} error={errors.setting}>
        <option value="rural">{t("space.setting.rural")}</option>
        <option value="urban">{t("space.setting.urban")}</option>
      </SelectField>
      <div className="field">
        <label htmlFor="field-description">{t("spaces.description")}</label>
        <textarea id="field-description" name="description" rows={3} defaultValue={text(values.description)} />
      </div>
      <SelectField name="status" label={t("spaces.status")} defaultValue={text(values.status) ?? "active"} error={errors.status}>
        <option value="active">{t("space.status.active")}</option>
        <option value="dormant">{t("space.status.dormant")}</option>
      </SelectField>
      <fieldset className="checks">
        <legend>{t("spaces.rules")}</legend>
        <SelectField name="votingBase" label={t("spaces.votingBase")} defaultValue={text(values.votingBase) ?? "organisation"} error={errors.votingBase}>
          <option value="organisation">{t("spaces.votingBase.organisation")}</option>
          <option value="delegate">{t("spaces.votingBase.delegate")}</option>
        </SelectField>
        <Field name="quorumPercent" inputMode="numeric" label={t("spaces.quorumPercent")} defaultValue={text(values.quorumPercent) ?? "50"} error={errors.quorumPercent} />
        <SelectField name="majorityRule" label={t("spaces.majority")} defaultValue={text(values.majorityRule) ?? "simple"} error={errors.majorityRule}>
          {(["simple", "absolute", "two_thirds", "consensus"] as const).map((rule) => (
            <option key={rule} value={rule}>
              {t(`spaces.majority.${rule}`)}
            </option>
          ))}
        </SelectField>
        <Field name="titularSeats" inputMode="numeric" label={t("spaces.titularSeats")} defaultValue={text(values.titularSeats) ?? "1"} error={errors.titularSeats} />
        <Field name="substituteSeats" inputMode="numeric" label={t("spaces.substituteSeats")} defaultValue={text(values.substituteSeats) ?? "1"} error={errors.substituteSeats} />
      </fieldset>
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </Form>
  );
}
