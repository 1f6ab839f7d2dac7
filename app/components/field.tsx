import type { InputHTMLAttributes, ReactNode } from "react";
import type { MessageKey } from "../modules/i18n/translate";
import { useT } from "./i18n";

/** A labelled input with its error right below it, announced to screen readers. */
export function Field({
  name,
  label,
  error,
  hint,
  id: givenId,
  ...input
}: { name: string; label: string; error?: MessageKey; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  // Two forms on one page may share a field name; they pass their own id.
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
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  error,
  children,
  defaultValue,
  required,
  id: givenId,
}: {
  name: string;
  label: string;
  error?: MessageKey;
  children: ReactNode;
  defaultValue?: string;
  required?: boolean;
  id?: string;
}) {
  const id = givenId ?? `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue} required={required} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {children}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's error, announced by its input (`aria-describedby` names `<id>-error`). */
export function FieldError({ id, error }: { id: string; error?: MessageKey }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="error" id={`${id}-error`}>
      {t(error)}
    </p>
  );
}

export function FormError({ error }: { error?: MessageKey }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {t(error)}
    </p>
  );
}
