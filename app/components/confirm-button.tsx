import { Link, useActionData, useLocation } from "@remix-run/react";
import { Form } from "./form";
import { useState, type ReactNode } from "react";
import { asksToConfirm, CONFIRM_FIELD } from "../modules/confirm";
import { useT } from "./i18n";

/**
 * A button for what cannot be taken back, in two steps. It posts its intent (and fields); the
 * action answers `askToConfirm(...)` without writing anything, and the button becomes a panel
 * saying what will happen, with the button that posts the same intent with `confirm=1` and a
 * way back. With JavaScript the panel opens at once, with no round trip.
 */
export function ConfirmButton({
  intent,
  fields = {},
  label,
  className,
  title,
  confirmLabel,
  children,
  details,
  testId,
  panelFields,
}: {
  intent: string;
  fields?: Record<string, string | number>;
  /** The first button's accessible name, when its text is a symbol. */
  label?: string;
  className?: string;
  /** The panel's question ("Clore la séance ?"). */
  title: string;
  /** The second button's text ("Oui, clore la séance"). */
  confirmLabel: string;
  /** The first button's content. */
  children: ReactNode;
  /** What will happen, shown in the panel. */
  details?: ReactNode;
  testId?: string;
  /** Fields only the second step carries (a date, a reason), shown in the panel. */
  panelFields?: ReactNode;
}) {
  const t = useT();
  const answer = useActionData<unknown>();
  const location = useLocation();
  const askedByServer = asksToConfirm(answer, intent, fields);
  const [asking, setAsking] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = asking || (askedByServer && !dismissed);
  const inputs = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  if (!open) {
    return (
      <Form
        method="post"
        className="confirm-first"
        onSubmit={(event) => {
          event.preventDefault();
          setDismissed(false);
          setAsking(true);
        }}
      >
        <input type="hidden" name="intent" value={intent} />
        {inputs}
        <button type="submit" className={className} aria-label={label} data-testid={testId}>
          {children}
        </button>
      </Form>
    );
  }
  return (
    <div className="confirm-panel" role="group" aria-label={title} data-testid={testId ? `${testId}-confirm` : undefined}>
      <p className="confirm-title">
        <strong>{title}</strong>
      </p>
      {details}
      <Form method="post" className="confirm-actions" onSubmit={() => setAsking(false)}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name={CONFIRM_FIELD} value="1" />
        {inputs}
        {panelFields}
        <button type="submit" className="danger" autoFocus>
          {confirmLabel}
        </button>{" "}
        <Link
          to={location.pathname + location.search}
          className="button"
          preventScrollReset
          onClick={(event) => {
            event.preventDefault();
            setAsking(false);
            setDismissed(true);
          }}
        >
          {t("confirm.back")}
        </Link>
      </Form>
    </div>
  );
}

/** A line that says a change was made. */
export function StatusLine({ message, testId = "status-line" }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p className="notice status-line" role="status" data-testid={testId}>
      {message}
    </p>
  );
}
