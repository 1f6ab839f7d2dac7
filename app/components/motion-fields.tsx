import type { FieldErrors } from "../modules/forms";
import type { MessageKey } from "../modules/i18n/translate";
import { MOTION_THEMES } from "../modules/motions/themes";
import { Field, FieldError, SelectField } from "./field";
import { useT } from "./i18n";

/** A labelled text area with its hint and error, as `Field` does for an input. */
export function TextArea({ name, label, hint, error, defaultValue, rows = 5, required, id: givenId }: { name: string; label: string; hint?: string; error?: MessageKey; defaultValue?: string; rows?: number; required?: boolean; id?: string }) {
  const id = givenId ?? `field-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea id={id} name={name} rows={rows} defaultValue={defaultValue} required={required} aria-invalid={error ? true : undefined} aria-describedby={described} />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** What a motion says, as drafted and edited: title, text, rationale, theme, addressee. */
export function MotionFields({ authorities, values = {}, errors = {} }: { authorities: readonly { id: number; name: string }[]; values?: Record<string, string | number | null | undefined>; errors?: FieldErrors }) {
  const t = useT();
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return (
    <>
      <Field name="title" label={t("motions.field.title")} required maxLength={200} defaultValue={text(values.title)} error={errors.title} />
      <TextArea name="text" label={t("motions.field.text")} hint={t("motions.field.textHint")} rows={10} required defaultValue={text(values.text)} error={errors.text} />
      <TextArea name="rationale" label={t("motions.field.rationale")} rows={4} defaultValue={text(values.rationale)} error={errors.rationale} />
      <SelectField name="theme" label={t("motions.field.theme")} required defaultValue={text(values.theme)} error={errors.theme}>
        <option value="">{t("filters.choose")}</option>
        {MOTION_THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(`motions.theme.${theme}`)}
          </option>
        ))}
      </SelectField>
      <SelectField name="authorityId" label={t("motions.field.authority")} defaultValue={text(values.authorityId)} error={errors.authorityId}>
        <option value="">{t("motions.field.noAuthority")}</option>
        {authorities.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
