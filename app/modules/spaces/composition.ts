import type { AgeGroupId } from "../people/age-groups";
import type { OrganisationType } from "../organisations/types";
import { share, tallyBySexAndAge, type SexAgeTally, type Share } from "../people/disaggregation";
import type { Sex } from "../people/sex";
import { maskTally, type SexAgeView } from "../people/privacy";
import type { Audience } from "./audience";

/**
 * A space's composition at a glance: member organisations by type, delegates by sex and
 * age group, and the sections of its commune with no member organisation.
 */
export interface Composition {
  organisations: { total: number; byType: Partial<Record<OrganisationType, number>>; ledByWoman: Share; ledByYouth: Share };
  delegates: SexAgeTally;
  sectionsWithoutMember: string[];
}

export function composition(input: {
  organisations: readonly { type: OrganisationType; sectionCode: string | null; ledByWoman: boolean; ledByYouth: boolean }[];
  delegates: readonly { sex: Sex | null; ageGroup: AgeGroupId | null }[];
  /** The sections a member organisation could be in (the commune's, for a commune-level space). */
  sectionCodes: readonly string[];
}): Composition {
  const byType: Partial<Record<OrganisationType, number>> = {};
  for (const org of input.organisations) byType[org.type] = (byType[org.type] ?? 0) + 1;
  const orgTotal = input.organisations.length;

  const covered = new Set(input.organisations.map((o) => o.sectionCode).filter(Boolean));
  return {
    organisations: {
      total: orgTotal,
      byType,
      ledByWoman: share(input.organisations.filter((o) => o.ledByWoman).length, orgTotal),
      ledByYouth: share(input.organisations.filter((o) => o.ledByYouth).length, orgTotal),
    },
    delegates: tallyBySexAndAge(input.delegates),
    sectionsWithoutMember: input.sectionCodes.filter((code) => !covered.has(code)),
  };
}

/** The composition as a page shows it: as counted, or with the delegates' small cells masked. */
export interface CompositionFigures extends Omit<Composition, "delegates"> {
  delegates: SexAgeView;
}

/**
 * Organisations are counted as they are (they are public). For the public, delegates are
 * counted in cells of five or more: smaller cells "< 5", and the cells that would give one
 * away by subtraction from a shown total hidden too (`maskTally`).
 */
export function compositionFor(audience: Audience, c: Composition): CompositionFigures {
  return audience === "public" ? { ...c, delegates: maskTally(c.delegates) } : c;
}
