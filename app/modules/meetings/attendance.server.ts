import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { authorities, officials, people, spaceMemberships, spaces } from "../../../db/schema/index";
import { localDate } from "../dates";
import { ageGroupOf, type AgeGroupId } from "../people/age-groups";
import { listDelegates } from "../people/people.server";
import { attendanceFigures, possibleDuplicates } from "./attendance-figures";
import { listAttendance } from "./meetings.server";

/** What a meeting's figures are counted against: its space's member organisations and quorum. */
export function meetingFiguresInput(db: Db, meeting: { spaceId: number }) {
  const space = db.select({ quorumPercent: spaces.quorumPercent }).from(spaces).where(eq(spaces.id, meeting.spaceId)).get()!;
  const memberOrganisationIds = db
    .select({ id: spaceMemberships.organisationId })
    .from(spaceMemberships)
    .where(and(eq(spaceMemberships.spaceId, meeting.spaceId), isNull(spaceMemberships.leftOn)))
    .all()
    .map((m) => m.id);
  return { memberOrganisationIds, quorumPercent: space.quorumPercent };
}

/** The figures of a meeting as the panel, the printable page and exports show them. */
export function meetingFigures(db: Db, meeting: { id: number; spaceId: number }) {
  const rows = listAttendance(db, meeting.id);
  return {
    rows,
    figures: attendanceFigures({ rows, ...meetingFiguresInput(db, meeting) }),
    duplicates: possibleDuplicates(rows),
  };
}

export type MeetingFigures = ReturnType<typeof meetingFigures>["figures"];

/** The known people of a space who may be ticked present: its delegates and its officials. */
export function attendanceCandidates(db: Db, space: { id: number; communeCode: string }, now: number) {
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const delegates = listDelegates(db, space.id, today).map((d) => ({
    personId: d.personId,
    name: d.name,
    sex: d.sex,
    ageGroup: d.ageGroup,
    disability: d.disability,
    organisationId: d.organisationId as number | null,
    organisationName: d.organisationAcronym ?? d.organisationName,
    role: "delegate" as const,
  }));
  const officialRows = db
    .select({ person: people, authorityName: authorities.name, title: officials.title })
    .from(officials)
    .innerJoin(people, eq(people.id, officials.personId))
    .innerJoin(authorities, eq(authorities.id, officials.authorityId))
    .where(eq(authorities.communeCode, space.communeCode))
    .all()
    .map(({ person, authorityName, title }) => ({
      personId: person.id,
      name: person.name,
      sex: person.sex,
      ageGroup: ageGroupOf(person, year) as AgeGroupId | null,
      disability: person.disability,
      organisationId: null,
      organisationName: `${title} · ${authorityName}`,
      role: "official" as const,
    }));
  return [...delegates, ...officialRows];
}
