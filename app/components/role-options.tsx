import { ROLES } from "../modules/auth/roles";
import type { MessageKey } from "../modules/i18n/translate";
import { SelectField } from "./field";
import { useT } from "./i18n";

/** The role and space pickers of the account forms: a space role needs a space. */
export function RoleAndSpaceFields({
  spaces,
  values,
  errors,
}: {
  spaces: { id: number; name: string }[];
  values?: Record<string, string>;
  errors?: Partial<Record<string, MessageKey>>;
}) {
  const t = useT();
  return (
    <>
      <SelectField name="role" label={t("accounts.role")} defaultValue={values?.role ?? "delegate"} error={errors?.role} required>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </SelectField>
      <SelectField name="spaceId" label={t("accounts.space")} defaultValue={values?.spaceId ?? ""} error={errors?.spaceId}>
        <option value="">{t("accounts.noSpace")}</option>
        {spaces.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
