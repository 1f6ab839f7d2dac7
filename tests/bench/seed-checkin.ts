import { openDatabase } from "../../db/client";
import { createLucia, startSession } from "../../app/modules/auth/session.server";

/**
 * Sessions for `count` delegates of the space who have an account and are not yet on the
 * meeting's list: the phones that check themselves in during the burst, as after a sign-in.
 * Written into the running server's database (WAL: the server reads them at once).
 */
export async function selfCheckInPhones(databasePath: string, input: { spaceId: number; meetingId: number; count: number }): Promise<string[]> {
  const db = openDatabase(databasePath);
  try {
    const users = db.$client
      .prepare(
        `select distinct p.user_id as userId from people p join delegate_seats s on s.person_id = p.id
         where s.space_id = ? and p.user_id is not null and p.id not in (select person_id from attendance where meeting_id = ? and person_id is not null)
         order by p.id limit ?`,
      )
      .all(input.spaceId, input.meetingId, input.count) as { userId: string }[];
    if (users.length < input.count) throw new Error(`only ${users.length} delegates with an account to check themselves in, ${input.count} needed`);
    const auth = createLucia(db, { secureCookies: false });
    return await Promise.all(users.map(async ({ userId }) => (await startSession(auth, userId)).split(";")[0]!));
  } finally {
    db.$client.close();
  }
}

/** `count` delegates of the space not yet on the meeting's list, the last seated first: those a door checks in by name (the phones are the first). */
export function doorCandidates(databasePath: string, input: { spaceId: number; meetingId: number; count: number }): number[] {
  const db = openDatabase(databasePath);
  try {
    const ids = db.$client
      .prepare(
        `select distinct p.id from people p join delegate_seats s on s.person_id = p.id
         where s.space_id = ? and p.id not in (select person_id from attendance where meeting_id = ? and person_id is not null)
         order by p.id desc limit ?`,
      )
      .pluck()
      .all(input.spaceId, input.meetingId, input.count) as number[];
    if (ids.length < input.count) throw new Error(`only ${ids.length} delegates for the door to check in, ${input.count} needed`);
    return ids;
  } finally {
    db.$client.close();
  }
}
