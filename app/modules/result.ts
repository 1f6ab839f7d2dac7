/** What a command returns: its value, or a code that the route maps to a message. */
export type Result<T, Code extends string = string> = { ok: true; value: T } | { ok: false; code: Code; field?: string };

export const ok = <T,>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <Code extends string>(code: Code, field?: string): { ok: false; code: Code; field?: string } =>
  field === undefined ? { ok: false, code } : { ok: false, code, field };
