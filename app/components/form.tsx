import { Form as RemixForm, useFetchers, useNavigation, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent } from "react";
import { formKey, IDEMPOTENCY_FIELD, IDEMPOTENCY_KEY } from "../modules/idempotency";
import { useT } from "./i18n";

/**
 * Remix's `<Form>`, and for a post two things more:
 * - a key (`modules/idempotency.ts`): the server applies a post sent twice once and answers the
 *   same; the key changes once the post went through, so the same button pressed again later
 *   is a new post. A `repeatable` form (a counter tapped several times in a row) takes a new
 *   key at each press;
 * - when the device is offline, the post waits: what was typed stays, the form says it is
 *   waiting for the network, and sends itself when the network returns;
 * - when the network drops while the post is under way (before it left, or after, its answer
 *   lost), it is sent again with the same key until an answer comes back (`resendKeyedPosts`):
 *   the server applies it once and answers the retry as it answered the first.
 */
type KeyedFormProps = FormProps & { repeatable?: boolean };

export const Form = forwardRef<HTMLFormElement, KeyedFormProps>(function Form(props, ref) {
  const method = (props.method ?? "get").toLowerCase();
  if (method === "get") return <RemixForm ref={ref} {...props} />;
  return <KeyedForm ref={ref} {...props} />;
});

const KeyedForm = forwardRef<HTMLFormElement, KeyedFormProps>(function KeyedForm({ children, onSubmit, repeatable, ...props }, ref) {
  const t = useT();
  const seed = (useRouteLoaderData("root") as { formSeed?: string } | undefined)?.formSeed ?? "page";
  const id = useId();
  const [sent, setSent] = useState(0);
  // Posts held while offline: one for a form (pressed again, it is the same post), each press
  // for a `repeatable` one (three taps on a counter are three people). Sent one at a time once
  // the network returns, each with the key rendered after the one before it.
  const held = useRef(0);
  const [waiting, setWaiting] = useState(false);
  const [draining, setDraining] = useState(false);
  // Its post failed on the way and is being sent again (see resendKeyedPosts).
  const [resending, setResending] = useState(false);
  const posted = useRef<string | null>(null);
  // The button that sent it (its name and value are part of the post), to send it again with.
  const submitter = useRef<HTMLElement | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useImperativeHandle(ref, () => form.current!);
  const key = formKey(seed, id, sent);

  // Once this form's post has gone through (as a navigation or a fetcher), its next one is
  // another post; while it is under way, a second press is the same post.
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const underWay = navigation.formData?.get(IDEMPOTENCY_FIELD) === key || fetchers.some((f) => f.formData?.get(IDEMPOTENCY_FIELD) === key);
  const ours = useRef(false);
  useEffect(() => {
    if (underWay) ours.current = true;
    else if (ours.current) {
      ours.current = false;
      setSent((n) => n + 1);
    }
    if (!underWay) setResending(false);
  }, [underWay]);

  useEffect(() => {
    resendKeyedPosts();
    const follow = (event: Event) => {
      const { key: resent, resending } = (event as CustomEvent<{ key: string; resending: boolean }>).detail;
      if (resent === posted.current) setResending(resending);
    };
    window.addEventListener(RESENDING_EVENT, follow);
    return () => window.removeEventListener(RESENDING_EVENT, follow);
  }, []);

  useEffect(() => {
    if (!waiting) return;
    const drain = () => setDraining(true);
    window.addEventListener("online", drain);
    return () => window.removeEventListener("online", drain);
  }, [waiting]);

  useEffect(() => {
    if (!draining || held.current <= 0) return;
    held.current -= 1;
    form.current?.requestSubmit(submitter.current ?? undefined);
    // The last one is on its way (or was sent another way, a socket): nothing is held any more.
    if (held.current <= 0) {
      setDraining(false);
      setWaiting(false);
    }
  }, [draining, sent]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    if (event.defaultPrevented) return;
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      event.preventDefault();
      submitter.current = (event.nativeEvent as SubmitEvent).submitter;
      held.current = repeatable ? held.current + 1 : 1;
      setWaiting(true);
      // Offline again mid-way: the rest waits for the next return of the network.
      setDraining(false);
      return;
    }
    posted.current = key;
    // Remix reads the form's fields right after this handler, before the new key renders.
    if (repeatable) setSent((n) => n + 1);
  };

  return (
    <RemixForm ref={form} {...props} onSubmit={submit}>
      <input type="hidden" name={IDEMPOTENCY_FIELD} value={key} />
      {children}
      {waiting || resending ? (
        <p className="notice waiting" role="status">
          {t("form.waitingForNetwork")}
        </p>
      ) : null}
    </RemixForm>
  );
});

const RESENDING_EVENT = "makon:resending";
let resendInstalled = false;

/**
 * Remix sends a form with `fetch`; when that fails for want of network (a `TypeError`: the
 * post never left, or its answer was lost on the way back) it shows the error page, and what
 * was typed is gone. A keyed post is safe to send again — the server applies its key once and
 * answers a retry as it answered the first — so `fetch` is wrapped, once, to resend a keyed
 * post until an answer comes back: as soon as the network returns when the device knows it is
 * offline, otherwise after a short, growing wait. It stops when the post is cancelled (the
 * page left, or the form sent again, which Remix then sends itself). The form it came from
 * hears of it (RESENDING_EVENT) and says it is waiting for the network. Other requests are
 * left alone.
 */
function resendKeyedPosts() {
  if (resendInstalled || typeof window === "undefined") return;
  resendInstalled = true;
  const send = window.fetch.bind(window);
  const announce = (key: string, resending: boolean) => window.dispatchEvent(new CustomEvent(RESENDING_EVENT, { detail: { key, resending } }));
  window.fetch = async (input, init) => {
    const method = (init?.method ?? "GET").toUpperCase();
    const key = method !== "GET" && method !== "HEAD" ? keyIn(init?.body) : null;
    if (!key) return send(input, init);
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await send(input, init);
        if (attempt > 0) announce(key, false);
        return response;
      } catch (error) {
        if (!(error instanceof TypeError) || init?.signal?.aborted) {
          if (attempt > 0) announce(key, false);
          throw error;
        }
        announce(key, true);
        await networkBack(Math.min(1000 * 2 ** attempt, 15_000), init?.signal ?? undefined);
      }
    }
  };
}

function keyIn(body: BodyInit | null | undefined): string | null {
  const key = body instanceof URLSearchParams || body instanceof FormData ? body.get(IDEMPOTENCY_FIELD) : null;
  return typeof key === "string" && IDEMPOTENCY_KEY.test(key) ? key : null;
}

/** Resolves when the network is back (offline) or after `ms` (the device thinks it is online). */
function networkBack(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    // Offline, only the network's return is worth a try; the timer is a safety net.
    const timer = setTimeout(done, navigator.onLine === false ? 60_000 : ms);
    window.addEventListener("online", done);
    // Cancelled: the next attempt fails at once with the abort, which ends the loop.
    signal?.addEventListener("abort", done);
  });
}
