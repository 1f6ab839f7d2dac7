/**
 * A year of Makòn Limonade, for `npm start` on an empty database (after `seedDemo`): its
 * member organisations and their delegates, the CASEC and ASEC of its three sections and the
 * municipal council, six past meetings with attendance, speaking turns and minutes, and one
 * meeting planned for today; motions in every state (`demo-motions.ts`) with their amendments
 * and polls of every method, and Makòn Roucou, a section's space whose adopted motion went up
 * to the commune's; the authorities' commitments in every state, with their updates, photos
 * and the people's answers (`demo-commitments.ts`); the year's annual report, published and
 * corrected, and a capitalisation sheet in Kreyòl (`demo-reports.ts`).
 *
 * The people are fictitious. APWOLIM (the milk producers of Limonade) and AFLIDEPA (the
 * women's association for development and crafts) are the project's real partners; the
 * other organisations are invented, as is everything said in the minutes.
 *
 * Everything is written through the app's own commands, with the instant each thing happened
 * as their `now`, so the history obeys the rules the app enforces (seats, memberships, the
 * meeting's life, the speakers' list, minutes approved at the following meeting, a motion
 * numbered when submitted, a ballot counted once, amendments voted before their motion) and has the
 * audit trail a real year would leave. The same every time: no Math.random, a seeded generator.
 */
import { and, asc, count, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { agendaItems, authorities, delegateSeats, meetings, people, pollVoters, spaceMemberships, spaces, speakingTurns, users } from "../schema/index";
import { UNUSABLE_HASH } from "../../app/modules/auth/password.server";
import type { Actor, Role } from "../../app/modules/auth/roles";
import { loadActor } from "../../app/modules/auth/session.server";
import { registerAuthority, registerOfficial } from "../../app/modules/authorities/authorities.server";
import { localDate } from "../../app/modules/dates";
import type { Deps } from "../../app/modules/deps.server";
import { formatDate, formatDateTime, formatTime } from "../../app/modules/i18n/format";
import { runConsoleAction, runDelegateAction, type ConsoleAction } from "../../app/modules/live/live.server";
import type { TurnState } from "../../app/modules/live/queue";
import type { AgendaItemKind, MeetingKind } from "../../app/modules/meetings/kinds";
import { addAgendaItem, approveMinutes, changeMeetingStatus, planMeeting, recordAttendance, type AttendanceInput } from "../../app/modules/meetings/meetings.server";
import { fromLocalDateTime } from "../../app/modules/meetings/times";
import { admitToMeeting, answerCosponsor, draftMotion, forwardMotion, inviteCosponsor, proposeAmendment, recordDecision, submitMotion, withdrawMotion } from "../../app/modules/motions/motions.server";
import { admitOrganisation, recordMembershipCount, registerOrganisation } from "../../app/modules/organisations/organisations.server";
import type { OrganisationInput } from "../../app/modules/organisations/organisations.schemas";
import type { AuthorityKind } from "../../app/modules/organisations/types";
import { ageGroupOf, isYoungGroup, type AgeGroupId } from "../../app/modules/people/age-groups";
import { linkAccount, registerDelegate } from "../../app/modules/people/people.server";
import { AGE_KEYS, SEX_KEYS } from "../../app/modules/people/disaggregation";
import { takesHands, unlinkable } from "../../app/modules/polls/methods";
import type { HandsBreakdown } from "../../app/modules/polls/polls.schemas";
import { castBallot, closePoll, enterHands, openPoll, recordConsensus } from "../../app/modules/polls/polls.server";
import { createSpace } from "../../app/modules/spaces/spaces.server";
import { grantRole, insertAccount } from "../../app/modules/users/users.server";
import type { Locale } from "../../app/modules/i18n/locales";
import type { Sex } from "../../app/modules/people/sex";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import { seedDemoCommitments } from "./demo-commitments";
import { seedDemoReports } from "./demo-reports";
import { AGAINST, AMENDMENTS, FOR, FOR_ONE_SILENT, MOTIONS, SECTION, parentOf, type MotionSpec, type VoteSpec } from "./demo-motions";

const SPACE_NAME = "Makòn Limonade";
const MINUTE = 60_000;
const DAY = 24 * 3600_000;

// ---------------------------------------------------------------------------------------------
// The register

export type OrgKey = "apwolim" | "aflidepa" | "jadl" | "mjbl" | "fanmvanyan" | "menkontre" | "kankok" | "gpta" | "ofbl";

interface OrgSpec {
  key: OrgKey;
  /** Absent for APWOLIM, which `seedDemo` registered. */
  input?: OrganisationInput;
  members: { women: number; men: number; byAgeGroup: Partial<Record<AgeGroupId, number>> };
}

const ORGANISATIONS: OrgSpec[] = [
  { key: "apwolim", members: { women: 34, men: 57, byAgeGroup: { "18_24": 9, "25_35": 21, "36_59": 46, "60p": 15 } } },
  {
    key: "aflidepa",
    input: { name: "Association des femmes de Limonade pour le développement et l'artisanat", acronym: "AFLIDEPA", type: "women", sectionCode: "HT0313-01", yearFounded: 2004, legallyRecognised: true, ledByWoman: true, ledByYouth: false },
    members: { women: 68, men: 0, byAgeGroup: { "18_24": 8, "25_35": 19, "36_59": 32, "60p": 9 } },
  },
  {
    key: "jadl",
    input: { name: "Jeunes en action pour le développement de Limonade", acronym: "JADL", type: "youth", sectionCode: "HT0313-01", yearFounded: 2016, legallyRecognised: false, ledByWoman: false, ledByYouth: true },
    members: { women: 21, men: 26, byAgeGroup: { "18_24": 29, "25_35": 18 } },
  },
  {
    key: "mjbl",
    input: { name: "Mouvman jèn Bòdmè Limonad", acronym: "MJBL", type: "youth", sectionCode: "HT0313-01", yearFounded: 2019, legallyRecognised: false, ledByWoman: true, ledByYouth: true },
    members: { women: 18, men: 15, byAgeGroup: { "18_24": 20, "25_35": 13 } },
  },
  {
    key: "fanmvanyan",
    input: { name: "MUSO Fanm vanyan Roucou", acronym: "MUSO FV", type: "muso", sectionCode: "HT0313-03", yearFounded: 2015, legallyRecognised: false, ledByWoman: true, ledByYouth: false },
    members: { women: 27, men: 3, byAgeGroup: { "18_24": 2, "25_35": 8, "36_59": 16, "60p": 4 } },
  },
  {
    key: "menkontre",
    input: { name: "MUSO Men kontre Bois de Lance", acronym: "MUSO MK", type: "muso", sectionCode: "HT0313-02", yearFounded: 2017, legallyRecognised: false, ledByWoman: false, ledByYouth: false },
    members: { women: 16, men: 14, byAgeGroup: { "18_24": 3, "25_35": 9, "36_59": 15, "60p": 3 } },
  },
  {
    key: "kankok",
    input: { name: "MUSO Solidarite Kan Kòk", acronym: "MUSO SKK", type: "muso", sectionCode: "HT0313-03", yearFounded: 2018, legallyRecognised: false, ledByWoman: true, ledByYouth: false },
    members: { women: 19, men: 11, byAgeGroup: { "18_24": 4, "25_35": 10, "36_59": 13, "60p": 3 } },
  },
  {
    key: "gpta",
    input: { name: "Gwoupman peyizan Tèt ansanm Bois de Lance", acronym: "GPTA", type: "peasant", sectionCode: "HT0313-02", yearFounded: 1998, legallyRecognised: true, ledByWoman: false, ledByYouth: false },
    members: { women: 22, men: 49, byAgeGroup: { "18_24": 6, "25_35": 12, "36_59": 35, "60p": 18 } },
  },
  {
    key: "ofbl",
    input: { name: "Òganizasyon fanm Bòdmè Limonad", acronym: "OFBL", type: "women", sectionCode: "HT0313-01", yearFounded: 2011, legallyRecognised: false, ledByWoman: true, ledByYouth: false },
    members: { women: 41, men: 0, byAgeGroup: { "18_24": 5, "25_35": 12, "36_59": 19, "60p": 5 } },
  },
];

interface PersonSpec {
  key: string;
  name: string;
  sex: Sex;
  birthYear: number;
  disability?: boolean;
  language: Locale;
  /** Agreed to be named on public pages (most did; a few did not). */
  named?: boolean;
}

interface DelegateSpec extends PersonSpec {
  org: OrgKey;
  seat: "titular" | "substitute";
}

/** APWOLIM's titular delegate (Rose-Andrée Louis, the demo delegate) comes from `seedDemo`. */
const DELEGATES: DelegateSpec[] = [
  { key: "apwolim.s", org: "apwolim", seat: "substitute", name: "Jean-Claude Augustin", sex: "male", birthYear: 1968, language: "ht" },
  { key: "aflidepa.t", org: "aflidepa", seat: "titular", name: "Marie-Lourdes Jean-Baptiste", sex: "female", birthYear: 1972, language: "fr" },
  { key: "aflidepa.s", org: "aflidepa", seat: "substitute", name: "Nadège Célestin", sex: "female", birthYear: 1995, language: "ht", named: false },
  { key: "jadl.t", org: "jadl", seat: "titular", name: "Kervens Dorvil", sex: "male", birthYear: 2001, language: "ht" },
  { key: "jadl.s", org: "jadl", seat: "substitute", name: "Roseline Pierre-Louis", sex: "female", birthYear: 2003, language: "ht" },
  { key: "mjbl.t", org: "mjbl", seat: "titular", name: "Fabienne Estimé", sex: "female", birthYear: 1999, language: "ht" },
  { key: "mjbl.s", org: "mjbl", seat: "substitute", name: "Wilson Jérôme", sex: "male", birthYear: 2002, language: "ht", named: false },
  { key: "fanmvanyan.t", org: "fanmvanyan", seat: "titular", name: "Altagrâce Noël", sex: "female", birthYear: 1966, language: "ht" },
  { key: "fanmvanyan.s", org: "fanmvanyan", seat: "substitute", name: "Mirlande Fils-Aimé", sex: "female", birthYear: 1988, language: "ht" },
  { key: "menkontre.t", org: "menkontre", seat: "titular", name: "Jocelyn Desrosiers", sex: "male", birthYear: 1979, language: "ht" },
  { key: "menkontre.s", org: "menkontre", seat: "substitute", name: "Guerline Charles", sex: "female", birthYear: 1984, language: "ht" },
  { key: "kankok.t", org: "kankok", seat: "titular", name: "Ismanie Délva", sex: "female", birthYear: 1975, language: "ht" },
  { key: "kankok.s", org: "kankok", seat: "substitute", name: "Frantz Mésidor", sex: "male", birthYear: 1990, language: "fr" },
  { key: "gpta.t", org: "gpta", seat: "titular", name: "Dieuseul Cadet", sex: "male", birthYear: 1958, disability: true, language: "ht" },
  { key: "gpta.s", org: "gpta", seat: "substitute", name: "Anel Beauplan", sex: "male", birthYear: 1985, language: "ht" },
  { key: "ofbl.t", org: "ofbl", seat: "titular", name: "Clotilde Saint-Louis", sex: "female", birthYear: 1970, language: "ht" },
  { key: "ofbl.s", org: "ofbl", seat: "substitute", name: "Sandra Michel", sex: "female", birthYear: 1997, language: "fr" },
];

export type AuthorityKey = "casec1" | "casec2" | "casec3" | "asec1" | "asec2" | "asec3" | "mairie";

/** The CASEC of the 1st section comes from `seedDemo`. */
const AUTHORITIES: { key: AuthorityKey; kind: AuthorityKind; name: string; sectionCode?: string }[] = [
  { key: "casec2", kind: "casec", name: "CASEC de la 2e section de Limonade", sectionCode: "HT0313-02" },
  { key: "casec3", kind: "casec", name: "CASEC de la 3e section de Limonade", sectionCode: "HT0313-03" },
  { key: "asec1", kind: "asec", name: "ASEC de la 1re section de Limonade", sectionCode: "HT0313-01" },
  { key: "asec2", kind: "asec", name: "ASEC de la 2e section de Limonade", sectionCode: "HT0313-02" },
  { key: "asec3", kind: "asec", name: "ASEC de la 3e section de Limonade", sectionCode: "HT0313-03" },
  { key: "mairie", kind: "municipal_council", name: "Conseil municipal de Limonade" },
];

interface OfficialSpec extends PersonSpec {
  authority: AuthorityKey;
  title: string;
}

/** Wilner Saint-Fleur (the demo CASEC account), member of the 1st section's CASEC, comes from `seedDemo`. */
const OFFICIALS: OfficialSpec[] = [
  { key: "casec1.president", authority: "casec1", title: "Président du CASEC", name: "Renaud Thélusma", sex: "male", birthYear: 1970, language: "fr" },
  { key: "casec1.yolene", authority: "casec1", title: "Membre du CASEC", name: "Yolène Dupervil", sex: "female", birthYear: 1978, language: "ht" },
  { key: "casec2.president", authority: "casec2", title: "Présidente du CASEC", name: "Micheline Valcourt", sex: "female", birthYear: 1969, language: "fr" },
  { key: "casec2.lucner", authority: "casec2", title: "Membre du CASEC", name: "Lucner Brutus", sex: "male", birthYear: 1964, language: "ht" },
  { key: "casec2.antoine", authority: "casec2", title: "Membre du CASEC", name: "Pierre-Richard Antoine", sex: "male", birthYear: 1983, language: "fr" },
  { key: "casec3.president", authority: "casec3", title: "Président du CASEC", name: "Odné Sainvil", sex: "male", birthYear: 1961, language: "ht" },
  { key: "casec3.marlene", authority: "casec3", title: "Membre du CASEC", name: "Marlène Gédéon", sex: "female", birthYear: 1980, language: "ht" },
  { key: "casec3.ronald", authority: "casec3", title: "Membre du CASEC", name: "Ronald Casimir", sex: "male", birthYear: 1976, language: "ht" },
  { key: "asec1.president", authority: "asec1", title: "Président de l'ASEC", name: "Joseph-Henri Bélizaire", sex: "male", birthYear: 1959, language: "fr" },
  { key: "asec2.president", authority: "asec2", title: "Présidente de l'ASEC", name: "Rosemène Dorcé", sex: "female", birthYear: 1974, language: "ht" },
  { key: "asec3.president", authority: "asec3", title: "Président de l'ASEC", name: "Ernst Fénélon", sex: "male", birthYear: 1966, language: "ht" },
  { key: "mairie.maire", authority: "mairie", title: "Maire principal", name: "Jean-Rony Lafortune", sex: "male", birthYear: 1967, language: "fr" },
  { key: "mairie.adjointe", authority: "mairie", title: "Mairesse adjointe", name: "Évelyne Bastien", sex: "female", birthYear: 1974, language: "fr" },
  { key: "mairie.adjoint", authority: "mairie", title: "Maire adjoint", name: "Gérald Télémaque", sex: "male", birthYear: 1972, language: "fr" },
];

const MANDATE_START = "2023-01-01";

// ---------------------------------------------------------------------------------------------
// The meetings

interface ItemSpec {
  kind: AgendaItemKind;
  title: string;
  minutes: number;
  /** Who speaks on this item, in this order, whatever the draw (the minutes quote them). */
  speakers?: string[];
  /** Turns drawn among those present, slipped between the named ones. */
  extra?: number;
  /** The item's paragraph in the minutes. */
  notes: string;
  /** A minutes-approval item: the meeting whose minutes it approves. */
  approves?: number;
  /** A motion or amendment (a key of `demo-motions.ts`): the item is the one its admission makes, titled with its number. */
  motion?: string;
  /** The poll held on the item, and the decision recorded with it. */
  vote?: VoteSpec;
  /** The motion withdrawn by its proposer in the room, with why. */
  withdraw?: string;
  /** The motion referred to an authority, with why. */
  refer?: { authority: AuthorityKey; note: string };
}

/** The year's meetings, by name: the commitments made in them and decided by them refer to these. */
export type MeetingKey = "priorities" | "forum" | "route" | "redevabilite" | "muso" | "suivi" | "roucou";

interface MeetingSpec {
  key: MeetingKey;
  daysAgo: number;
  /** The weekday it is held on (0 Sunday … 6 Saturday): the date moves back to it. */
  weekday: number;
  time: string;
  kind: MeetingKind;
  title: string;
  place: string;
  authorities: AuthorityKey[];
  /** Officials present besides those who speak. */
  officials: string[];
  /** Delegates present besides those who speak, and those absent whatever the draw. */
  present?: string[];
  absent?: string[];
  /** A person come to inform the meeting (not of the register). */
  resource?: { name: string; sex: Sex; ageGroup: AgeGroupId };
  walkIns: number;
  /** The speakers' time limit set at the start, when not the default. */
  turnLimit?: number;
  /** Agenda after the approval of the previous minutes (added for every meeting but the first). */
  agenda: ItemSpec[];
  decisions: string[];
}

const PAST_MEETINGS: MeetingSpec[] = [
  {
    key: "priorities",
    daysAgo: 333,
    weekday: 6,
    time: "09:00",
    kind: "ordinary",
    title: "Assemblée ordinaire : les priorités de l'année",
    place: "Salle de réunion de la mairie de Limonade",
    authorities: ["casec1"],
    officials: ["casec1.wilner"],
    present: ["apwolim.t"],
    walkIns: 14,
    agenda: [
      {
        kind: "information",
        title: "Mot de bienvenue et adoption de l'ordre du jour",
        minutes: 10,
        notes: "L'animateur ouvre la séance à {startTime}, souhaite la bienvenue aux organisations membres et au représentant du CASEC de la 1re section. L'ordre du jour est adopté sans modification.",
      },
      {
        kind: "information",
        title: "Bilan des activités de l'année écoulée",
        minutes: 20,
        speakers: ["aflidepa.t"],
        extra: 1,
        notes:
          "La déléguée d'AFLIDEPA présente le bilan des activités des organisations : formations en artisanat, réunions de section, participation aux journées de salubrité. Plusieurs organisations regrettent que les demandes adressées aux autorités l'an dernier soient restées sans réponse écrite.",
      },
      {
        kind: "discussion",
        title: "Priorités de l'année : eau potable, routes agricoles, emploi des jeunes",
        minutes: 45,
        speakers: ["apwolim.t", "gpta.t", "jadl.t"],
        extra: 3,
        notes:
          "Trois priorités sont retenues : l'accès à l'eau potable (surtout à Bord-de-Mer et à Roucou), l'entretien de la route agricole de Bois de Lance et l'emploi des jeunes. Rose-Andrée Louis (APWOLIM) rappelle que les producteurs de lait perdent une partie de la traite quand la route est coupée en saison des pluies. Le délégué du Gwoupman peyizan Tèt ansanm ajoute : « Si wout la pa bon, pwodiksyon an rete nan jaden an. » Le délégué de JADL demande que les jeunes soient associés à chaque commission. Les priorités sont retenues par consensus ; la MUSO Men kontre aurait voulu y ajouter la santé, sans s'y opposer.",
        vote: {
          question: "Le Makòn retient-il trois priorités pour l'année : l'eau potable, la route agricole de Bois de Lance et l'emploi des jeunes ?",
          method: "consensus",
          choices: [],
          consensus: { reached: true, objections: "La MUSO Men kontre aurait voulu ajouter la santé ; elle ne s'oppose pas au consensus." },
        },
      },
      {
        kind: "discussion",
        title: "Calendrier des réunions et rôle des délégués",
        minutes: 15,
        extra: 1,
        notes:
          "Le Makòn se réunira environ tous les deux mois, à tour de rôle dans les trois sections. Chaque organisation confirme sa ou son délégué titulaire et sa ou son suppléant, qui rendent compte à leurs membres.",
      },
      { kind: "other", title: "Divers", minutes: 10, extra: 1, notes: "Annonce de la foire agricole de Limonade ; les MUSO invitent les organisations à leurs assemblées." },
    ],
    decisions: [
      "Tenir un forum thématique sur l'eau potable avec les CASEC des trois sections.",
      "Chaque organisation recense d'ici là les points d'eau en panne de sa zone.",
      "Prochaine réunion : le forum sur l'eau, à Roucou.",
    ],
  },
  {
    key: "forum",
    daysAgo: 275,
    weekday: 6,
    time: "09:30",
    kind: "thematic_forum",
    title: "Forum thématique : l'eau potable à Limonade",
    place: "École nationale de Roucou",
    authorities: ["casec1", "casec2", "casec3", "mairie"],
    officials: ["casec2.president", "asec3.president"],
    resource: { name: "Jacques-Édouard Mondésir", sex: "male", ageGroup: "36_59" },
    walkIns: 22,
    turnLimit: 240,
    agenda: [
      {
        kind: "information",
        title: "État des points d'eau par section (présentation de la DINEPA)",
        minutes: 25,
        speakers: ["resource"],
        extra: 1,
        notes:
          "Le technicien de la DINEPA présente l'état des points d'eau de la commune : sur 14 fontaines et forages recensés, 6 sont en panne, dont 4 dans la 3e section (Roucou). Le captage qui dessert Bord-de-Mer de Limonade ne fonctionne que quelques heures par jour.",
      },
      {
        kind: "discussion",
        title: "Témoignages des sections : Basse Plaine, Bois de Lance, Roucou",
        minutes: 45,
        speakers: ["fanmvanyan.t", "mjbl.t", "kankok.t"],
        extra: 3,
        notes:
          "Les déléguées de la MUSO Fanm vanyan et de MJBL décrivent les longues marches des femmes et des enfants pour chercher l'eau : « Timoun yo rate lekòl pou y al pran dlo. » À Camp-Coq, selon la MUSO Solidarite Kan Kòk, le seau se vend 10 gourdes en saison sèche.",
      },
      {
        kind: "motion",
        motion: "captage.a1",
        title: "",
        minutes: 10,
        speakers: ["fanmvanyan.t"],
        notes:
          "Altagrâce Noël (MUSO Fanm vanyan) présente l'amendement A1, qui ajoute à la demande les deux fontaines encore en panne à Roucou. Il est adopté à main levée ; les mains levées pour sont comptées par sexe et par âge.",
        vote: { question: "Adopter l'amendement A1 : les fontaines de Roucou avec le captage ?", method: "hands", choices: FOR, breakdown: true, decide: "adopt" },
      },
      {
        kind: "motion",
        motion: "captage.a2",
        title: "",
        minutes: 10,
        speakers: ["gpta.t"],
        notes:
          "Le délégué du Gwoupman peyizan Tèt ansanm présente l'amendement A2, qui remplace « avant la saison sèche » par « dès que le budget communal le permet ». Plusieurs déléguées rappellent que la saison sèche n'attend pas : l'amendement est rejeté au vote nominal, par téléphone.",
        vote: { question: "Adopter l'amendement A2 : les travaux quand le budget le permet ?", method: "named", choices: AGAINST, decide: "reject" },
      },
      {
        kind: "motion",
        motion: "captage",
        title: "",
        minutes: 15,
        speakers: ["ofbl.t"],
        notes:
          "Clotilde Saint-Louis (OFBL) présente la proposition, avec AFLIDEPA et MJBL qui la soutiennent. Elle est adoptée telle qu'amendée, au vote nominal par téléphone.",
        vote: { question: "Adopter la proposition telle qu'amendée ?", method: "named", choices: FOR_ONE_SILENT, decide: "adopt" },
      },
      {
        kind: "discussion",
        title: "Propositions à adresser aux autorités",
        minutes: 30,
        speakers: ["apwolim.t", "casec3.president"],
        extra: 2,
        notes:
          "APWOLIM propose que la réparation des fontaines de Roucou passe avant tout nouveau forage. M. Odné Sainvil, président du CASEC de la 3e section, prend note et s'engage à porter la question au conseil municipal.",
      },
    ],
    decisions: [
      "Adresser au conseil municipal et aux CASEC une lettre demandant la réparation des fontaines de Roucou et du captage de Bord-de-Mer avant la saison sèche.",
      "Former un comité de suivi de trois personnes : AFLIDEPA, JADL et le Gwoupman peyizan Tèt ansanm.",
      "Inviter le conseil municipal à une séance de redevabilité.",
    ],
  },
  {
    key: "route",
    daysAgo: 214,
    weekday: 6,
    time: "09:00",
    kind: "ordinary",
    title: "Assemblée ordinaire : route agricole et place des jeunes",
    place: "Centre communautaire de Camp-Coq",
    authorities: ["casec2"],
    officials: [],
    present: ["apwolim.t"],
    walkIns: 11,
    agenda: [
      {
        kind: "information",
        title: "Nouvelles des organisations membres",
        minutes: 20,
        extra: 2,
        notes: "Les organisations présentent leurs activités des dernières semaines. Le comité de suivi de l'eau a remis la lettre du forum à la mairie et aux trois CASEC ; il attend la réponse.",
      },
      {
        kind: "discussion",
        title: "Entretien de la route agricole de Bois de Lance",
        minutes: 40,
        speakers: ["gpta.t", "menkontre.t", "casec2.lucner"],
        extra: 2,
        notes:
          "Le Gwoupman peyizan Tèt ansanm et la MUSO Men kontre décrivent l'état de la route : deux passages à gué impraticables après la pluie. M. Lucner Brutus, membre du CASEC de la 2e section, indique que le CASEC peut prêter des outils pour une journée de travail communautaire, mais n'a pas de budget pour du gravier.",
      },
      {
        kind: "motion",
        motion: "route",
        title: "",
        minutes: 10,
        speakers: ["gpta.t"],
        notes: "La proposition du Gwoupman peyizan Tèt ansanm demande du gravier pour les passages à gué. Le CASEC de la 2e section n'ayant pas de budget pour le gravier, elle est renvoyée au conseil municipal pour le budget communal.",
        refer: { authority: "mairie", note: "Le CASEC de la 2e section n'a pas de budget pour le gravier : renvoyée au conseil municipal, pour le budget communal." },
      },
      {
        kind: "discussion",
        title: "La place des jeunes dans le Makòn",
        minutes: 30,
        speakers: ["jadl.s", "mjbl.s"],
        extra: 2,
        notes: "Les jeunes délégués demandent à prendre la parole plus tôt dans les débats et à tenir, à tour de rôle, le secrétariat de séance : « Jèn yo pa sèlman la pou yo tande. »",
      },
      {
        kind: "motion",
        motion: "jeunes",
        title: "",
        minutes: 15,
        speakers: ["jadl.t"],
        notes: "Kervens Dorvil (JADL) présente la proposition. Elle touche au choix des délégués de chaque organisation : à la demande de plusieurs d'entre elles, le vote a lieu au scrutin secret, par téléphone. La proposition est adoptée.",
        vote: { question: "Adopter la proposition : un jeune parmi les délégués de chaque organisation membre ?", method: "secret", choices: FOR, decide: "adopt" },
      },
      { kind: "other", title: "Divers", minutes: 10, notes: "Pas de point divers." },
    ],
    decisions: [
      "Organiser un konbit sur la route de Bois de Lance, avec les outils prêtés par le CASEC de la 2e section.",
      "Chaque organisation compte au moins un jeune parmi ses deux délégués d'ici la fin de l'année.",
      "Le comité de suivi de l'eau fait rapport à la séance de redevabilité.",
    ],
  },
  {
    key: "redevabilite",
    daysAgo: 152,
    weekday: 4,
    time: "10:00",
    kind: "feedback_session",
    title: "Séance de redevabilité avec le conseil municipal et les CASEC",
    place: "Mairie de Limonade, salle du conseil",
    authorities: ["mairie", "casec1", "casec2", "casec3", "asec1"],
    officials: ["casec1.president", "casec2.president", "asec1.president", "mairie.adjoint"],
    present: ["apwolim.t"],
    walkIns: 15,
    turnLimit: 240,
    agenda: [
      {
        kind: "commitment_review",
        title: "Suivi des demandes du forum sur l'eau : réponse des autorités",
        minutes: 40,
        speakers: ["mairie.maire", "casec3.president"],
        extra: 1,
        notes:
          "Le maire principal, M. Jean-Rony Lafortune, annonce que la fontaine du bourg de Roucou a été réparée, la pièce ayant été achetée par la mairie. Pour le captage de Bord-de-Mer, la demande a été transmise à la DINEPA, sans date à ce jour. M. Odné Sainvil confirme que deux des quatre fontaines en panne de la 3e section fonctionnent de nouveau.",
      },
      {
        kind: "discussion",
        title: "Questions des organisations aux autorités",
        minutes: 50,
        speakers: ["apwolim.t", "aflidepa.t", "casec1.wilner", "jadl.t", "fanmvanyan.t"],
        extra: 2,
        notes:
          "Rose-Andrée Louis (APWOLIM) demande un calendrier pour la route de Bois de Lance. M. Wilner Saint-Fleur, membre du CASEC de la 1re section, répond que le CASEC présentera la demande au budget communal. AFLIDEPA demande un espace au marché pour les artisanes ; JADL et la MUSO Fanm vanyan demandent que les chantiers de la mairie embauchent des jeunes et des femmes de la commune : « Travay la dwe rete nan komin nan. »",
      },
      {
        kind: "motion",
        motion: "marche",
        title: "",
        minutes: 5,
        speakers: ["aflidepa.t"],
        notes: "La mairesse adjointe s'engage à attribuer aux artisanes un espace couvert au prochain marché. AFLIDEPA retire sa proposition, qui devient un engagement à suivre.",
        withdraw: "La mairie s'est engagée en séance à attribuer l'espace : la proposition devient un engagement à suivre.",
      },
      {
        kind: "discussion",
        title: "Prochaines étapes et suivi des engagements",
        minutes: 15,
        speakers: ["mairie.adjointe"],
        notes: "Mme Évelyne Bastien, mairesse adjointe, propose un point d'étape à chaque réunion du Makòn, et que la mairie réponde par écrit aux lettres du Makòn sous un mois.",
      },
    ],
    decisions: [
      "La mairie répond par écrit aux lettres du Makòn dans le mois.",
      "Le CASEC de la 1re section porte la route de Bois de Lance au budget communal.",
      "Le suivi des engagements des autorités est inscrit à l'ordre du jour de chaque assemblée.",
    ],
  },
  {
    key: "muso",
    daysAgo: 91,
    weekday: 6,
    time: "09:00",
    kind: "ordinary",
    title: "Assemblée ordinaire : MUSO et crédit pour les femmes et les jeunes",
    place: "École communautaire de Bord-de-Mer de Limonade",
    authorities: [],
    officials: ["asec1.president"],
    absent: ["apwolim.t"],
    resource: { name: "Marie-Josée Lindor", sex: "female", ageGroup: "36_59" },
    walkIns: 14,
    agenda: [
      {
        kind: "information",
        title: "Expériences des MUSO de Limonade",
        minutes: 25,
        speakers: ["fanmvanyan.t", "kankok.t", "menkontre.s"],
        notes:
          "Les trois MUSO membres présentent leur fonctionnement : cotisations hebdomadaires, caisse verte pour les prêts, caisse rouge pour l'entraide. La MUSO Fanm vanyan a accordé 46 prêts cette année, surtout pour le petit commerce.",
      },
      {
        kind: "discussion",
        title: "Accès au crédit pour les femmes et les jeunes",
        minutes: 40,
        speakers: ["resource", "aflidepa.s", "jadl.t"],
        extra: 3,
        notes:
          "L'animatrice de la plateforme régionale des MUSO explique comment créer une MUSO de jeunes. Les jeunes regrettent que les institutions de microfinance exigent une garantie qu'ils n'ont pas : « Nou pa gen tè, nou pa gen kay, ki garanti n ap bay ? »",
      },
      {
        kind: "motion",
        motion: "emplois",
        title: "",
        minutes: 15,
        speakers: ["mjbl.t"],
        notes:
          "Fabienne Estimé (MJBL) présente la proposition, avec JADL et la MUSO Fanm vanyan. Plusieurs délégués n'ont pas de données sur leur téléphone : le vote est hybride, par téléphone pour les uns, à main levée pour les autres. La proposition est adoptée.",
        vote: { question: "Adopter la proposition : des emplois pour les jeunes et les femmes sur les chantiers communaux ?", method: "hybrid", choices: FOR, decide: "adopt" },
      },
      {
        kind: "motion",
        motion: "cotisation",
        title: "",
        minutes: 10,
        speakers: ["kankok.t"],
        notes: "Les groupes de jeunes et plusieurs MUSO disent ne pas pouvoir payer 1 000 gourdes par an : la proposition est rejetée à main levée. La MUSO Solidarite Kan Kòk proposera une caisse volontaire.",
        vote: { question: "Adopter la proposition : une cotisation annuelle de 1 000 gourdes ?", method: "hands", choices: AGAINST, decide: "reject" },
      },
      { kind: "other", title: "Divers", minutes: 10, extra: 1, notes: "Rappel : la séance de redevabilité a fixé un point d'étape sur les engagements à chaque assemblée." },
    ],
    decisions: ["JADL et MJBL lancent une MUSO de jeunes, accompagnée par la MUSO Fanm vanyan.", "Le Makòn demande à la mairie de réserver une part des emplois des chantiers communaux aux jeunes."],
  },
  {
    key: "suivi",
    daysAgo: 33,
    weekday: 6,
    time: "09:30",
    kind: "ordinary",
    title: "Assemblée ordinaire : suivi des engagements et plan d'action",
    place: "Salle de réunion de la mairie de Limonade",
    authorities: ["casec1"],
    officials: ["casec1.yolene"],
    walkIns: 10,
    agenda: [
      {
        kind: "commitment_review",
        title: "Suivi des engagements des autorités (eau, route de Bois de Lance)",
        minutes: 30,
        speakers: ["casec1.wilner", "gpta.t"],
        extra: 2,
        notes:
          "M. Wilner Saint-Fleur indique que la route de Bois de Lance figure au projet de budget communal. Le Gwoupman peyizan Tèt ansanm rappelle que le konbit a rendu la route praticable, mais que les passages à gué restent dangereux. Le captage de Bord-de-Mer n'est toujours pas réparé.",
      },
      {
        kind: "discussion",
        title: "Plan d'action des organisations pour les prochains mois",
        minutes: 40,
        speakers: ["apwolim.t", "ofbl.t", "mjbl.t"],
        extra: 2,
        notes:
          "APWOLIM propose une collecte commune du lait à Bois de Lance ; OFBL et MJBL proposent une campagne sur l'eau et l'hygiène dans les écoles de Bord-de-Mer. Rose-Andrée Louis : « Nou pa ka tann, fòk nou aji ansanm. »",
      },
      { kind: "other", title: "Divers", minutes: 10, extra: 1, notes: "La prochaine assemblée fera le bilan de l'année." },
    ],
    decisions: [
      "Relancer la DINEPA par écrit pour le captage de Bord-de-Mer, copie au conseil municipal.",
      "Campagne eau et hygiène dans les écoles de Bord-de-Mer, portée par OFBL et MJBL.",
      "Prochaine assemblée : le bilan de l'année.",
    ],
  },
];

const TODAY_MEETING = {
  time: "10:00",
  kind: "ordinary" as MeetingKind,
  title: "Assemblée ordinaire : bilan d'une année de Makòn",
  place: "École nationale de Limonade",
  authorities: ["mairie", "casec1"] as AuthorityKey[],
  agenda: [
    { kind: "information" as AgendaItemKind, title: "Bilan de l'année : participation des femmes et des jeunes", minutes: 25 },
    { kind: "commitment_review" as AgendaItemKind, title: "Eau potable et route de Bois de Lance : où en sont les engagements ?", minutes: 30 },
    { kind: "discussion" as AgendaItemKind, title: "Priorités de l'année qui vient", minutes: 40 },
    { kind: "motion" as AgendaItemKind, title: "", minutes: 15, motion: "hygiene" },
    { kind: "other" as AgendaItemKind, title: "Divers", minutes: 10 },
  ],
};

/** Makòn Roucou's assembly, whose motion goes up to the commune's space (`SECTION` in `demo-motions.ts`). */
const SECTION_MEETING: MeetingSpec = {
  key: "roucou",
  daysAgo: 138,
  weekday: 0,
  time: "14:00",
  kind: "ordinary",
  title: "Assemblée de section : l'eau à Roucou",
  place: "École nationale de Roucou",
  authorities: ["casec3"],
  officials: ["casec3.marlene"],
  present: SECTION.delegates.map((d) => d.key),
  walkIns: 17,
  agenda: [
    {
      kind: "information",
      title: "La source et les fontaines de Roucou : où en est-on ?",
      minutes: 20,
      speakers: ["casec3.marlene", "roucou.fanmvanyan.t"],
      extra: 2,
      notes:
        "Mme Marlène Gédéon, membre du CASEC de la 3e section, fait le point : deux fontaines fonctionnent de nouveau, mais le captage de la source est fissuré et n'est pas clôturé. Yvrose Désir (MUSO Fanm vanyan) : « Bèt yo bwè nan sous la, se dlo sa a timoun yo bwè. »",
    },
    {
      kind: "motion",
      motion: "roucou",
      title: "",
      minutes: 25,
      speakers: ["roucou.komite.t", "roucou.kankok.t"],
      notes: "Mérilia Saintilus (Komite jesyon dlo Roucou) présente la proposition. Elle est adoptée à main levée ; l'assemblée demande qu'elle soit transmise au Makòn de Limonade.",
      vote: { question: "Adopter la proposition sur le captage de la source de Roucou ?", method: "hands", choices: FOR, decide: "adopt" },
    },
    { kind: "other", title: "Divers", minutes: 10, extra: 1, notes: "La MUSO Solidarite Kan Kòk invite les organisations de la section à son assemblée annuelle." },
  ],
  decisions: ["Transmettre la proposition sur le captage de Roucou au Makòn de Limonade.", "Le Komite jesyon dlo Roucou prépare l'élection du comité de gestion de l'eau par les usagers."],
};

// People who come without a seat: members of the organisations and neighbours.
const FIRST_NAMES: Record<Sex, string[]> = {
  female: ["Marie-Ange", "Nirva", "Josette", "Mirline", "Chrismène", "Darline", "Fabiola", "Lourdie", "Guerda", "Ketly", "Roselaure", "Wideline", "Esther", "Judith", "Manoucheka", "Sherline", "Islande", "Yveline", "Gertha", "Claudette", "Rachelle", "Nathalie", "Bernadette", "Lovely"],
  male: ["Jean-Marc", "Wesner", "Jacquelin", "Fritznel", "Rodrigue", "Ricardo", "Mackenson", "Peterson", "Wilfrid", "Lesly", "Evens", "Josué", "Samuel", "Dieunel", "Frantzy", "Sonel", "Roosevelt", "Gary", "Kénold", "Widner", "Osner", "Marc-Arthur", "Clébert", "Stevenson"],
};
const SURNAMES = ["Jean", "Pierre", "Joseph", "Charles", "Baptiste", "Étienne", "Dorsainvil", "Théodore", "Saintil", "Mérilus", "Exantus", "Fleurimond", "Voltaire", "Lafleur", "Jean-Louis", "Derisma", "Alexis", "Philogène", "Joachim", "Orélus", "Estinvil", "Vilsaint", "Jeudy", "Nelson", "Paul", "François"];

const FACILITATOR = { name: "Jean-Robert Pierre", sex: "male" as Sex, ageGroup: "36_59" as AgeGroupId };

// ---------------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so the demo is the same on every start. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T,>(choices: readonly (readonly [T, number])[]): T => {
    let r = next() * choices.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of choices) if ((r -= w) < 0) return value;
    return choices[choices.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

const must = <T,>(result: { ok: true; value: T } | { ok: false; code: string }, what: string): T => {
  if (!result.ok) throw new Error(`demo year, ${what}: ${result.code}`);
  return result.value;
};

/** Someone of the register as the door records them. */
export interface Known {
  personId: number;
  name: string;
  sex: Sex;
  birthYear: number;
  disability: boolean;
  organisationId: number | null;
  role: "delegate" | "official";
  /** The account that acts as them, for requests to speak from a phone. */
  actor: Actor | null;
  /** The account a delegate votes and proposes with from her or his phone. */
  phone: Actor | null;
}

/** One person at a meeting, as planned before the meeting is played. */
interface Present {
  key: string;
  input: AttendanceInput;
  arrivedAt: number;
  actor: Actor | null;
  attendanceId?: number;
}

/** A calendar day in Haiti `days` before `now`, moved back to a weekday. */
function dayBefore(now: number, days: number, weekday: number): string {
  const date = localDate(now - days * DAY);
  const shift = (new Date(`${date}T12:00:00Z`).getUTCDay() - weekday + 7) % 7;
  return localDate(new Date(`${date}T12:00:00Z`).getTime() - shift * DAY);
}

/** An instant `days` before `now`, at a local time of day. */
const dayAt = (now: number, days: number, time: string) => fromLocalDateTime(`${localDate(now - days * DAY)}T${time}`);

/**
 * The phone account of a delegate of the year: made as the register makes one, linked to the
 * person, with a password hash no password matches (these delegates voted and proposed from
 * their phones in the story; the demo signs in as its four accounts only, and an administrator
 * can set a password to sign in as one of them). No scrypt per account: a first start stays quick.
 */
function phoneAccount(deps: Deps, facilitator: Actor, spaceId: number, personId: number, person: { name: string; language: Locale }, phone: string, at: number, role: Role = "delegate"): Actor {
  const userId = deps.db.transaction((tx) =>
    insertAccount(tx, { name: person.name, email: null, phone, locale: person.language, passwordHash: UNUSABLE_HASH, role, spaceId, actorId: facilitator.userId, now: at, whenTaken: "refuse" }),
  );
  if (!userId) throw new Error(`demo year, account of ${person.name}: phone taken`);
  must(linkAccount(deps, facilitator, spaceId, personId, { userId }, at), `account of ${person.name}`);
  return loadActor(deps.db, userId);
}

/**
 * Seeds the year into a database where `seedDemo` has just run; returns whether it did.
 * `dataDir` is the data folder the server serves evidence files from (the database file's).
 */
export async function seedDemoYear(db: Db, now: number, options: { dataDir: string }): Promise<boolean> {
  const space = db.select({ id: spaces.id }).from(spaces).where(eq(spaces.name, SPACE_NAME)).get();
  if (!space) return false;
  // Only over the bare demo: a space that has held a meeting or admitted more than APWOLIM is someone's.
  const held = db.select({ n: count() }).from(meetings).where(eq(meetings.spaceId, space.id)).get()!.n;
  const members = db.select({ n: count() }).from(spaceMemberships).where(eq(spaceMemberships.spaceId, space.id)).get()!.n;
  if (held > 0 || members !== 1) return false;

  const spaceId = space.id;
  const userIdOf = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  const actorOf = (email: string) => loadActor(db, userIdOf(email));
  const facilitator = actorOf("animateur@makon.ht");
  const deps: Deps = { db, realtime: offlineRealtimePort(db) };
  const random = generator(20_130_313);

  // The register dates from some weeks before the first meeting.
  const foundedOn = dayBefore(now, PAST_MEETINGS[0]!.daysAgo + 40, 2);
  let clock = fromLocalDateTime(`${foundedOn}T10:00`);
  const tick = () => (clock += MINUTE);

  const orgIds = new Map<OrgKey, number>();
  const apwolim = db.select({ organisationId: spaceMemberships.organisationId }).from(spaceMemberships).where(eq(spaceMemberships.spaceId, spaceId)).get()!.organisationId;
  orgIds.set("apwolim", apwolim);
  const rose = db.select().from(people).where(eq(people.userId, userIdOf("delegue@makon.ht"))).get()!;
  const wilner = db.select().from(people).where(eq(people.userId, userIdOf("casec@makon.ht"))).get()!;
  // `seedDemo` seats APWOLIM and Rose-Andrée from January 1st of the current year (what every
  // test relies on); the year shown here starts earlier, so both date back to the register's start.
  db.transaction((tx) => {
    tx.update(spaceMemberships).set({ joinedOn: foundedOn }).where(and(eq(spaceMemberships.spaceId, spaceId), eq(spaceMemberships.organisationId, apwolim))).run();
    tx.update(delegateSeats).set({ fromDate: foundedOn }).where(and(eq(delegateSeats.spaceId, spaceId), eq(delegateSeats.personId, rose.id))).run();
  });

  for (const org of ORGANISATIONS) {
    if (org.input) orgIds.set(org.key, must(registerOrganisation(db, facilitator, spaceId, org.input, foundedOn, tick()), `organisation ${org.key}`).id);
    must(recordMembershipCount(db, facilitator, spaceId, orgIds.get(org.key)!, { countedOn: foundedOn, ...org.members }, tick()), `count ${org.key}`);
  }

  const known = new Map<string, Known>();
  const roseActor = actorOf("delegue@makon.ht");
  known.set("apwolim.t", { personId: rose.id, name: rose.name, sex: rose.sex!, birthYear: rose.birthYear!, disability: rose.disability, organisationId: apwolim, role: "delegate", actor: roseActor, phone: roseActor });
  for (const [index, d] of DELEGATES.entries()) {
    const person = { name: d.name, sex: d.sex, birthYear: d.birthYear, ageGroup: null, disability: d.disability ?? false, preferredLanguage: d.language, namedPublicly: d.named ?? true };
    const seat = { organisationId: orgIds.get(d.org)!, seat: d.seat, fromDate: foundedOn };
    const { personId } = must(await registerDelegate(db, facilitator, spaceId, person, seat, { createAccount: false, accountPassword: "" }, tick()), `delegate ${d.key}`);
    const phone = phoneAccount(deps, facilitator, spaceId, personId, d, `+5093710${String(index + 1).padStart(4, "0")}`, tick());
    known.set(d.key, { personId, name: d.name, sex: d.sex, birthYear: d.birthYear, disability: d.disability ?? false, organisationId: seat.organisationId, role: "delegate", actor: null, phone });
  }

  const authorityIds = new Map<AuthorityKey, number>();
  const casec1 = db.select({ id: authorities.id }).from(authorities).where(eq(authorities.name, "CASEC de la 1re section de Limonade")).get()!.id;
  authorityIds.set("casec1", casec1);
  for (const a of AUTHORITIES) authorityIds.set(a.key, must(registerAuthority(db, facilitator, spaceId, { kind: a.kind, name: a.name, sectionCode: a.sectionCode }, tick()), `authority ${a.key}`).id);
  known.set("casec1.wilner", { personId: wilner.id, name: wilner.name, sex: wilner.sex!, birthYear: wilner.birthYear!, disability: wilner.disability, organisationId: null, role: "official", actor: actorOf("casec@makon.ht"), phone: null });
  for (const o of OFFICIALS) {
    const person = { name: o.name, sex: o.sex, birthYear: o.birthYear, ageGroup: null, disability: o.disability ?? false, preferredLanguage: o.language, namedPublicly: true };
    const mandate = { authorityId: authorityIds.get(o.authority)!, title: o.title, mandateStart: MANDATE_START };
    const { personId } = must(await registerOfficial(db, facilitator, spaceId, person, mandate, { createAccount: false, accountPassword: "" }, tick()), `official ${o.key}`);
    known.set(o.key, { personId, name: o.name, sex: o.sex, birthYear: o.birthYear, disability: false, organisationId: null, role: "official", actor: null, phone: null });
  }

  const ctx: Context = {
    db,
    deps,
    facilitator,
    spaceId,
    random,
    known,
    delegateKeys: ["apwolim.t", ...DELEGATES.map((d) => d.key)],
    memberOrgIds: [...orgIds.values()],
    authorityIds,
    motionIds: new Map(),
    meetingIds: new Map(),
  };

  // The year in order: motions drafted and submitted between the meetings that take them up,
  // and the section of Roucou whose motion goes up to the commune.
  const steps: { daysAgo: number; run: () => void | Promise<void> }[] = [];
  let previous: { id: number; startsAt: number } | null = null;
  for (const spec of PAST_MEETINGS) {
    steps.push({
      daysAgo: spec.daysAgo,
      run: () => {
        const id = playMeeting(ctx, spec, previous, now);
        previous = { id, startsAt: db.select({ startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.id, id)).get()!.startsAt };
      },
    });
  }
  for (const m of MOTIONS) {
    steps.push({ daysAgo: m.draftedDaysAgo, run: () => draft(ctx, m, now) });
    if (m.submittedDaysAgo !== undefined) steps.push({ daysAgo: m.submittedDaysAgo, run: () => submit(ctx, m, now) });
  }
  for (const a of AMENDMENTS) {
    const at = dayAt(now, a.daysAgo, "18:40");
    const by = known.get(a.by)!;
    steps.push({
      daysAgo: a.daysAgo,
      run: () => void ctx.motionIds.set(a.key, must(proposeAmendment(deps, by.phone, ctx.motionIds.get(a.motion)!, { organisationId: by.organisationId!, paragraph: a.paragraph, replacement: a.replacement, rationale: a.rationale }, at), `amendment ${a.key}`).id),
    });
  }
  let roucouId = 0;
  steps.push({ daysAgo: SECTION.daysAgo, run: async () => void (roucouId = await seedSection(ctx, orgIds, now)) });
  steps.sort((a, b) => b.daysAgo - a.daysAgo);
  for (const step of steps) await step.run();

  // What the authorities promised over the year, and what became of it. The facilitator, who
  // now runs Makòn Roucou too, links the officials' phones (their mandates reach both spaces).
  const runner = loadActor(db, facilitator.userId);
  await seedDemoCommitments(
    {
      deps,
      spaceIds: { limonade: spaceId, roucou: roucouId },
      facilitator: runner,
      known,
      authorityIds,
      motionIds: ctx.motionIds,
      meetingIds: ctx.meetingIds,
      phoneAccount: (personId, person, phone, at, role) => phoneAccount(deps, runner, spaceId, personId, person, phone, at, role),
    },
    now,
    options.dataDir,
  );

  // Today's meeting, planned: its facilitator opens it, the delegate and the CASEC member take part.
  const startsAt = fromLocalDateTime(`${localDate(now)}T${TODAY_MEETING.time}`);
  const plannedAt = startsAt - 9 * DAY;
  db.transaction(() => {
    const input = { kind: TODAY_MEETING.kind, title: TODAY_MEETING.title, startsAt, endsAt: startsAt + 3 * 3600_000, place: TODAY_MEETING.place, published: true, facilitatorIds: [facilitator.userId], authorityIds: TODAY_MEETING.authorities.map((k) => authorityIds.get(k)!) };
    const { id } = must(planMeeting(db, facilitator, spaceId, input, plannedAt), "today's meeting");
    const items = [{ kind: "minutes_approval" as AgendaItemKind, title: approvalTitle(previous!.startsAt), minutes: 10, approves: previous!.id }, ...TODAY_MEETING.agenda];
    planAgenda(ctx, id, items, plannedAt);
  });

  // The facilitator's reports on the year, written in its last days.
  seedDemoReports({ deps, facilitator: runner, spaceId }, now);
  return true;
}

/** A delegate drafts a motion for her organisation, invites its co-sponsors, who answer the next morning. */
function draft(ctx: Context, m: MotionSpec, now: number): void {
  const by = ctx.known.get(m.by)!;
  const at = dayAt(now, m.draftedDaysAgo, "19:10");
  const input = { organisationId: by.organisationId!, title: m.title, text: m.text, rationale: m.rationale, theme: m.theme, authorityId: m.authority && ctx.authorityIds.get(m.authority)! };
  const id = must(draftMotion(ctx.deps, by.phone, ctx.spaceId, input, at), `motion ${m.key}`).id;
  ctx.motionIds.set(m.key, id);
  for (const [i, c] of (m.cosponsors ?? []).entries()) {
    must(inviteCosponsor(ctx.deps, by.phone, id, ctx.known.get(c.by)!.organisationId!, at + (i + 1) * MINUTE), `invitation of ${c.org}`);
    must(answerCosponsor(ctx.deps, ctx.known.get(c.by)!.phone, id, ctx.known.get(c.by)!.organisationId!, c.accept, at + 13 * 3600_000 + i * 17 * MINUTE), `answer of ${c.org}`);
  }
}

function submit(ctx: Context, m: MotionSpec, now: number): void {
  must(submitMotion(ctx.deps, ctx.known.get(m.by)!.phone, ctx.motionIds.get(m.key)!, dayAt(now, m.submittedDaysAgo!, "20:05")), `submission of ${m.key}`);
}

/**
 * Makòn Roucou, the space of Limonade's 3rd section: created by the administrator, run by the
 * demo's facilitator, with two MUSO of the commune's space and a water committee, each sending
 * its own delegates. Its assembly adopts a motion, which its facilitator forwards to Makòn
 * Limonade, where it waits, submitted.
 */
async function seedSection(ctx: Context, orgIds: Map<OrgKey, number>, now: number): Promise<number> {
  const { db, deps } = ctx;
  const admin = loadActor(db, db.select({ id: users.id }).from(users).where(eq(users.email, "admin@makon.ht")).get()!.id);
  let at = dayAt(now, SECTION.daysAgo, "09:00");
  const next = () => (at += MINUTE);
  const sectionId = must(createSpace(db, admin, SECTION.space, next()), "section space").id;
  must(grantRole(deps, admin, { userId: ctx.facilitator.userId, role: "facilitator", spaceId: sectionId }, next()), "section facilitator");
  const facilitator = loadActor(db, ctx.facilitator.userId);
  const joinedOn = localDate(at);
  const ids = new Map<string, number>();
  for (const key of SECTION.admitted) {
    must(admitOrganisation(db, facilitator, sectionId, orgIds.get(key)!, joinedOn, next()), `section member ${key}`);
    ids.set(key, orgIds.get(key)!);
  }
  ids.set("komite", must(registerOrganisation(db, facilitator, sectionId, SECTION.organisation, joinedOn, next()), "water committee").id);
  for (const d of SECTION.delegates) {
    const person = { name: d.name, sex: d.sex, birthYear: d.birthYear, ageGroup: null, disability: false, preferredLanguage: d.language, namedPublicly: true };
    const seat = { organisationId: ids.get(d.org)!, seat: d.seat, fromDate: joinedOn };
    const { personId } = must(await registerDelegate(db, facilitator, sectionId, person, seat, { createAccount: false, accountPassword: "" }, next()), `section delegate ${d.key}`);
    const phone = d.key === SECTION.motion.by ? phoneAccount(deps, facilitator, sectionId, personId, d, "+50937200001", next()) : null;
    ctx.known.set(d.key, { personId, name: d.name, sex: d.sex, birthYear: d.birthYear, disability: false, organisationId: seat.organisationId, role: "delegate", actor: null, phone });
  }
  const section: Context = { ...ctx, facilitator, spaceId: sectionId, delegateKeys: SECTION.delegates.map((d) => d.key), memberOrgIds: [...ids.values()] };
  draft(section, SECTION.motion, now);
  submit(section, SECTION.motion, now);
  playMeeting(section, SECTION_MEETING, null, now);
  must(forwardMotion(deps, facilitator, ctx.motionIds.get(SECTION.motion.key)!, ctx.spaceId, dayAt(now, SECTION.forwardedDaysAgo, "10:30")), "forwarding to the commune");
  return sectionId;
}

const approvalTitle = (startsAt: number) => `Approbation du procès-verbal de la séance du ${formatDate(startsAt, "fr")}`;

interface Context {
  db: Db;
  deps: Deps;
  facilitator: Actor;
  spaceId: number;
  random: ReturnType<typeof generator>;
  known: Map<string, Known>;
  delegateKeys: string[];
  memberOrgIds: number[];
  authorityIds: Map<AuthorityKey, number>;
  /** Motions and amendments by their key in `demo-motions.ts`, once drafted. */
  motionIds: Map<string, number>;
  /** The meetings held, once played. */
  meetingIds: Map<MeetingKey, number>;
}

/**
 * A meeting's agenda as its facilitator makes it, one item a minute: a motion's item is made by
 * admitting it (its amendments after it, which places them before it); returns the items' ids in order.
 */
function planAgenda(ctx: Context, meetingId: number, items: readonly Pick<ItemSpec, "kind" | "title" | "minutes" | "approves" | "motion">[], plannedAt: number): number[] {
  const admitted = new Map<string, number>();
  const admit = (key: string, at: number): number => {
    const parent = parentOf(key);
    if (parent !== null && !admitted.has(parent)) admit(parent, at);
    if (!admitted.has(key)) admitted.set(key, must(admitToMeeting(ctx.deps, ctx.facilitator, ctx.motionIds.get(key)!, meetingId, at), `admission of ${key}`).agendaItemId);
    return admitted.get(key)!;
  };
  return items.map((item, i) => {
    const at = plannedAt + (i + 1) * MINUTE;
    if (item.motion) return admit(item.motion, at);
    return must(addAgendaItem(ctx.deps, ctx.facilitator, meetingId, { kind: item.kind, title: item.title, plannedMinutes: item.minutes, approvesMeetingId: item.approves ?? null }, at), "agenda item").id;
  });
}

/**
 * What the meeting decides on an item, scheduled from `start`: a motion withdrawn or referred,
 * or a poll — opened, the phones' ballots, the hands counted (broken down by sex and age
 * group when asked), consensus recorded, closed, and the decision recorded with it. Returns
 * when the item's business is done.
 */
function scheduleDecision(ctx: Context, item: ItemSpec, at: (instant: number, run: () => void, alone?: boolean) => void, meetingId: () => number, start: number, year: number): number {
  const { db, deps, facilitator, random } = ctx;
  const motionId = item.motion ? ctx.motionIds.get(item.motion)! : null;
  const t = start + random.int(20, 60) * 1000;
  if (item.withdraw) {
    const proposer = ctx.known.get(MOTIONS.find((m) => m.key === item.motion)!.by)!.phone;
    at(t, () => must(withdrawMotion(deps, proposer, motionId!, { note: item.withdraw }, t), `withdrawal of ${item.motion}`));
    return t + MINUTE;
  }
  if (item.refer) {
    const referredAuthorityId = ctx.authorityIds.get(item.refer.authority)!;
    at(t, () => must(recordDecision(deps, facilitator, motionId!, "refer", { referredAuthorityId, note: item.refer!.note }, t), `referral of ${item.motion}`));
    return t + MINUTE;
  }
  const vote = item.vote;
  if (!vote) return start;
  let pollId = 0;
  const closedAt = t + (vote.method === "consensus" ? 2 : 4) * MINUTE + random.int(0, 59) * 1000;
  at(t, () => (pollId = must(openPoll(deps, facilitator, meetingId(), { question: vote.question, motionId, method: vote.method, rules: null, countdownMinutes: null }, t), "poll").id));
  at(t + 1000, () => {
    const voters = db.select({ personId: pollVoters.personId }).from(pollVoters).where(eq(pollVoters.pollId, pollId)).orderBy(asc(pollVoters.personId)).all();
    const byPerson = new Map([...ctx.known.values()].map((k) => [k.personId, k]));
    const hands = { yes: 0, no: 0, abstain: 0 };
    const breakdown = Object.fromEntries(SEX_KEYS.map((sex) => [sex, Object.fromEntries(AGE_KEYS.map((age) => [age, 0]))])) as HandsBreakdown;
    let instant = t + 15_000;
    voters.forEach(({ personId }, i) => {
      const choice = vote.choices[i % vote.choices.length];
      if (!choice) return;
      const voter = byPerson.get(personId)!;
      // A hybrid poll: every other voter has a phone with data, the others raise their hands.
      if (vote.method === "named" || vote.method === "secret" || (vote.method === "hybrid" && i % 2 === 0)) {
        instant += random.int(3, 12) * 1000;
        must(castBallot(deps, voter.phone, pollId, choice, instant), `ballot of ${voter.name}`);
        return;
      }
      hands[choice]++;
      if (choice === "yes") breakdown[voter.sex][ageGroupOf(voter, year) ?? "unknown"]++;
    });
    if (takesHands(vote.method)) must(enterHands(deps, facilitator, pollId, hands, vote.breakdown ? breakdown : null, closedAt - 30_000), "hands");
    if (vote.consensus) must(recordConsensus(deps, facilitator, pollId, vote.consensus, closedAt - 30_000), "consensus");
  });
  at(closedAt, () => {
    const { result } = must(closePoll(deps, facilitator, pollId, closedAt), "closing the poll");
    if (!vote.decide) return;
    if (result.outcome !== (vote.decide === "adopt" ? "adopted" : "rejected")) throw new Error(`demo year, poll on ${item.motion}: ${result.outcome} (${result.reason})`);
    must(recordDecision(deps, facilitator, motionId!, vote.decide, { pollId }, closedAt + 20_000), `decision on ${item.motion}`);
  }, unlinkable(vote.method));
  return closedAt + MINUTE;
}

/**
 * Plans one past meeting and plays it through the app's commands at the times it happened:
 * arrivals at the door, the opening, the agenda's items, turns on the speakers' list (the
 * demo delegate and CASEC member ask from their phones), the approval of the previous
 * minutes, the closing.
 * In one transaction, split only where a secret or hybrid poll closes: its command checkpoints
 * the WAL, which no open transaction may surround.
 */
function playMeeting(ctx: Context, spec: MeetingSpec, previous: { id: number; startsAt: number } | null, now: number): number {
  const { db, deps, facilitator, random, known } = ctx;
  const date = dayBefore(now, spec.daysAgo, spec.weekday);
  const startsAt = fromLocalDateTime(`${date}T${spec.time}`);
  const year = Number(date.slice(0, 4));
  const plannedAt = startsAt - 12 * DAY;
  const startedAt = startsAt + random.int(8, 25) * MINUTE;

  const agenda: ItemSpec[] = previous
    ? [{ kind: "minutes_approval", title: approvalTitle(previous.startsAt), minutes: 10, approves: previous.id, notes: `Le procès-verbal de la séance du ${formatDate(previous.startsAt, "fr")} est lu par le secrétaire de séance et approuvé sans modification.` }, ...spec.agenda]
    : spec.agenda;

  // Who comes: the named speakers and the expected delegates, most of the others, the officials, walk-ins.
  const speakers = new Set(agenda.flatMap((i) => i.speakers ?? []));
  const present: Present[] = [];
  const arrival = (early: boolean) => startsAt + (early ? random.int(-40, -2) : random.int(-35, 40)) * MINUTE + random.int(0, 59) * 1000;
  const knownRow = (key: string, early: boolean) => {
    const k = known.get(key)!;
    present.push({
      key,
      input: { personId: k.personId, name: k.name, sex: k.sex, ageGroup: ageGroupOf(k, year), disability: k.disability, organisationId: k.organisationId, role: k.role },
      arrivedAt: arrival(early),
      actor: k.actor,
    });
  };
  for (const key of ctx.delegateKeys) {
    if (spec.absent?.includes(key)) continue;
    const wanted = speakers.has(key) || spec.present?.includes(key);
    if (wanted || random.next() < (key.endsWith(".t") ? 0.7 : 0.4)) knownRow(key, !!wanted);
  }
  for (const key of [...spec.officials, ...[...speakers].filter((s) => known.get(s)?.role === "official" && !spec.officials.includes(s))]) knownRow(key, true);
  const walkIn = (key: string, input: Omit<AttendanceInput, "personId">, arrivedAt: number) => present.push({ key, input: { personId: null, ...input }, arrivedAt, actor: null });
  // The facilitator (an account, not a person of the register) is on the list first.
  walkIn("facilitator", { ...FACILITATOR, disability: false, organisationId: null, role: "facilitator" }, startsAt - 50 * MINUTE);
  if (spec.resource) walkIn("resource", { ...spec.resource, disability: false, organisationId: null, role: "resource_person" }, arrival(true));
  const taken = new Set(present.map((p) => p.input.name));
  for (let i = 0; i < spec.walkIns; i++) {
    // Drawn towards the programme's usual rooms: about half women, about a third young people.
    const shareOf = (test: (p: Present) => boolean) => present.filter(test).length / present.length;
    const towards = (target: number, share: number) => Math.min(0.85, Math.max(0.15, target + 2 * (target - share)));
    const sex: Sex = random.next() < towards(0.48, shareOf((p) => p.input.sex === "female")) ? "female" : "male";
    let name: string;
    do name = `${random.pick(FIRST_NAMES[sex])} ${random.pick(SURNAMES)}`;
    while (taken.has(name));
    taken.add(name);
    const young = random.next() < towards(0.3, shareOf((p) => isYoungGroup(p.input.ageGroup)));
    const ageGroup: AgeGroupId = young ? random.pick(["18_24", "25_35"] as const) : random.next() < 0.75 ? "36_59" : "60p";
    const organisationId = random.next() < 0.6 ? random.pick(ctx.memberOrgIds) : null;
    walkIn(`walk-in ${i}`, { name, sex, ageGroup, disability: random.next() < 0.05, organisationId, role: "observer" }, arrival(false));
  }
  // One to three people with a disability at every meeting, as the programme's lists show.
  const walkIns = present.filter((p) => p.key.startsWith("walk-in"));
  if (!present.some((p) => p.input.disability)) (walkIns.find((p) => p.input.ageGroup === "60p") ?? walkIns[0]!).input.disability = true;
  let over = present.filter((p) => p.input.disability).length - 3;
  for (const p of walkIns) {
    if (over <= 0) break;
    if (p.input.disability) {
      p.input.disability = false;
      over--;
    }
  }
  present.sort((a, b) => a.arrivedAt - b.arrivedAt);

  // The timeline: every command at its instant (whole seconds), applied in order.
  const events: { at: number; run: () => void; alone: boolean }[] = [];
  const at = (instant: number, run: () => void, alone = false) => events.push({ at: instant, run, alone });
  let meetingId = 0;
  let itemIds: number[] = [];
  const titles: string[] = [];
  const rowOf = (key: string) => present.find((p) => p.key === key)!;
  const turnOf = (attendanceId: number, state: TurnState) =>
    db.select({ id: speakingTurns.id }).from(speakingTurns).where(and(eq(speakingTurns.meetingId, meetingId), eq(speakingTurns.attendanceId, attendanceId), eq(speakingTurns.state, state))).orderBy(desc(speakingTurns.id)).get()!.id;
  const consoleAt = (instant: number, action: () => ConsoleAction) =>
    at(instant, () => {
      const a = action();
      must(runConsoleAction(deps, facilitator, meetingId, a, instant), `console ${JSON.stringify(a)} at ${new Date(instant).toISOString()}`);
    });

  for (const p of present) at(p.arrivedAt, () => (p.attendanceId = must(recordAttendance(deps, facilitator, meetingId, p.input, p.arrivedAt), `attendance of ${p.input.name}`).id));
  at(startedAt, () =>
    must(changeMeetingStatus(deps, facilitator, meetingId, "start", { now: startedAt, minutesTemplate: () => minutesText(spec, agenda, titles, present, ctx, startsAt, startedAt) }), "opening"),
  );
  if (spec.turnLimit) consoleAt(startedAt + 20_000, () => ({ type: "limit", seconds: spec.turnLimit! }));

  const spoken = new Map<string, number>();
  let from = startedAt;
  agenda.forEach((item, index) => {
    // The opening makes the first item current; the console moves to the others.
    if (index > 0) consoleAt(from, () => ({ type: "item", itemId: itemIds[index]! }));
    if (item.kind === "minutes_approval") {
      const approvedAt = from + random.int(3, 6) * MINUTE;
      at(approvedAt, () => must(approveMinutes(deps, facilitator, previous!.id, { now: approvedAt, inMeetingId: meetingId }), "approval of the minutes"));
    }
    // The named speakers in order, with the drawn ones slipped in between.
    const slots: (string | null)[] = [...(item.speakers ?? [])];
    for (let i = 0; i < (item.extra ?? 0); i++) slots.splice(random.int(0, slots.length), 0, null);
    let cursor = from + random.int(60, 150) * 1000;
    let lastAsk = from;
    const onItem = new Set<string>(item.speakers);
    let last: string | null = null;
    for (const slot of slots) {
      const key: string | null = slot ?? drawSpeaker(random, present, cursor - 2 * MINUTE, onItem, spoken, last, spec.kind === "feedback_session");
      if (!key) continue;
      const row = rowOf(key);
      const long = row.input.role === "official" || row.input.role === "resource_person";
      const seconds = long ? random.int(200, 420) : row.key.startsWith("walk-in") ? random.int(40, 120) : random.int(60, 200);
      // The demo delegate and CASEC member ask from their phones and the facilitator accepts;
      // the others are put on the list by the facilitator.
      const ask = Math.max(from + 5_000, lastAsk + 1_000, cursor - (row.actor ? 90_000 : 20_000));
      lastAsk = ask;
      if (row.actor) {
        at(ask, () => must(runDelegateAction(deps, row.actor, meetingId, { type: "request" }, ask), "request to speak"));
        consoleAt(ask + 10_000, () => ({ type: "accept", turnId: turnOf(row.attendanceId!, "requested") }));
      } else {
        consoleAt(ask, () => ({ type: "add", attendanceId: row.attendanceId! }));
      }
      const start = Math.max(cursor, ask + 20_000);
      const end = start + seconds * 1000;
      consoleAt(start, () => ({ type: "start", turnId: turnOf(row.attendanceId!, "queued") }));
      consoleAt(end, () => ({ type: "stop" }));
      cursor = end + random.int(10, 45) * 1000;
      onItem.add(key);
      spoken.set(key, (spoken.get(key) ?? 0) + 1);
      last = key;
    }
    cursor = scheduleDecision(ctx, item, at, () => meetingId, cursor, year);
    const planned = from + Math.round(item.minutes * 60 * (0.8 + random.next() * 0.4)) * 1000;
    from = Math.max(planned, cursor + MINUTE);
  });
  const closedAt = from + random.int(2, 6) * MINUTE;
  at(closedAt, () => must(changeMeetingStatus(deps, facilitator, meetingId, "close", { now: closedAt }), "closing"));

  // Stable: what happens at the same second happens in the order it was written.
  const ordered = events.map((e, i) => ({ ...e, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  let k = 0;
  const runUntilAlone = () => {
    while (k < ordered.length && !ordered[k]!.alone) ordered[k++]!.run();
  };
  db.transaction(() => {
    const input = {
      kind: spec.kind,
      title: spec.title,
      startsAt,
      endsAt: startsAt + 3 * 3600_000,
      place: spec.place,
      published: true,
      facilitatorIds: [facilitator.userId],
      authorityIds: spec.authorities.map((k) => ctx.authorityIds.get(k)!),
    };
    meetingId = must(planMeeting(db, facilitator, ctx.spaceId, input, plannedAt), "meeting").id;
    itemIds = planAgenda(ctx, meetingId, agenda, plannedAt);
    // A motion's item is titled by its admission (its number and title).
    for (const id of itemIds) titles.push(db.select({ title: agendaItems.title }).from(agendaItems).where(eq(agendaItems.id, id)).get()!.title);
    runUntilAlone();
  });
  while (k < ordered.length) {
    ordered[k++]!.run();
    db.transaction(runUntilAlone);
  }
  ctx.meetingIds.set(spec.key, meetingId);
  return meetingId;
}

/**
 * Who takes a drawn turn: someone already there, not the last speaker, not twice on an item,
 * at most twice a meeting; women and men alike, delegates more than anyone (officials too, at
 * a session where they answer).
 */
function drawSpeaker(random: ReturnType<typeof generator>, present: Present[], before: number, onItem: Set<string>, spoken: Map<string, number>, last: string | null, officialsAnswer: boolean): string | null {
  const sex: Sex = random.next() < 0.5 ? "female" : "male";
  const weight = (p: Present) => (p.input.role === "delegate" ? 3 : p.input.role === "official" ? (officialsAnswer ? 2 : 0.3) : p.input.organisationId !== null ? 1 : 0.6);
  const eligible = present.filter(
    (p) => p.arrivedAt < before && p.key !== last && !onItem.has(p.key) && (spoken.get(p.key) ?? 0) < 2 && (p.input.role === "delegate" || p.input.role === "official" || p.input.role === "observer"),
  );
  const ofSex = eligible.filter((p) => p.input.sex === sex);
  const pool = ofSex.length > 0 ? ofSex : eligible;
  if (pool.length === 0) return null;
  return random.weighted(pool.map((p) => [p.key, weight(p)] as const));
}

/** The minutes as the facilitators wrote them, in the template's shape, with the meeting's figures. */
function minutesText(spec: MeetingSpec, agenda: ItemSpec[], titles: readonly string[], present: Present[], ctx: Context, startsAt: number, startedAt: number): string {
  const women = present.filter((p) => p.input.sex === "female").length;
  const young = present.filter((p) => isYoungGroup(p.input.ageGroup)).length;
  const orgs = new Set(present.map((p) => p.input.organisationId).filter((id): id is number => id !== null && ctx.memberOrgIds.includes(id))).size;
  const officials = present.filter((p) => p.input.role === "official").length;
  const when = `${formatDateTime(startsAt, "fr")} / ${formatDateTime(startsAt, "ht")}`;
  const lines = [
    `# ${spec.title}`,
    "",
    `${when} · ${spec.place}`,
    "",
    "## Présences / Prezans",
    "",
    `${present.length} personnes présentes, dont ${women} femmes et ${young} jeunes de 18 à 35 ans ; ${orgs} organisations membres sur ${ctx.memberOrgIds.length} représentées${officials > 0 ? ` ; ${officials} élu·e·s` : ""}. (Voir la liste de présence jointe.)`,
    "",
  ];
  agenda.forEach((item, index) => lines.push(`## ${index + 1}. ${titles[index]}`, "", item.notes.replace("{startTime}", formatTime(startedAt, "fr")), ""));
  lines.push("## Décisions et suites / Desizyon ak swit", "", ...spec.decisions.map((d) => `- ${d}`), "");
  return lines.join("\n");
}
