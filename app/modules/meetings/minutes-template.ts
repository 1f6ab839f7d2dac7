import type { Translate } from "../i18n/translate";

/** The first text of a meeting's minutes: its title, when and where, and one heading per agenda item. */
export function minutesTemplate(t: Translate, meeting: { title: string; when: string; place: string; agenda: readonly { title: string }[] }): string {
  const lines = [`# ${meeting.title}`, "", [meeting.when, meeting.place].filter(Boolean).join(" · "), "", `## ${t("minutes.attendance")}`, "", t("minutes.attendanceHint"), ""];
  meeting.agenda.forEach((item, index) => lines.push(`## ${index + 1}. ${item.title}`, "", ""));
  lines.push(`## ${t("minutes.decisions")}`, "", "- ", "");
  return lines.join("\n");
}
