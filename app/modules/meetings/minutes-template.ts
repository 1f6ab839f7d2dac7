import type { Locale } from "../i18n/locales";
import { meetingsMessages } from "./meetings.messages";

/** A heading in both languages, French first: "Présences / Prezans". */
function both(key: keyof typeof meetingsMessages): string {
  const { fr, ht } = meetingsMessages[key];
  return fr === ht ? fr : `${fr} / ${ht}`;
}

/**
 * The first text of a meeting's minutes: its title, when and where, and one heading per
 * agenda item. A space keeps its record for readers of both languages, whoever opens the
 * meeting: the headings and the date are written in French and in Kreyòl.
 */
export function minutesTemplate(meeting: { title: string; when: Record<Locale, string>; place: string; agenda: readonly { title: string }[] }): string {
  const when = meeting.when.fr === meeting.when.ht ? meeting.when.fr : `${meeting.when.fr} / ${meeting.when.ht}`;
  const hint = `${meetingsMessages["minutes.attendanceHint"].fr} ${meetingsMessages["minutes.attendanceHint"].ht}`;
  const lines = [`# ${meeting.title}`, "", [when, meeting.place].filter(Boolean).join(" · "), "", `## ${both("minutes.attendance")}`, "", hint, ""];
  meeting.agenda.forEach((item, index) => lines.push(`## ${index + 1}. ${item.title}`, "", ""));
  lines.push(`## ${both("minutes.decisions")}`, "", "- ", "");
  return lines.join("\n");
}
