import type { MessageKey } from "../modules/i18n/translate";
import { useT } from "./i18n";

/** Level, section, setting and status of a space, as small tags. */
export function SpaceTags({ space }: { space: { level: string; sectionLabel: string | null; setting: string; status: string } }) {
  const t = useT();
  return (
    <p className="tags">
      <span className="tag">{t(`space.level.${space.level}` as MessageKey)}</span>
      {space.sectionLabel ? <span className="tag">{space.sectionLabel}</span> : null}
      <span className="tag">{t(`space.setting.${space.setting}` as MessageKey)}</span>
      {space.status === "dormant" ? <span className="tag warn">{t("space.status.dormant")}</span> : null}
    </p>
  );
}
