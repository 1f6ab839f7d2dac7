import type { Audience } from "../spaces/audience";
import type { SeatKind } from "../spaces/seats";
import type { AgeGroupId } from "./age-groups";
import { tallyBySexAndAge } from "./disaggregation";
import { isMinor, maskTally, nameablePublicly, unnamedCount, type CountCell } from "./privacy";
import type { Sex } from "./sex";

/** A delegate as the register keeps them (`listDelegates`). */
export interface DelegateRecord {
  seatId: number;
  seat: SeatKind;
  personId: number;
  name: string;
  organisationName: string;
  organisationAcronym: string | null;
  sex: Sex | null;
  birthYear: number | null;
  ageGroup: AgeGroupId | null;
  disability: boolean;
  namedPublicly: boolean;
  phone: string | null;
  hasAccount: boolean;
  /** The seat's last day, once ended. */
  toDate?: string | null;
}

/** A delegate as a page lists them; `register` only for who keeps the register. */
export interface DelegateView {
  seatId: number;
  name: string;
  organisation: string;
  seat: SeatKind;
  register?: { personId: number; sex: Sex | null; ageGroup: AgeGroupId | null; disability: boolean; phone: string | null; namedPublicly: boolean; hasAccount: boolean; endsOn: string | null };
}

/**
 * The delegates of a space for one audience. Facilitators: everything the page shows of the
 * register (never the birth year: the age group says what the page needs). Members: names,
 * organisations and seats. The public: the adults who agreed to be named; the others are
 * counted (the composition's total minus the list: masked only when that total is, see
 * `unnamedCount`).
 */
export function delegatesFor(audience: Audience, delegates: readonly DelegateRecord[], year: number): { rows: DelegateView[]; unnamed: CountCell } {
  const base = (d: DelegateRecord): DelegateView => ({ seatId: d.seatId, name: d.name, organisation: d.organisationAcronym ?? d.organisationName, seat: d.seat });
  if (audience === "facilitator") {
    return {
      rows: delegates.map((d) => ({
        ...base(d),
        register: { personId: d.personId, sex: d.sex, ageGroup: d.ageGroup, disability: d.disability, phone: d.phone, namedPublicly: d.namedPublicly, hasAccount: d.hasAccount, endsOn: d.toDate ?? null },
      })),
      unnamed: 0,
    };
  }
  if (audience === "member") return { rows: delegates.map(base), unnamed: 0 };
  const named = delegates.filter((d) => nameablePublicly({ known: true, official: false, namedPublicly: d.namedPublicly, minor: isMinor(d, year) }));
  return { rows: named.map(base), unnamed: unnamedCount(delegates.length - named.length, maskTally(tallyBySexAndAge(delegates)).total) };
}
