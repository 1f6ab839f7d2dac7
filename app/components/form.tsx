import { Form as RemixForm, useFetchers, useNavigation, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent } from "react";
import { formKey, IDEMPOTENCY_FIELD } from "../modules/idempotency";
import { useT } from "./i18n";

/**
 * Remix's `<Form>`, and for a post two things more:
 * - a key (`modules/idempotency.ts`): the server applies a post sent twice once and answers the
 *   same; the key changes once the post went through, so the same button pressed again later
 *   is a new post. A `repeatable` form (a counter tapped several times in a row) takes a new
 *   key at each press;
 * - when the device is offline, the post waits: what was typed stays, the form says it is
 *   waiting for the network, and sends itself when the network returns.
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
  const [waiting, setWaiting] = useState(false);
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
  }, [underWay]);

  useEffect(() => {
    if (!waiting) return;
    const send = () => {
      setWaiting(false);
      form.current?.requestSubmit(submitter.current ?? undefined);
    };
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
  }, [waiting]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    if (event.defaultPrevented) return;
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      event.preventDefault();
      submitter.current = (event.nativeEvent as SubmitEvent).submitter;
      setWaiting(true);
      return;
    }
    // Remix reads the form's fields right after this handler, before the new key renders.
    if (repeatable) setSent((n) => n + 1);
  };

  return (
    <RemixForm ref={form} {...props} onSubmit={submit}>
      <input type="hidden" name={IDEMPOTENCY_FIELD} value={key} />
      {children}
      {waiting ? (
        <p className="notice waiting" role="status">
          {t("form.waitingForNetwork")}
        </p>
      ) : null}
    </RemixForm>
  );
});
