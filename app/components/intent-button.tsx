import { Form } from "./form";
import type { FormEvent, ReactNode } from "react";

/**
 * One button that posts one intent (and its fields) to the page's action: a plain form that
 * works before JavaScript. `onSubmit` may send it another way once scripts run (a socket).
 */
export function IntentButton({
  intent,
  fields = {},
  label,
  className,
  formClassName,
  disabled,
  onSubmit,
  children,
}: {
  intent: string;
  fields?: Record<string, string | number>;
  label?: string;
  className?: string;
  formClassName?: string;
  disabled?: boolean;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={formClassName} onSubmit={onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} aria-label={label} disabled={disabled}>
        {children}
      </button>
    </Form>
  );
}
