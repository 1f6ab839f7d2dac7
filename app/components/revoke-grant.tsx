import { useT } from "./i18n";
import { IntentButton } from "./intent-button";

/** The small form that takes a role back, posted to the current page's action. */
export function RevokeGrant({ grantId }: { grantId: number }) {
  const t = useT();
  return (
    <IntentButton intent="revoke" fields={{ grantId }} className="link-button">
      {t("accounts.revoke")}
    </IntentButton>
  );
}
