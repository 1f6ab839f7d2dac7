import { Form } from "@remix-run/react";
import { useT } from "./i18n";

/** The small form that takes a role back, posted to the current page's action. */
export function RevokeGrant({ grantId }: { grantId: number }) {
  const t = useT();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="grantId" value={grantId} />
      <button type="submit" className="link-button">
        {t("accounts.revoke")}
      </button>
    </Form>
  );
}
