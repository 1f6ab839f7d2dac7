import { ConfirmButton } from "./confirm-button";
import { useT } from "./i18n";

/**
 * The small form that takes a role back, posted to the current page's action, in two steps
 * (`ConfirmButton`): the action asks again unless the post carries `confirm=1`.
 */
export function RevokeGrant({ grantId, role }: { grantId: number; role?: string }) {
  const t = useT();
  const name = role ?? "";
  return (
    <ConfirmButton
      intent="revoke"
      fields={{ grantId }}
      className="link-button"
      label={role ? t("accounts.revokeLabel", { role }) : undefined}
      title={role ? t("accounts.revokeConfirmTitle", { role: name }) : t("accounts.revokeConfirmTitleAny")}
      confirmLabel={t("accounts.revokeConfirm")}
      details={<p>{t("accounts.revokeConfirmText")}</p>}
    >
      {t("accounts.revoke")}
    </ConfirmButton>
  );
}
