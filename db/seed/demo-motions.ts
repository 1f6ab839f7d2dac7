/**
 * The motions of the demo year (`demo-year.ts`): what the organisations of Limonade proposed,
 * the amendments, and the section space of Roucou whose motion went up to the commune. The
 * organisations and authorities are the demo's; the motions and their fate are invented.
 */
import type { MotionTheme } from "../../app/modules/motions/themes";
import type { BallotChoice, PollMethod } from "../../app/modules/polls/methods";
import type { OrganisationInput } from "../../app/modules/organisations/organisations.schemas";
import type { Sex } from "../../app/modules/people/sex";
import type { Locale } from "../../app/modules/i18n/locales";
import type { AuthorityKey, OrgKey } from "./demo-year";

export interface MotionSpec {
  key: string;
  /** The delegate (a key of the register) who drafts and submits it for her or his organisation. */
  by: string;
  title: string;
  /** Markdown paragraphs, separated by blank lines (an amendment replaces one of them). */
  text: string;
  rationale: string;
  theme: MotionTheme;
  authority: AuthorityKey | null;
  /** Invited to co-sponsor, answered by the delegate `by` of the organisation. */
  cosponsors?: { org: OrgKey; by: string; accept: boolean }[];
  draftedDaysAgo: number;
  /** Absent: it stays a draft. */
  submittedDaysAgo?: number;
}

export interface AmendmentSpec {
  key: string;
  motion: string;
  by: string;
  /** 0-based, as the commands take it. */
  paragraph: number;
  replacement: string;
  rationale: string;
  daysAgo: number;
}

/**
 * A poll held on an agenda item: the voters' choices in the order of the frozen list (by
 * person id), repeated as needed; null: did not vote. Every prefix of these patterns keeps
 * the intended outcome, whoever came that day.
 */
export interface VoteSpec {
  question: string;
  method: PollMethod;
  choices: readonly (BallotChoice | null)[];
  /** A show of hands: the hands for broken down by sex and age group. */
  breakdown?: boolean;
  consensus?: { reached: boolean; objections: string };
  /** Recorded on the item's motion with the poll, which must say the same. */
  decide?: "adopt" | "reject";
}

export const FOR = ["yes", "yes", "no", "yes", "abstain", "yes", "yes", "no", "yes", "yes", "abstain", "yes"] as const;
export const FOR_ONE_SILENT = ["yes", "yes", "no", "yes", "abstain", "yes", null, "no", "yes", "yes", "abstain", "yes"] as const;
export const AGAINST = ["no", "yes", "no", "no", "abstain", "no", "yes", "no", "no", "no", "yes", "no"] as const;

export const MOTIONS: MotionSpec[] = [
  {
    key: "captage",
    by: "ofbl.t",
    title: "Réhabilitation du captage de la source de Bord-de-Mer de Limonade",
    text: [
      "Le Makòn de Limonade demande au conseil municipal de faire réhabiliter, avec la DINEPA, le captage de la source qui alimente Bord-de-Mer de Limonade.",
      "Les travaux comprennent la réparation du bassin de captage, le remplacement des tuyaux cassés entre la source et les fontaines, et la pose de robinets aux quatre fontaines du quartier.",
      "Les travaux commencent avant la saison sèche, et le conseil municipal rend compte de leur avancement à chaque assemblée du Makòn.",
    ].join("\n\n"),
    rationale:
      "Le captage ne donne de l'eau que quelques heures par jour. Les femmes et les enfants de Bord-de-Mer marchent plus d'une heure pour chercher l'eau : « Timoun yo rate lekòl pou y al pran dlo. »",
    theme: "water",
    authority: "mairie",
    cosponsors: [
      { org: "aflidepa", by: "aflidepa.t", accept: true },
      { org: "mjbl", by: "mjbl.t", accept: true },
      { org: "kankok", by: "kankok.t", accept: false },
    ],
    draftedDaysAgo: 318,
    submittedDaysAgo: 314,
  },
  {
    key: "route",
    by: "gpta.t",
    title: "Du gravier pour les passages à gué de la route agricole de Bois de Lance",
    text: [
      "Le Makòn demande au CASEC de la 2e section de faire empierrer les deux passages à gué de la route agricole de Bois de Lance, impraticables après chaque pluie.",
      "Les organisations de la 2e section fournissent la main-d'œuvre d'un konbit ; le CASEC fournit le gravier et son transport.",
    ].join("\n\n"),
    rationale: "Quand la route est coupée, les producteurs perdent la traite du jour et les marchandes ne descendent plus au marché : « Si wout la pa bon, pwodiksyon an rete nan jaden an. »",
    theme: "roads",
    authority: "casec2",
    cosponsors: [{ org: "menkontre", by: "menkontre.t", accept: true }],
    draftedDaysAgo: 245,
    submittedDaysAgo: 240,
  },
  {
    key: "jeunes",
    by: "jadl.t",
    title: "Un jeune parmi les délégués de chaque organisation membre",
    text: [
      "Chaque organisation membre du Makòn compte, d'ici la fin de l'année, au moins une personne de 18 à 35 ans parmi sa ou son délégué titulaire et sa ou son suppléant.",
      "Les jeunes délégués tiennent à tour de rôle le secrétariat de séance des assemblées du Makòn.",
    ].join("\n\n"),
    rationale: "Les jeunes sont un tiers des membres des organisations, mais rarement leurs délégués : « Jèn yo pa sèlman la pou yo tande. »",
    theme: "youth",
    authority: null,
    cosponsors: [{ org: "mjbl", by: "mjbl.t", accept: true }],
    draftedDaysAgo: 238,
    submittedDaysAgo: 236,
  },
  {
    key: "marche",
    by: "aflidepa.t",
    title: "Un espace réservé aux artisanes au marché de Limonade",
    text: [
      "Le Makòn demande au conseil municipal de réserver aux artisanes de la commune un espace couvert au marché de Limonade, les jours de marché.",
      "L'espace est attribué gratuitement la première année, par tirage au sort entre les artisanes inscrites auprès des organisations membres.",
    ].join("\n\n"),
    rationale: "Les artisanes d'AFLIDEPA vendent au bord de la route, au soleil et sans protection pour leurs produits.",
    theme: "women_rights",
    authority: "mairie",
    cosponsors: [{ org: "ofbl", by: "ofbl.t", accept: true }],
    draftedDaysAgo: 180,
    submittedDaysAgo: 176,
  },
  {
    key: "emplois",
    by: "mjbl.t",
    title: "Des emplois pour les jeunes et les femmes de Limonade sur les chantiers communaux",
    text: [
      "Le Makòn demande au conseil municipal de réserver aux jeunes de 18 à 35 ans et aux femmes de Limonade au moins la moitié des emplois non qualifiés des chantiers qu'il finance.",
      "Les offres d'emploi de ces chantiers sont affichées à la mairie et transmises aux organisations membres au moins une semaine avant l'embauche.",
    ].join("\n\n"),
    rationale: "Les chantiers de l'an dernier ont surtout embauché hors de la commune : « Travay la dwe rete nan komin nan. »",
    theme: "youth",
    authority: "mairie",
    cosponsors: [
      { org: "jadl", by: "jadl.t", accept: true },
      { org: "fanmvanyan", by: "fanmvanyan.t", accept: true },
    ],
    draftedDaysAgo: 120,
    submittedDaysAgo: 116,
  },
  {
    key: "cotisation",
    by: "kankok.t",
    title: "Une cotisation annuelle des organisations membres au fonctionnement du Makòn",
    text: [
      "Chaque organisation membre verse au Makòn une cotisation annuelle de 1 000 gourdes, pour le transport des délégués des sections éloignées et la reproduction des procès-verbaux.",
      "La cotisation est versée à l'assemblée qui suit l'adoption de la présente proposition.",
    ].join("\n\n"),
    rationale: "Les délégués de Roucou et de Bois de Lance paient eux-mêmes leur transport pour venir aux assemblées.",
    theme: "other",
    authority: null,
    draftedDaysAgo: 114,
    submittedDaysAgo: 113,
  },
  {
    key: "hygiene",
    by: "ofbl.t",
    title: "Une campagne eau et hygiène dans les écoles de Bord-de-Mer de Limonade",
    text: [
      "Le Makòn demande à l'ASEC de la 1re section d'appuyer une campagne eau et hygiène dans les trois écoles de Bord-de-Mer de Limonade, portée par OFBL et MJBL.",
      "L'ASEC obtient des directions d'école une heure par mois pour la campagne, et un seau avec robinet et du savon par salle de classe.",
    ].join("\n\n"),
    rationale: "Tant que le captage n'est pas réparé, les enfants boivent une eau qui n'est pas traitée ; la diarrhée revient à chaque saison sèche.",
    theme: "health",
    authority: "asec1",
    cosponsors: [{ org: "mjbl", by: "mjbl.t", accept: true }],
    draftedDaysAgo: 24,
    submittedDaysAgo: 22,
  },
  {
    key: "sante",
    by: "menkontre.t",
    title: "Une infirmière au centre communautaire de Bois de Lance un jour par mois",
    text: [
      "Le Makòn demande au conseil municipal d'obtenir du ministère de la Santé publique qu'une infirmière tienne une consultation au centre communautaire de Bois de Lance un jour par mois.",
      "La consultation suit en priorité les femmes enceintes, les enfants de moins de cinq ans et les personnes âgées.",
    ].join("\n\n"),
    rationale: "Le centre de santé le plus proche est à deux heures de marche ; les femmes enceintes de Bois de Lance y vont rarement avant l'accouchement.",
    theme: "health",
    authority: "mairie",
    draftedDaysAgo: 8,
    submittedDaysAgo: 6,
  },
  {
    key: "lait",
    by: "apwolim.t",
    title: "Une collecte commune du lait à Bois de Lance",
    text: [
      "Le Makòn demande au CASEC de la 2e section de mettre à la disposition des producteurs un local pour un point de collecte du lait à Bois de Lance.",
      "APWOLIM organise la collecte du matin et le transport du lait vers la laiterie, avec les producteurs de la section.",
    ].join("\n\n"),
    rationale: "Chaque producteur porte seul son lait à la laiterie ; quand la route est coupée, la traite est perdue.",
    theme: "agriculture",
    authority: "casec2",
    draftedDaysAgo: 2,
  },
];

export const AMENDMENTS: AmendmentSpec[] = [
  {
    key: "captage.a1",
    motion: "captage",
    by: "fanmvanyan.t",
    paragraph: 1,
    replacement:
      "Les travaux comprennent la réparation du bassin de captage, le remplacement des tuyaux cassés entre la source et les fontaines, la pose de robinets aux quatre fontaines du quartier, et la réparation des deux fontaines encore en panne à Roucou.",
    rationale: "Deux fontaines de la 3e section sont toujours en panne : une seule demande au conseil municipal vaut mieux que deux.",
    daysAgo: 306,
  },
  {
    key: "captage.a2",
    motion: "captage",
    by: "gpta.t",
    paragraph: 2,
    replacement: "Les travaux commencent dès que le budget communal le permet, et le conseil municipal rend compte de leur avancement au Makòn une fois terminés.",
    rationale: "Une date que la mairie ne peut pas tenir ne sert à rien : mieux vaut une demande qu'elle peut accepter.",
    daysAgo: 304,
  },
];

/** The motion an amendment key belongs to, or the key itself. */
export const parentOf = (key: string): string | null => AMENDMENTS.find((a) => a.key === key)?.motion ?? null;

// ——— Makòn Roucou: a section's space, whose adopted motion goes up to the commune's ———

export const SECTION = {
  daysAgo: 170,
  space: {
    name: "Makòn Roucou",
    level: "section" as const,
    communeCode: "HT0313",
    sectionCode: "HT0313-03",
    setting: "rural" as const,
    description: "Organisations de la 3e section Roucou de Limonade : MUSO, comité de l'eau.",
    status: "active" as const,
    votingBase: "organisation" as const,
    quorumPercent: 50,
    majorityRule: "simple" as const,
    titularSeats: 1,
    substituteSeats: 1,
  },
  /** Members of the commune's space that are also of the section's. */
  admitted: ["fanmvanyan", "kankok"] as OrgKey[],
  organisation: {
    name: "Komite jesyon dlo Roucou",
    acronym: "KJDR",
    type: "base",
    sectionCode: "HT0313-03",
    yearFounded: 2021,
    legallyRecognised: false,
    ledByWoman: true,
    ledByYouth: false,
  } satisfies OrganisationInput,
  /** The section's own delegates (organisations send other people there than to the commune). */
  delegates: [
    { key: "roucou.komite.t", org: "komite", seat: "titular", name: "Mérilia Saintilus", sex: "female", birthYear: 1993, language: "ht" },
    { key: "roucou.komite.s", org: "komite", seat: "substitute", name: "Lionel Exantus", sex: "male", birthYear: 2000, language: "ht" },
    { key: "roucou.fanmvanyan.t", org: "fanmvanyan", seat: "titular", name: "Yvrose Désir", sex: "female", birthYear: 1980, language: "ht" },
    { key: "roucou.kankok.t", org: "kankok", seat: "titular", name: "Wesner Dorsainvil", sex: "male", birthYear: 1987, language: "ht" },
  ] satisfies { key: string; org: OrgKey | "komite"; seat: "titular" | "substitute"; name: string; sex: Sex; birthYear: number; language: Locale }[],
  motion: {
    key: "roucou",
    by: "roucou.komite.t",
    title: "Réhabilitation du captage de la source de Roucou et comité de gestion de l'eau",
    text: [
      "Le Makòn de Roucou demande au CASEC de la 3e section de faire réhabiliter le captage de la source qui alimente le bourg de Roucou et Camp-Coq, et de le clôturer pour le protéger des animaux.",
      "Un comité de gestion de l'eau de cinq membres, dont au moins deux femmes et un jeune, est élu par les usagers ; il collecte une petite contribution mensuelle pour l'entretien.",
      "La présente proposition est transmise au Makòn de Limonade, pour que la commune l'appuie auprès de la DINEPA.",
    ].join("\n\n"),
    rationale: "La source coule toute l'année, mais le captage est fissuré et les animaux y boivent : l'eau des fontaines de Roucou n'est pas sûre.",
    theme: "water",
    authority: "casec3",
    draftedDaysAgo: 160,
    submittedDaysAgo: 158,
  } satisfies MotionSpec,
  /** When the section's facilitator forwards the adopted motion to the commune's space. */
  forwardedDaysAgo: 130,
};
