import { formatTime } from "../modules/i18n/format";
import type { AttendeeView } from "../modules/meetings/views";
import { useLocale, useT } from "./i18n";

/**
 * The columns of an attendance list, the same on the check-in page and on paper. What the
 * door recorded of each person (sex, age group, disability) only for who keeps the register.
 */
export function AttendeeHeaderCells({ register }: { register: boolean }) {
  const t = useT();
  return (
    <>
      <th scope="col">{t("people.name")}</th>
      <th scope="col">{t("delegates.organisation")}</th>
      <th scope="col">{t("attendance.role")}</th>
      {register ? (
        <>
          <th scope="col">{t("composition.sex")}</th>
          <th scope="col">{t("delegates.ageGroup")}</th>
          <th scope="col">{t("people.disability")}</th>
        </>
      ) : null}
      <th scope="col">{t("attendance.arrivedAt")}</th>
    </>
  );
}

export function AttendeeCells({ row, register }: { row: AttendeeView; register: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <td>{row.name}</td>
      <td>{row.organisation ?? "—"}</td>
      <td>{t(`attendanceRole.${row.role}`)}</td>
      {register ? (
        <>
          <td>{t(`sex.${row.register?.sex ?? "unstated"}`)}</td>
          <td>{t(`age.${row.register?.ageGroup ?? "unknown"}`)}</td>
          <td>{row.register?.disability ? t("common.yes") : "—"}</td>
        </>
      ) : null}
      <td>{formatTime(row.arrivedAt, locale)}</td>
    </>
  );
}
