import { formatTime } from "../modules/i18n/format";
import type { AttendanceRole } from "../modules/meetings/kinds";
import type { AgeGroupId } from "../modules/people/age-groups";
import type { Sex } from "../modules/people/sex";
import { useLocale, useT } from "./i18n";

/** The columns of an attendance list, the same on the check-in page and on paper. */
export function AttendeeHeaderCells() {
  const t = useT();
  return (
    <>
      <th scope="col">{t("people.name")}</th>
      <th scope="col">{t("delegates.organisation")}</th>
      <th scope="col">{t("attendance.role")}</th>
      <th scope="col">{t("composition.sex")}</th>
      <th scope="col">{t("delegates.ageGroup")}</th>
      <th scope="col">{t("attendance.arrivedAt")}</th>
    </>
  );
}

export function AttendeeCells({
  row,
}: {
  row: { name: string; organisationAcronym: string | null; organisationName: string | null; role: AttendanceRole; sex: Sex | null; ageGroup: AgeGroupId | null; arrivedAt: number };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <td>{row.name}</td>
      <td>{row.organisationAcronym ?? row.organisationName ?? "—"}</td>
      <td>{t(`attendanceRole.${row.role}`)}</td>
      <td>{t(`sex.${row.sex ?? "unstated"}`)}</td>
      <td>{t(`age.${row.ageGroup ?? "unknown"}`)}</td>
      <td>{formatTime(row.arrivedAt, locale)}</td>
    </>
  );
}
