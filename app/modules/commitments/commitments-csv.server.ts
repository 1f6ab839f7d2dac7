import type { Db } from "../../../db/client";
import type { Actor } from "../auth/roles";
import { toCsv } from "../csv/csv";
import { translate } from "../i18n/catalog.server";
import type { Locale } from "../i18n/locales";
import type { MessageKey } from "../i18n/translate";
import { commitmentBoard } from "./commitment-views.server";
import type { BoardFilter } from "./commitments.schemas";

const COLUMNS = ["id", "space", "title", "theme", "authority", "responsible", "state", "pledgedOn", "dueDate", "originalDueDate", "overdueDays", "percent", "confirmations", "disputes", "lastUpdate", "motion", "page"] as const;

/**
 * A board's commitments as a spreadsheet, one line each, in the reader's language: exactly the
 * lines the board shows this reader with the same filters (the public ones for anyone).
 */
export function commitmentsCsv(db: Db, actor: Actor | null, spaceIds: readonly number[], locale: Locale, filters: BoardFilter, now: number): string {
  const text = (key: MessageKey) => translate(locale, key);
  const { list } = commitmentBoard(db, actor, spaceIds, filters, now);
  return toCsv([
    COLUMNS.map((k) => text(`commitments.board.csv.${k}`)),
    ...list.map((c) => [
      c.id,
      c.spaceName,
      c.title,
      text(`motions.theme.${c.theme}`),
      c.authority.name,
      c.responsible,
      text(`commitments.state.${c.state}`),
      c.pledgedOn,
      c.dueDate,
      c.originalDueDate,
      c.overdueDays,
      c.percent,
      c.confirmations,
      c.disputes,
      c.lastUpdate?.day,
      c.motion?.number,
      `/espaces/${c.spaceId}/engagements/${c.id}`,
    ]),
  ]);
}
