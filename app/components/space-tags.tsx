import type { SpaceLevel, SpaceSetting } from "../modules/spaces/space-options";
import { useLocale, useT } from "./i18n";
import { sectionLabel } from "../modules/geography/labels";

/** Level, section, setting and status of a space, as small tags. */
export function SpaceTags({ space }: { space: { level: SpaceLevel; sectionLabel: string | null; setting: SpaceSetting; status: string } }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="tags">
      <span className="tag">{t(`space.level.${space.level}`)}</span>
      {space.sectionLabel ? <span className="tag">{sectionLabel(space.sectionLabel, locale)}</span> : null}
      <span className="tag">{t(`space.setting.${space.setting}`)}</span>
      {space.status === "dormant" ? <span className="tag warn">{t("space.status.dormant")}</span> : null}
    </p>
  );
}
