/**
 * The field every state-changing form carries (`components/form.tsx`), under which the
 * server keeps the answer it gave (`server/idempotency.ts`): a retry after the network
 * dropped, a double tap or a re-post gets that answer again and changes nothing twice. And the
 * query parameter under which a browser without JavaScript reads, after the server's
 * redirect, the page its post produced (post/redirect/get).
 */
export const IDEMPOTENCY_FIELD = "_cle";
export const ANSWER_PARAM = "_vu";

/** A key as forms write it: the page's seed, the form's place on the page, its count of sends. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,40}\.[A-Za-z0-9_-]{1,24}\.\d{1,6}$/;

export function formKey(seed: string, formId: string, sent: number): string {
  return `${seed}.${formId.replace(/[^A-Za-z0-9_-]/g, "")}.${sent}`;
}
