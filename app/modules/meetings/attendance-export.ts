import type { MessageKey, Translate } from "../i18n/translate";

/** Attendance as spreadsheet rows: one row per attendee. */
export function attendanceTable(
  t: Translate,
  rows: readonly { meeting?: string; date?: string; name: string; sex: string | null; ageGroup: string | null; disability: boolean; organisationName: string | null; role: string; arrived: string }[],
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
      t(`sex.${r.sex ?? "unstated"}` as MessageKey),
      t(`age.${r.ageGroup ?? "unknown"}` as MessageKey),
      t(r.disability ? "common.yes" : "common.no"),
      r.organisationName,
      t(`attendanceRole.${r.role}` as MessageKey),
      r.arrived,
    ]),
  ];
}
