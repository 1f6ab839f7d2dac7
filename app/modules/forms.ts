import { z } from "zod";
import { normalizePhone } from "./auth/phone";
import { ISO_DATE } from "./dates";
import type { MessageKey } from "./i18n/translate";

/**
 * Form plumbing shared by every route: HTML forms send strings, empty fields mean "not
 * given", and each zod issue carries a dictionary key as its message.
 */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/** A parsed form's type as commands take it: the fields that may be undefined are optional. */
export type Parsed<S extends z.ZodType> = Flatten<
  { [K in keyof z.output<S> as undefined extends z.output<S>[K] ? K : never]?: z.output<S>[K] } & {
    [K in keyof z.output<S> as undefined extends z.output<S>[K] ? never : K]: z.output<S>[K];
  }
>;
type Flatten<T> = { [K in keyof T]: T[K] };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    // Our schemas' messages are keys (tests/unit/i18n.test.ts checks each exists); zod's own are not.
    errors[field] = /^[a-zA-Z]+(\.[\w-]+)+$/.test(issue.message) ? (issue.message as MessageKey) : "error.invalid";
  }
  return errors;
}

/** An optional text field: trimmed, and "" becomes undefined. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "error.tooLong" })
    .transform((v) => (v === "" ? undefined : v))
    .optional();

export const requiredText = (max: number) =>
  z.string({ error: "error.required" }).trim().min(1, { error: "error.required" }).max(max, { error: "error.tooLong" });

/** Field errors of several zod results at once (the ones that failed). */
export function errorsOf(...results: { success: boolean; error?: z.ZodError }[]): FieldErrors {
  return Object.assign({}, ...results.map((r) => (r.success || !r.error ? {} : fieldErrors(r.error))));
}

/** Checkbox fields: present ("on") or absent. */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

export const optionalPhone = optionalText(30).transform((v, ctx) => {
  if (v === undefined) return undefined;
  const phone = normalizePhone(v);
  if (!phone) {
    ctx.addIssue({ code: "custom", message: "error.phone" });
    return z.NEVER;
  }
  return phone;
});

export const isoDate = z.string().trim().regex(ISO_DATE, { error: "error.date" });
