/**
 * Two steps for what cannot be taken back, without JavaScript: the first post of an intent
 * without `confirm=1` writes nothing and answers with this request, which the page renders as
 * a confirmation (`ConfirmButton`); the second post carries `confirm=1` and runs the command.
 * With JavaScript the first step happens in the page, with no round trip.
 */
export interface ConfirmRequest {
  confirm: { intent: string; fields: Record<string, string> };
}

export const CONFIRM_FIELD = "confirm";

export function isConfirmed(values: Record<string, unknown>): boolean {
  return values[CONFIRM_FIELD] === "1";
}

export function askToConfirm(intent: string, fields: Record<string, string | number> = {}): ConfirmRequest {
  return { confirm: { intent, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])) } };
}

/** Whether the answer asks to confirm exactly this intent with these fields. */
export function asksToConfirm(answer: unknown, intent: string, fields: Record<string, string | number> = {}): boolean {
  if (!answer || typeof answer !== "object" || !("confirm" in answer)) return false;
  const asked = (answer as Partial<ConfirmRequest>).confirm;
  if (!asked || asked.intent !== intent) return false;
  return Object.entries(fields).every(([k, v]) => asked.fields?.[k] === String(v));
}
