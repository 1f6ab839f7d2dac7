import type { Translate } from "../i18n/translate";
import type { AgeGroupId } from "../people/age-groups";
import type { Sex } from "../people/sex";
import type { AttendanceRole } from "./kinds";

/** Attendance as spreadsheet rows: one row per attendee. */
export function attendanceTable(
  t: Translate,
  rows: readonly { meeting?: string; date?: string; name: string; sex: Sex | null; ageGroup: AgeGroupId | null; disability: boolean; organisationName: string | null; role: AttendanceRole; arrived: string }[],
  withMeeting: boolean,
): (string | null)[][] {
  const header = [
    ...(withMeeting ? [t("export.meeting"), t("export.date")] : []),
    t("people.name"),
    t("composition.sex"),
    t("delegates.ageGroup"),
    t("people.disability"),
    t("delegates.organisation"),
    t("attendance.role"),
    t("attendance.arrivedAt"),
  ];
  return [
    header,
    ...rows.map((r) => [
      ...(withMeeting ? [r.meeting ?? "", r.date ?? ""] : []),
      r.name,
      t(`sex.${r.sex ?? "unstated"}`),
      t(`age.${r.ageGroup ?? "unknown"}`),
      t(r.disability ? "common.yes" : "common.no"),
      r.organisationName,
      t(`attendanceRole.${r.role}`),
      r.arrived,
    ]),
  ];
}
