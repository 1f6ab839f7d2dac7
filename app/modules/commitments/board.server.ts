import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { commitmentEvidence } from "../../../db/schema/index";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { listAuthorities } from "../authorities/authorities.server";
import { localDate } from "../dates";
import { THUMB_SIDE } from "../evidence/limits";
import { COMMUNE_CODE } from "../geography/codes";
import { getCommune } from "../geography/geography.server";
import { MOTION_THEMES, type MotionTheme } from "../motions/themes";
import { commitmentBoard, communeSpaces, type CommitmentStanding, type CommitmentSummary } from "./commitment-views.server";
import { BoardFilterSchema, type BoardFilter } from "./commitments.schemas";

/**
 * The public accountability boards (a space's, a commune's) as their pages show them: what
 * `commitmentBoard` lets this reader see, cut to what a line of the board says, so that a
 * phone on 3G downloads no more than it reads.
 */

/** A note on a board line is its start only: the whole of it is on the commitment's page. */
const NOTE_START = 120;

function noteStart(note: string): string {
  const text = note.replace(/\s+/g, " ").trim();
  if (text.length <= NOTE_START) return text;
  const cut = text.slice(0, NOTE_START);
  const space = cut.lastIndexOf(" ");
  return `${(space > NOTE_START / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A thumbnail's size, as the upload made it: the stored photo fitted inside a THUMB_SIDE square, never enlarged. */
function thumbSize(width: number | null, height: number | null): { width: number; height: number } {
  if (!width || !height) return { width: THUMB_SIDE, height: THUMB_SIDE };
  const scale = Math.min(1, THUMB_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

interface BoardPhoto {
  /** The stored names, served by /preuves/. */
  file: string;
  thumb: string;
  width: number;
  height: number;
}

export interface BoardItem extends CommitmentStanding {
  spaceId: number;
  spaceName: string;
  theme: MotionTheme;
  /** Listed only for the space's members (and the authority's officials). */
  membersOnly: boolean;
  authority: string;
  pledgedOn: string;
  photos: BoardPhoto[];
  motion: { id: number; number: string } | null;
}

function photoSizes(db: Db, list: readonly CommitmentSummary[]): Map<string, { width: number; height: number }> {
  const ids = list.filter((c) => c.thumbs.length > 0).map((c) => c.id);
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ thumb: commitmentEvidence.thumb, width: commitmentEvidence.width, height: commitmentEvidence.height })
    .from(commitmentEvidence)
    .where(and(inArray(commitmentEvidence.commitmentId, ids), eq(commitmentEvidence.kind, "photo")))
    .all();
  return new Map(rows.flatMap((r) => (r.thumb === null ? [] : [[r.thumb, thumbSize(r.width, r.height)] as const])));
}

function item(c: CommitmentSummary, sizes: Map<string, { width: number; height: number }>): BoardItem {
  return {
    id: c.id,
    spaceId: c.spaceId,
    spaceName: c.spaceName,
    title: c.title,
    theme: c.theme,
    state: c.state,
    membersOnly: !c.public,
    authority: c.authority.name,
    responsible: c.responsible,
    pledgedOn: c.pledgedOn,
    dueDate: c.dueDate,
    originalDueDate: c.originalDueDate,
    overdueDays: c.overdueDays,
    dueSoon: c.dueSoon,
    noNews: c.noNews,
    percent: c.percent,
    lastUpdate: c.lastUpdate ? { day: c.lastUpdate.day, move: c.lastUpdate.move, note: noteStart(c.lastUpdate.note) } : null,
    confirmations: c.confirmations,
    disputes: c.disputes,
    photos: c.thumbs.flatMap((p) => (p.thumb === null ? [] : [{ file: p.file, thumb: p.thumb, ...(sizes.get(p.thumb) ?? thumbSize(null, null)) }])),
    motion: c.motion ? { id: c.motion.id, number: c.motion.number } : null,
  };
}

/**
 * The filters from a board's address (anything unreadable is no filter). Read here rather than
 * in the routes so that zod stays out of the page's scripts.
 */
export const readBoardFilters = (request: Request): BoardFilter => BoardFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));

/** The filters as an address's query, for the CSV link ("" when none). */
function boardQuery(filters: BoardFilter): string {
  return new URLSearchParams(Object.entries(filters).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
}

/** A board over some spaces, for this reader: its lines, the figures of what is listed, the filters' choices. */
export function boardView(db: Db, actor: Actor | null, spaceIds: readonly number[], filters: BoardFilter, now: number) {
  const board = commitmentBoard(db, actor, spaceIds, filters, now);
  const sizes = photoSizes(db, board.list);
  const query = boardQuery(filters);
  return {
    filters,
    query,
    filtered: query !== "",
    items: board.list.map((c) => item(c, sizes)),
    figures: board.figures,
    choices: {
      authorities: board.choices.authorities,
      themes: MOTION_THEMES.filter((t) => board.choices.themes.includes(t)),
      years: board.choices.years,
    },
  };
}
export type BoardView = ReturnType<typeof boardView>;

/**
 * Whether this reader may record a commitment in the space: its facilitators (and
 * administrators), or an official holding a mandate today with an authority of its territory.
 */
export function canRecordIn(db: Db, actor: Actor | null, space: { id: number; communeCode: string; sectionCode: string | null }, now: number): boolean {
  if (!actor) return false;
  if (can(actor, "space.facilitate", { spaceId: space.id })) return true;
  const today = localDate(now);
  return listAuthorities(db, space).some((a) => can(actor, "authority.answerFor", { authorityId: a.id, on: today }));
}

/** A commune known by its code, with its spaces (its sections' included); null for a code that is not a known commune's. */
export function communeBoardSpaces(db: Db, communeCode: string) {
  if (!COMMUNE_CODE.test(communeCode)) return null;
  const commune = getCommune(db, communeCode);
  if (!commune) return null;
  const spaces = communeSpaces(db, communeCode);
  return { code: commune.code, name: commune.name, department: commune.department, spaces, spaceIds: spaces.map((s) => s.id) };
}

/** A commune's board: every space of the commune. Null for a code that is not a known commune's. */
export function communeBoardView(db: Db, actor: Actor | null, communeCode: string, filters: BoardFilter, now: number) {
  const commune = communeBoardSpaces(db, communeCode);
  if (!commune) return null;
  return {
    commune: { code: commune.code, name: commune.name, department: commune.department },
    spaces: commune.spaces,
    board: boardView(db, actor, commune.spaceIds, filters, now),
  };
}

/** Whether a commune has a space, and so a board worth a link from its page. */
export const communeHasSpaces = (db: Db, communeCode: string): boolean => communeSpaces(db, communeCode).length > 0;
