/**
 * The commitments of the demo year (`demo-year.ts`): what the CASEC, the ASEC and the
 * municipal council of Limonade promised Makòn Limonade (and the CASEC of Roucou, Makòn
 * Roucou), mostly in the year's meetings and in answer to its motions, and what became of it —
 * one in every state: pledged, in progress (overdue, without news), claimed done and waiting
 * for the people, verified by the people or by a meeting after a dispute, disputed, partly
 * done, not done, abandoned, rescheduled. The officials post their news from their phones
 * with photos, a quote in PDF and a link; delegates confirm or dispute for their organisation.
 *
 * The story follows the year's minutes (the fountains of Roucou and Camp-Coq, the spring of
 * Bord-de-Mer, the fords of Bois de Lance, the artisans' place at the market); the people are
 * the demo's, fictitious, and so is everything they promised. Every step goes through the
 * app's commands at the instant it happened; the photos and the quote are drawn here, in code.
 */
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { meetings, officials, people } from "../schema/index";
import type { Actor, Role } from "../../app/modules/auth/roles";
import type { MeetingDecision } from "../../app/modules/commitments/commitments.schemas";
import { answerClaim, decideInMeeting, postProgress, recordCommitment } from "../../app/modules/commitments/commitments.server";
import { localDate } from "../../app/modules/dates";
import type { Deps } from "../../app/modules/deps.server";
import { storeEvidence, type StoredEvidence } from "../../app/modules/evidence/evidence-files.server";
import type { Locale } from "../../app/modules/i18n/locales";
import { fromLocalDateTime, toLocalDateTime } from "../../app/modules/meetings/times";
import type { MotionTheme } from "../../app/modules/motions/themes";
import { AGE_KEYS, SEX_KEYS, type AgeKey, type SexKey } from "../../app/modules/people/disaggregation";
import type { AuthorityKey, Known, MeetingKey } from "./demo-year";

/** What the year hands over: its spaces, register, motions and meetings. */
export interface DemoYearHandles {
  deps: Deps;
  spaceIds: { limonade: number; roucou: number };
  /** The facilitator of both spaces. */
  facilitator: Actor;
  known: ReadonlyMap<string, Known>;
  authorityIds: ReadonlyMap<AuthorityKey, number>;
  motionIds: ReadonlyMap<string, number>;
  meetingIds: ReadonlyMap<MeetingKey, number>;
  /** A phone account for a person of Makòn Limonade's register, that no password opens. */
  phoneAccount: (personId: number, person: { name: string; language: Locale }, phone: string, at: number, role: Role) => Actor;
}

const MINUTE = 60_000;

/**
 * When something happened: in a meeting (written down by the facilitator just after it
 * closed), or on a day counted from a meeting's (negative: before it) or from today, at a time of day.
 */
type InMeeting = { meeting: MeetingKey };
type When = InMeeting | { meeting: MeetingKey; days: number; time: string } | { daysAgo: number; time: string };

type Scene = "fountain-works" | "fountain-flowing" | "pipes" | "fence" | "basin" | "market" | "konbit" | "station";
interface Photo {
  scene: Scene;
  caption: string;
  /** Taken from the other side (two photos of one scene differ). */
  mirrored?: boolean;
}

type Step =
  /** The authority's news (or the facilitator's, `by: "facilitator"`, for the meeting). */
  | { at: When; by: string; move: "update" | "claim" | "abandon"; note: string; percent?: number; link?: string; photos?: Photo[]; quote?: boolean }
  /** A delegate's answer for her or his organisation. */
  | { at: When; by: string; answer: "confirm" | "dispute"; comment: string }
  /** What a meeting decided, recorded by the facilitator. */
  | { at: InMeeting; decision: MeetingDecision["decision"]; note: string; dueIn?: number };

interface CommitmentSpec {
  /** Makòn Limonade's unless said. */
  space?: "roucou";
  /** Made in this meeting, recorded by the facilitator just after; else recorded by the official at `recordedAt`. */
  meeting?: MeetingKey;
  recordedAt?: When;
  authority: AuthorityKey;
  /** The official who answers for it (a key of the register), or null and an office. */
  official: string | null;
  office?: string;
  title: string;
  text: string;
  theme: MotionTheme;
  motion?: string;
  section?: string;
  /** The due date, in days from today (negative: past). */
  dueIn: number;
  budgetHtg?: number;
  beneficiaries?: number;
  beneficiariesNote?: string;
  breakdown?: Partial<Record<SexKey, Partial<Record<AgeKey, number>>>>;
  internal?: boolean;
  steps: Step[];
}

/** The officials who post news from their phones (Wilner Saint-Fleur's account is the demo's). */
const OFFICIAL_PHONES: Record<string, string> = {
  "mairie.maire": "+50937300001",
  "mairie.adjoint": "+50937300002",
  "mairie.adjointe": "+50937300003",
  "casec2.lucner": "+50937300004",
  "casec3.president": "+50937300005",
  "casec3.marlene": "+50937300006",
  "asec1.president": "+50937300007",
};

export const COMMITMENTS: CommitmentSpec[] = [
  {
    meeting: "forum",
    authority: "mairie",
    official: "mairie.maire",
    title: "Réparer la fontaine du bourg de Roucou",
    text: "La mairie achète la vanne et les tuyaux à remplacer et fait réparer la fontaine du bourg de Roucou par un plombier, avant la saison sèche (amendement A1 de la proposition sur le captage).",
    theme: "water",
    motion: "captage",
    section: "HT0313-03",
    dueIn: -200,
    budgetHtg: 85_000,
    beneficiaries: 1_200,
    beneficiariesNote: "habitants du bourg de Roucou",
    steps: [
      { at: { meeting: "forum", days: 40, time: "10:30" }, by: "mairie.maire", move: "update", percent: 30, note: "La vanne et 30 mètres de tuyau ont été achetés au Cap-Haïtien (le reçu est à la mairie). Le plombier commence la semaine prochaine." },
      {
        at: { meeting: "forum", days: 55, time: "16:10" },
        by: "mairie.maire",
        move: "update",
        percent: 75,
        note: "Travaux en cours : la nouvelle vanne est posée, le tuyau entre le réservoir et la fontaine est en train d'être remplacé.",
        photos: [{ scene: "fountain-works", caption: "Fontaine du bourg de Roucou — travaux" }],
      },
      {
        at: { meeting: "redevabilite", days: -20, time: "11:00" },
        by: "mairie.maire",
        move: "claim",
        note: "La fontaine du bourg de Roucou coule de nouveau, matin et soir. Nous demandons aux organisations de la section de le confirmer.",
        photos: [{ scene: "fountain-flowing", caption: "Fontaine du bourg de Roucou — dlo ap koule" }],
      },
      { at: { meeting: "redevabilite", days: -18, time: "07:40" }, by: "fanmvanyan.t", answer: "confirm", comment: "Nou pase wè l maten an: dlo a koule byen. Fanm yo pa bezwen mache lwen ankò pou y al chache dlo." },
      { at: { meeting: "redevabilite", days: -17, time: "18:05" }, by: "kankok.t", answer: "confirm", comment: "Se vre, fontèn nan bay dlo chak jou. Komite dlo a ap veye l." },
    ],
  },
  {
    meeting: "forum",
    authority: "casec3",
    official: "casec3.president",
    title: "Réparer les deux fontaines en panne de Camp-Coq",
    text: "Le CASEC de la 3e section remplace les tuyaux cassés et les robinets des deux fontaines de Camp-Coq, avec la main-d'œuvre des usagers.",
    theme: "water",
    motion: "captage",
    section: "HT0313-03",
    dueIn: -175,
    budgetHtg: 40_000,
    beneficiaries: 650,
    beneficiariesNote: "habitants de Camp-Coq (environ 110 familles)",
    steps: [
      {
        at: { meeting: "forum", days: 70, time: "09:15" },
        by: "casec3.president",
        move: "update",
        percent: 50,
        note: "Nou chanje 60 mèt tiyo ki te kase ant rezèvwa a ak de fontèn yo. Rete robinè yo pou nou poze.",
        photos: [{ scene: "pipes", caption: "Fontèn Kan Kòk — tiyo nèf" }],
      },
      {
        at: { meeting: "redevabilite", days: -12, time: "14:00" },
        by: "casec3.president",
        move: "claim",
        note: "De fontèn Kan Kòk yo bay dlo ankò. Tanpri, òganizasyon yo, konfime sa.",
        photos: [{ scene: "fountain-flowing", caption: "Fontèn Kan Kòk — travay la fini", mirrored: true }],
      },
      { at: { meeting: "redevabilite", days: -11, time: "08:30" }, by: "kankok.t", answer: "confirm", comment: "Wi, de fontèn yo bay dlo. Mèsi CASEC la." },
      {
        at: { meeting: "redevabilite", days: -10, time: "17:45" },
        by: "fanmvanyan.t",
        answer: "dispute",
        comment: "Fontèn anwo a bay dlo sèlman de jou pa semèn, epi robinè a ap koule lajounen kou lannwit: dlo a ap gaspiye.",
      },
      { at: { meeting: "redevabilite", days: -8, time: "10:00" }, by: "aflidepa.t", answer: "confirm", comment: "Nous sommes passées à Camp-Coq mardi : les deux fontaines coulaient." },
      { at: { meeting: "redevabilite", days: -6, time: "19:20" }, by: "jadl.t", answer: "confirm", comment: "Jèn JADL yo te pase samdi: toude fontèn yo t ap bay dlo." },
      {
        at: { meeting: "redevabilite" },
        decision: "verify",
        note: "Depuis la contestation de la MUSO Fanm vanyan, le CASEC a changé le robinet qui fuyait ; sa déléguée le confirme en séance. La séance constate que les deux fontaines fonctionnent.",
      },
    ],
  },
  {
    meeting: "route",
    authority: "casec2",
    official: "casec2.lucner",
    title: "Prêter les outils et offrir le repas du konbit de la route de Bois de Lance",
    text: "Le CASEC de la 2e section prête les pelles, pioches et brouettes pour une journée de travail communautaire sur la route agricole de Bois de Lance, et offre le repas des travailleurs.",
    theme: "roads",
    motion: "route",
    section: "HT0313-02",
    dueIn: -184,
    budgetHtg: 25_000,
    beneficiaries: 450,
    beneficiariesNote: "producteurs et marchandes de Bois de Lance",
    steps: [
      {
        at: { meeting: "route", days: 21, time: "16:30" },
        by: "casec2.lucner",
        move: "claim",
        note: "Konbit la fèt samdi: 40 moun te travay sou wout la. CASEC la te prete 15 pèl, 10 pikwa ak 4 bourèt.",
        photos: [{ scene: "konbit", caption: "Konbit wout Bwa Dlans" }],
      },
      { at: { meeting: "route", days: 23, time: "08:00" }, by: "menkontre.t", answer: "dispute", comment: "Zouti yo te la vre, men manje CASEC la te pwomèt la pa janm rive: se fanm MUSO yo ki te fè manje ak pwòp kòb yo." },
      { at: { meeting: "redevabilite" }, decision: "partly", note: "Les outils ont été prêtés et le konbit a eu lieu ; le repas promis n'a pas été fourni par le CASEC." },
    ],
  },
  {
    meeting: "redevabilite",
    authority: "mairie",
    official: "mairie.adjoint",
    title: "Réhabiliter le captage de la source de Bord-de-Mer de Limonade",
    text: "La mairie fait réhabiliter avec la DINEPA le bassin de captage de la source de Bord-de-Mer, remplace les tuyaux cassés jusqu'aux fontaines et pose des robinets aux quatre fontaines du quartier.",
    theme: "water",
    motion: "captage",
    section: "HT0313-01",
    dueIn: -62,
    budgetHtg: 1_450_000,
    beneficiaries: 3_800,
    beneficiariesNote: "habitants de Bord-de-Mer de Limonade",
    steps: [
      {
        at: { meeting: "redevabilite", days: 20, time: "10:00" },
        by: "mairie.adjoint",
        move: "update",
        percent: 10,
        note: "Le technicien de l'OREPA Nord (DINEPA) a visité le captage avec le comité de suivi. Emplacement du bassin sur la carte.",
        link: "https://www.openstreetmap.org/?mlat=19.7390&mlon=-72.1080#map=16/19.7390/-72.1080",
      },
      {
        at: { meeting: "redevabilite", days: 45, time: "15:30" },
        by: "mairie.adjoint",
        move: "update",
        percent: 25,
        note: "Devis reçu : 1 450 000 gourdes (joint). La mairie en paie un tiers ; le reste est demandé au FGDCT.",
        quote: true,
      },
      {
        at: { daysAgo: 45, time: "14:15" },
        by: "mairie.adjoint",
        move: "update",
        percent: 40,
        note: "Les tuyaux sont livrés au captage. Les travaux du bassin commencent dès que le FGDCT verse sa part.",
        photos: [{ scene: "pipes", caption: "Kaptaj Bòdmè — tiyo yo rive", mirrored: true }],
      },
    ],
  },
  {
    meeting: "redevabilite",
    authority: "mairie",
    official: "mairie.adjointe",
    title: "Un espace couvert pour les artisanes au marché de Limonade",
    text: "La mairie attribue aux artisanes inscrites auprès des organisations membres un espace couvert au marché de Limonade, gratuitement la première année, par tirage au sort en présence des organisations.",
    theme: "women_rights",
    motion: "marche",
    dueIn: -62,
    budgetHtg: 120_000,
    beneficiaries: 24,
    beneficiariesNote: "artisanes inscrites auprès d'AFLIDEPA et d'OFBL",
    steps: [
      { at: { meeting: "redevabilite", days: 50, time: "11:20" }, by: "mairie.adjointe", move: "update", percent: 40, note: "Le hangar est du marché est réservé aux artisanes. Sa toiture est à refaire : les tôles sont commandées." },
      {
        at: { daysAgo: 21, time: "10:05" },
        by: "mairie.adjointe",
        move: "claim",
        note: "L'espace couvert est prêt : 12 places sous le hangar est du marché, attribuées par tirage au sort à la mairie.",
        photos: [{ scene: "market", caption: "Marché de Limonade — espace des artisanes" }],
      },
      {
        at: { daysAgo: 17, time: "16:40" },
        by: "aflidepa.t",
        answer: "dispute",
        comment: "La moitié du hangar n'a toujours pas de tôles : six artisanes sur douze restent au soleil les jours de marché. Et le tirage au sort s'est fait sans les organisations, contrairement à ce qui était convenu.",
      },
      { at: { daysAgo: 15, time: "09:10" }, by: "ofbl.t", answer: "confirm", comment: "Nou wè plas yo: twa machann OFBL jwenn plas anba angar a." },
    ],
  },
  {
    meeting: "redevabilite",
    authority: "mairie",
    official: null,
    office: "Service technique de la mairie",
    title: "Empierrer les deux passages à gué de la route de Bois de Lance",
    text: "La mairie fait livrer le gravier et empierrer les deux passages à gué de la route agricole de Bois de Lance, impraticables après chaque pluie ; les organisations de la section fournissent la main-d'œuvre.",
    theme: "roads",
    motion: "route",
    section: "HT0313-02",
    dueIn: -52,
    budgetHtg: 350_000,
    beneficiaries: 450,
    beneficiariesNote: "producteurs et marchandes de Bois de Lance",
    steps: [
      {
        at: { meeting: "redevabilite", days: 60, time: "11:00" },
        by: "facilitator",
        move: "update",
        percent: 20,
        note: "Nouvelles du service technique de la mairie, par téléphone : le gravier est réservé à la carrière de Bois de Lance ; le camion n'est pas encore payé.",
      },
      {
        at: { meeting: "suivi" },
        decision: "reschedule",
        dueIn: 75,
        note: "Le budget communal n'est voté qu'en début d'année : la séance accepte un nouveau délai, le gravier devant être livré avant les pluies de printemps.",
      },
    ],
  },
  {
    meeting: "redevabilite",
    authority: "casec1",
    official: "casec1.wilner",
    title: "Présenter l'empierrement de la route de Bois de Lance au budget communal",
    text: "Le CASEC de la 1re section présente au conseil municipal, pour le budget communal, la demande de gravier pour les passages à gué de Bois de Lance.",
    theme: "roads",
    motion: "route",
    section: "HT0313-02",
    dueIn: -62,
    steps: [
      { at: { meeting: "suivi", days: 2, time: "18:00" }, by: "casec1.wilner", move: "claim", note: "L'empierrement des passages à gué de Bois de Lance figure au projet de budget communal (350 000 gourdes), affiché à la mairie." },
      { at: { meeting: "suivi", days: 5, time: "07:15" }, by: "gpta.t", answer: "confirm", comment: "Nou wè liy wout la nan pwojè bidjè ki afiche nan meri a." },
    ],
  },
  {
    meeting: "redevabilite",
    authority: "mairie",
    official: "mairie.adjointe",
    title: "Répondre par écrit aux lettres du Makòn dans le mois",
    text: "La mairie répond par écrit à chaque lettre du Makòn dans le mois qui suit sa réception.",
    theme: "other",
    dueIn: -122,
    steps: [{ at: { meeting: "suivi" }, decision: "not_done", note: "Aucune réponse écrite de la mairie en quatre mois, ni à la lettre du forum sur l'eau ni à celle de la séance de redevabilité." }],
  },
  {
    recordedAt: { daysAgo: 86, time: "09:30" },
    authority: "mairie",
    official: "mairie.maire",
    title: "Des emplois pour les jeunes et les femmes de Limonade sur le chantier du marché",
    text: "La mairie réserve aux jeunes de 18 à 35 ans et aux femmes de Limonade au moins la moitié des 30 emplois non qualifiés du chantier de réhabilitation du marché, et affiche les offres à la mairie une semaine avant l'embauche.",
    theme: "youth",
    motion: "emplois",
    dueIn: 120,
    budgetHtg: 2_100_000,
    beneficiaries: 30,
    beneficiariesNote: "emplois non qualifiés du chantier du marché",
    breakdown: { female: { "18_24": 4, "25_35": 5, "36_59": 3 }, male: { "18_24": 8, "25_35": 6, "36_59": 4 } },
    steps: [
      { at: { daysAgo: 80, time: "09:00" }, by: "mairie.maire", move: "update", percent: 20, note: "Les offres d'emploi du chantier sont affichées à la mairie et envoyées aux organisations membres, une semaine avant l'embauche." },
      { at: { daysAgo: 66, time: "17:00" }, by: "mairie.maire", move: "update", percent: 45, note: "Premières embauches : 14 des 22 ouvriers engagés sont des jeunes ou des femmes de la commune." },
    ],
  },
  {
    meeting: "muso",
    authority: "asec1",
    official: "asec1.president",
    title: "Prêter le local de l'ASEC à la MUSO des jeunes pour ses réunions",
    text: "L'ASEC de la 1re section prête son local chaque samedi matin à la MUSO que lancent JADL et MJBL.",
    theme: "youth",
    section: "HT0313-01",
    dueIn: 15,
    beneficiaries: 25,
    beneficiariesNote: "jeunes de la future MUSO de JADL et MJBL",
    steps: [
      {
        at: { daysAgo: 40, time: "10:00" },
        by: "asec1.president",
        move: "abandon",
        note: "Le toit du local de l'ASEC s'est effondré avec les dernières pluies ; le bâtiment est fermé et l'ASEC n'a pas de budget pour le réparer cette année. Nous demandons à la direction de l'école de Bord-de-Mer de prêter une salle le samedi.",
      },
    ],
  },
  {
    meeting: "suivi",
    authority: "casec1",
    official: "casec1.yolene",
    title: "Écrire aux trois écoles de Bord-de-Mer pour la campagne eau et hygiène",
    text: "Le CASEC de la 1re section écrit aux directions des trois écoles de Bord-de-Mer pour qu'elles reçoivent la campagne eau et hygiène d'OFBL et de MJBL, une heure par mois.",
    theme: "health",
    section: "HT0313-01",
    dueIn: 10,
    beneficiaries: 640,
    beneficiariesNote: "élèves des trois écoles de Bord-de-Mer",
    steps: [],
  },
  {
    meeting: "suivi",
    authority: "casec1",
    official: "casec1.wilner",
    title: "Patrouilles de nuit avec la police sur la route de Bord-de-Mer",
    text: "Après les vols de bétail signalés par APWOLIM, le CASEC de la 1re section organise avec le commissariat de Limonade des patrouilles de nuit sur la route de Bord-de-Mer. Le calendrier des patrouilles n'est pas rendu public.",
    theme: "security",
    section: "HT0313-01",
    dueIn: 30,
    internal: true,
    steps: [
      {
        at: { daysAgo: 20, time: "21:30" },
        by: "casec1.wilner",
        move: "update",
        percent: 30,
        note: "Deux patrouilles cette semaine, avec deux policiers et quatre membres du CASEC. Nouvelle rencontre au commissariat mardi pour le calendrier du mois.",
        photos: [{ scene: "station", caption: "Commissariat de Limonade — rencontre" }],
      },
    ],
  },
  {
    recordedAt: { daysAgo: 25, time: "11:45" },
    authority: "mairie",
    official: "mairie.adjoint",
    title: "Deux fontaines de plus à Bord-de-Mer, à l'école et au marché aux poissons",
    text: "Une fois le captage réhabilité, la mairie prolonge le réseau et pose deux fontaines de plus à Bord-de-Mer : devant l'école communautaire et au marché aux poissons.",
    theme: "water",
    motion: "captage",
    section: "HT0313-01",
    dueIn: 200,
    budgetHtg: 260_000,
    beneficiaries: 1_100,
    beneficiariesNote: "élèves de l'école communautaire, pêcheurs et marchandes",
    steps: [],
  },
  {
    space: "roucou",
    meeting: "roucou",
    authority: "casec3",
    official: "casec3.marlene",
    title: "Réparer et clôturer le captage de la source de Roucou",
    text: "Le CASEC de la 3e section fait boucher les fissures du bassin de captage de la source de Roucou et le clôture pour que les animaux n'y boivent plus ; le comité de gestion de l'eau en garde la clé.",
    theme: "water",
    motion: "roucou",
    section: "HT0313-03",
    dueIn: 32,
    budgetHtg: 65_000,
    beneficiaries: 900,
    beneficiariesNote: "usagers des fontaines du bourg de Roucou et de Camp-Coq",
    steps: [
      {
        at: { meeting: "roucou", days: 30, time: "08:00" },
        by: "casec3.marlene",
        move: "update",
        percent: 30,
        note: "Nou plante 24 poto pou kloti a. Komite jesyon dlo a bay sis moun pou travay la chak samdi.",
        photos: [{ scene: "fence", caption: "Sous Roucou — poto kloti yo" }],
      },
      {
        at: { meeting: "roucou", days: 95, time: "15:40" },
        by: "casec3.marlene",
        move: "update",
        percent: 65,
        note: "Mason an bouche fant ki te nan basen kaptaj la. Fil barbele a poko rive, se sa k fè nou poko fin kloti a.",
        photos: [
          { scene: "basin", caption: "Kaptaj sous Roucou — basen an" },
          { scene: "fence", caption: "Sous Roucou — kloti a", mirrored: true },
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------

const must = <T,>(result: { ok: true; value: T } | { ok: false; code: string }, what: string): T => {
  if (!result.ok) throw new Error(`demo commitments, ${what}: ${result.code}`);
  return result.value;
};

/** A calendar day `days` after another. */
const plusDays = (day: string, days: number) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
};

/** Plays the year's commitments, every step at its instant, in the order they happened. */
export async function seedDemoCommitments(year: DemoYearHandles, now: number, dataDir: string): Promise<void> {
  const { deps, known, facilitator } = year;
  const { db } = deps;
  const today = localDate(now);
  const meetingRow = (key: MeetingKey) => db.select({ startsAt: meetings.startsAt, closedAt: meetings.closedAt }).from(meetings).where(eq(meetings.id, year.meetingIds.get(key)!)).get()!;
  // What each meeting decided and promised is written down after it, a few minutes apart, in the order given.
  const written = new Map<MeetingKey, number>();
  const instant = (when: When): number => {
    if ("daysAgo" in when) return fromLocalDateTime(`${plusDays(today, -when.daysAgo)}T${when.time}`);
    const m = meetingRow(when.meeting);
    if ("days" in when) return fromLocalDateTime(`${plusDays(localDate(m.startsAt), when.days)}T${when.time}`);
    const n = written.get(when.meeting) ?? 0;
    written.set(when.meeting, n + 1);
    return m.closedAt! + (10 + 3 * n) * MINUTE;
  };

  // The officials' phones, opened some days before the forum on water, where the year's first promises were made.
  const opened = fromLocalDateTime(`${plusDays(localDate(meetingRow("forum").startsAt), -6)}T15:00`);
  const actors = new Map<string, Actor>([["facilitator", facilitator]]);
  for (const [i, [key, phone]] of Object.entries(OFFICIAL_PHONES).entries()) {
    const k = known.get(key)!;
    const language = db.select({ language: people.preferredLanguage }).from(people).where(eq(people.id, k.personId)).get()!.language ?? "fr";
    actors.set(key, year.phoneAccount(k.personId, { name: k.name, language }, phone, opened + i * MINUTE, "official"));
  }
  const actorOf = (key: string): Actor => {
    const actor = actors.get(key) ?? known.get(key)?.actor ?? known.get(key)?.phone;
    if (!actor) throw new Error(`demo commitments: ${key} has no account`);
    return actor;
  };

  const events: { at: number; what: string; run: () => void }[] = [];
  const ids: number[] = [];
  const drawn: Promise<void>[] = [];
  const evidenceOf = new Map<Step, StoredEvidence[]>();
  for (const [index, c] of COMMITMENTS.entries()) {
    const spaceId = c.space === "roucou" ? year.spaceIds.roucou : year.spaceIds.limonade;
    const by = c.meeting ? facilitator : actorOf(c.official!);
    const recordedAt = instant(c.meeting ? { meeting: c.meeting } : c.recordedAt!);
    const authorityId = year.authorityIds.get(c.authority)!;
    const officialId =
      c.official === null ? null : db.select({ id: officials.id }).from(officials).where(and(eq(officials.personId, known.get(c.official)!.personId), eq(officials.authorityId, authorityId))).get()!.id;
    const dueDate = plusDays(today, c.dueIn);
    events.push({
      at: recordedAt,
      what: c.title,
      run: () => {
        const input = {
          authorityId,
          officialId,
          office: c.office ?? "",
          title: c.title,
          text: c.text,
          theme: c.theme,
          motionId: c.motion ? year.motionIds.get(c.motion)! : null,
          meetingId: c.meeting ? year.meetingIds.get(c.meeting)! : null,
          sectionCode: c.section ?? null,
          dueDate,
          budgetHtg: c.budgetHtg ?? null,
          beneficiaries: c.beneficiaries ?? null,
          beneficiariesNote: c.beneficiariesNote ?? "",
          breakdown: c.breakdown ? breakdownOf(c.breakdown) : null,
          isPublic: !c.internal,
        };
        ids[index] = must(recordCommitment(deps, by, spaceId, input, recordedAt), `recording "${c.title}"`).id;
      },
    });
    for (const [k, step] of c.steps.entries()) {
      const at = instant(step.at);
      const what = `"${c.title}", step ${k + 1}`;
      if ("decision" in step) {
        const input = { decision: step.decision, note: step.note, dueDate: step.dueIn === undefined ? undefined : plusDays(today, step.dueIn), meetingId: year.meetingIds.get(step.at.meeting)! };
        events.push({ at, what, run: () => void must(decideInMeeting(deps, facilitator, ids[index]!, input, at), what) });
      } else if ("answer" in step) {
        const delegate = known.get(step.by)!;
        const input = { organisationId: delegate.organisationId!, answer: step.answer, comment: step.comment };
        events.push({ at, what, run: () => void must(answerClaim(deps, actorOf(step.by), ids[index]!, input, at), what) });
      } else {
        // Photos taken some minutes before they are sent, each a little apart.
        const files = [...(step.photos ?? []).map((photo, p) => photoFile(photo, at - (p + 1) * 431_000 - photo.caption.length * 1000)), ...(step.quote ? [quoteFile(at)] : [])];
        drawn.push(Promise.all(files.map(async (file) => stored(await file, dataDir, what))).then((kept) => void evidenceOf.set(step, kept)));
        const input = { move: step.move, note: step.note, percent: step.percent, link: step.link };
        events.push({ at, what, run: () => void must(postProgress(deps, actorOf(step.by), ids[index]!, input, evidenceOf.get(step)!, at), what) });
      }
    }
  }
  for (const e of events) if (e.at >= now) throw new Error(`demo commitments, ${e.what}: not in the past`);
  // The files first, drawn and stored all at once (most of this seed's time), as the upload
  // route stores them before its command; then every step in order. Stable: what happens at
  // the same instant happens in the order it was written.
  await Promise.all(drawn);
  for (const e of events.map((e, i) => ({ ...e, i })).sort((a, b) => a.at - b.at || a.i - b.i)) e.run();
}

/** Every cell of a breakdown, as the recording form sends it: those not given are 0. */
function breakdownOf(cells: NonNullable<CommitmentSpec["breakdown"]>): Record<SexKey, Record<AgeKey, number>> {
  return Object.fromEntries(SEX_KEYS.map((sex) => [sex, Object.fromEntries(AGE_KEYS.map((age) => [age, cells[sex]?.[age] ?? 0]))])) as Record<SexKey, Record<AgeKey, number>>;
}

async function stored(file: File, dataDir: string, what: string): Promise<StoredEvidence> {
  return must(await storeEvidence(file, dataDir), `evidence of ${what}`);
}

// ---------------------------------------------------------------------------------------------
// The photos: drawings of what a phone would have shown, a few kilobytes each.

const W = 640;
const H = 480;
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const tree = (x: number, y: number, r: number) => `<rect x="${x - 4}" y="${y}" width="8" height="${r * 1.6}" fill="#6b4a2b"/><circle cx="${x}" cy="${y}" r="${r}" fill="#4f8a3c"/><circle cx="${x + r * 0.6}" cy="${y + 6}" r="${r * 0.7}" fill="#5d9a45"/>`;
const person = (x: number, y: number, shirt: string, scale = 1) =>
  `<g transform="translate(${x} ${y}) scale(${scale})"><circle cx="0" cy="-62" r="11" fill="#5a3a24"/><rect x="-13" y="-50" width="26" height="36" rx="8" fill="${shirt}"/><rect x="-11" y="-16" width="9" height="34" fill="#3b3f4a"/><rect x="2" y="-16" width="9" height="34" fill="#3b3f4a"/></g>`;
const bucket = (x: number, y: number, color: string) => `<path d="M${x} ${y} l6 34 h24 l6 -34 z" fill="${color}"/><ellipse cx="${x + 18}" cy="${y}" rx="18" ry="5" fill="#00000030"/>`;
const fountain = (water: boolean) =>
  `<rect x="250" y="215" width="120" height="125" fill="#c9c4bb"/><rect x="250" y="215" width="120" height="12" fill="#b3ada3"/>` +
  `<rect x="300" y="262" width="46" height="9" fill="#8d99a6"/><rect x="340" y="262" width="8" height="22" fill="#8d99a6"/>` +
  (water ? `<rect x="341" y="284" width="6" height="40" fill="#6fb7e6" opacity="0.85"/><ellipse cx="344" cy="338" rx="22" ry="6" fill="#6fb7e6" opacity="0.6"/>` : "");

const SCENES: Record<Scene, { ground: string; draw: string }> = {
  "fountain-works": {
    ground: "#a9825a",
    draw:
      tree(90, 190, 34) +
      fountain(false) +
      `<path d="M370 330 L600 350 L600 372 L372 346 z" fill="#6e5034"/><rect x="390" y="338" width="200" height="8" fill="#f2f2ee" transform="rotate(5 390 338)"/>` +
      `<line x1="150" y1="400" x2="205" y2="320" stroke="#6b4a2b" stroke-width="6"/><path d="M186 318 q22 -10 40 6" stroke="#5c6670" stroke-width="8" fill="none"/>` +
      person(470, 330, "#2f6fab") +
      bucket(180, 330, "#e2b53b"),
  },
  "fountain-flowing": {
    ground: "#b38c62",
    draw: tree(100, 185, 38) + tree(560, 200, 30) + fountain(true) + bucket(326, 300, "#e2b53b") + bucket(395, 318, "#d9534f") + bucket(440, 318, "#3f8fd2") + person(200, 350, "#c0467a") + person(520, 356, "#e58b2f", 0.9),
  },
  pipes: {
    ground: "#9f7b55",
    draw:
      tree(560, 180, 36) +
      [0, 1, 2, 3, 4]
        .map((i) => `<rect x="${90 + i * 6}" y="${330 - i * 16}" width="380" height="15" rx="7" fill="${i % 2 ? "#e9e9e4" : "#d9d9d2"}"/><circle cx="${470 + i * 6}" cy="${337 - i * 16}" r="7" fill="#8e8e88"/>`)
        .join("") +
      `<path d="M500 380 h80 l-10 26 h-60 z" fill="#4d7c9c"/><circle cx="520" cy="412" r="9" fill="#333"/><line x1="580" y1="380" x2="620" y2="360" stroke="#555" stroke-width="5"/>`,
  },
  fence: {
    ground: "#7ea35c",
    draw:
      tree(80, 170, 40) +
      tree(520, 160, 44) +
      `<rect x="240" y="250" width="160" height="70" fill="#bdb7ad"/><rect x="240" y="250" width="160" height="10" fill="#a8a298"/>` +
      [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => `<rect x="${60 + i * 64}" y="275" width="10" height="95" fill="#7a5431"/>`).join("") +
      [295, 320, 345].map((y) => `<line x1="60" y1="${y}" x2="582" y2="${y}" stroke="#8d8d8d" stroke-width="2"/>`).join(""),
  },
  basin: {
    ground: "#7ea35c",
    draw:
      tree(110, 175, 42) +
      `<rect x="170" y="230" width="300" height="120" fill="#c4beb3"/><rect x="170" y="230" width="300" height="14" fill="#aea89d"/>` +
      `<path d="M250 250 l18 30 l-10 24 l16 34" stroke="#ece8df" stroke-width="7" fill="none"/><path d="M380 248 l-12 40 l14 52" stroke="#ece8df" stroke-width="6" fill="none"/>` +
      `<path d="M470 330 q40 10 120 40" stroke="#6fb7e6" stroke-width="10" fill="none" opacity="0.8"/>` +
      `<path d="M120 372 l40 -14 l10 10 l-38 16 z" fill="#9aa3ab"/>`,
  },
  market: {
    ground: "#b79a74",
    draw:
      [0, 1, 2, 3, 4, 5].map((i) => `<rect x="${70 + i * 100}" y="170" width="9" height="190" fill="#6b4a2b"/>`).join("") +
      `<polyline points="${Array.from({ length: 21 }, (_, i) => `${60 + i * 13},${i % 2 ? 160 : 150}`).join(" ")}" fill="none" stroke="#9aa7b0" stroke-width="16"/>` +
      [0, 1, 2, 3, 4].map((i) => `<rect x="${85 + i * 100}" y="300" width="80" height="12" fill="#8a5a33"/><ellipse cx="${105 + i * 100}" cy="296" rx="14" ry="8" fill="${["#d1a54a", "#b0463a", "#4f8a3c", "#d8783a", "#7a4f9a"][i]}"/>`).join("") +
      person(150, 372, "#c0467a", 0.85) +
      person(360, 372, "#2f6fab", 0.85) +
      person(540, 372, "#e2b53b", 0.85),
  },
  konbit: {
    ground: "#8fae62",
    draw:
      `<path d="M250 300 L390 300 L620 480 L20 480 z" fill="#a47f57"/>` +
      `<path d="M430 420 q60 -70 130 0 z" fill="#9b9a94"/>` +
      tree(80, 200, 40) +
      tree(570, 190, 36) +
      person(200, 400, "#2f6fab") +
      `<line x1="222" y1="350" x2="250" y2="420" stroke="#6b4a2b" stroke-width="5"/>` +
      person(300, 380, "#e58b2f", 0.9) +
      `<line x1="318" y1="330" x2="340" y2="396" stroke="#6b4a2b" stroke-width="5"/>` +
      person(380, 360, "#c0467a", 0.8) +
      `<path d="M110 420 h70 l-10 24 h-50 z" fill="#4d7c9c"/><circle cx="128" cy="450" r="8" fill="#333"/>`,
  },
  station: {
    ground: "#a5a29a",
    draw:
      `<rect x="150" y="170" width="340" height="190" fill="#e8e2d2"/><rect x="150" y="160" width="340" height="16" fill="#7a8a99"/>` +
      `<rect x="290" y="270" width="60" height="90" fill="#4a5a6a"/>` +
      [172, 224, 400, 452].map((x) => `<rect x="${x}" y="215" width="38" height="40" fill="#6d8fa8"/>`).join("") +
      `<rect x="230" y="182" width="180" height="26" fill="#1f3b73"/><text x="320" y="200" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="14" fill="#ffffff">POLICE NATIONALE</text>` +
      `<line x1="520" y1="120" x2="520" y2="360" stroke="#777" stroke-width="4"/><rect x="522" y="120" width="54" height="16" fill="#1f3b9a"/><rect x="522" y="136" width="54" height="16" fill="#c8202f"/>` +
      person(240, 400, "#2f6fab") +
      person(420, 400, "#33454f"),
  },
};

/** A photo as a phone sends it: a JPEG named by the instant it was taken. */
async function photoFile(photo: Photo, takenAt: number): Promise<File> {
  const scene = SCENES[photo.scene];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9fd0ee"/><stop offset="1" stop-color="#e6f3f9"/></linearGradient></defs>` +
    `<rect width="${W}" height="260" fill="url(#sky)"/><path d="M0 250 L120 200 L240 236 L380 190 L520 230 L640 205 L640 262 L0 262 z" fill="#7d9a86"/>` +
    `<rect y="258" width="${W}" height="${H - 258}" fill="${scene.ground}"/>` +
    (photo.mirrored ? `<g transform="translate(${W} 0) scale(-1 1)">${scene.draw}</g>` : scene.draw) +
    `<rect y="${H - 40}" width="${W}" height="40" fill="#000000" opacity="0.55"/>` +
    `<text x="14" y="${H - 14}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="19" fill="#ffffff">${escapeXml(photo.caption)}</text>` +
    `</svg>`;
  const jpeg = await sharp({ create: { width: W, height: H, channels: 3, background: "#ffffff" } })
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 82 })
    .toBuffer();
  const seconds = String(Math.floor(takenAt / 1000) % 60).padStart(2, "0");
  const stamp = toLocalDateTime(takenAt).replace(/[-:]/g, "").replace("T", "_");
  return new File([new Uint8Array(jpeg)], `IMG_${stamp}${seconds}.jpg`, { type: "image/jpeg" });
}

// ---------------------------------------------------------------------------------------------
// The quote: a one-page PDF, written by hand.

/** WinAnsi bytes of a line (the standard fonts' encoding): Latin-1, and the dashes and ligature French uses. */
const winAnsi = (text: string) =>
  Buffer.from(
    [...text].map((c) => ({ "—": 0x97, "–": 0x96, "œ": 0x9c, "’": 0x92 })[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)),
  )
    .toString("latin1")
    .replace(/[\\()]/g, (c) => `\\${c}`);

/** The quote for the spring of Bord-de-Mer: one A4 page, Helvetica, every byte accounted for in its cross-reference table. */
function quoteFile(at: number): File {
  const year = localDate(at).slice(0, 4);
  const lines: [number, string, string][] = [
    [18, "B", "HYDRO-NORD S.A."],
    [10, "R", "Travaux d’adduction d’eau — Rue 15, Cap-Haïtien"],
    [15, "B", `DEVIS N° ${year}-041`],
    [11, "R", `Date : ${localDate(at).split("-").reverse().join("/")}`],
    [11, "R", "Client : Mairie de Limonade"],
    [11, "R", "Objet : réhabilitation du captage de la source de Bord-de-Mer de Limonade"],
    [11, "R", ""],
    [11, "R", "1. Bassin de captage : maçonnerie et étanchéité ............ 420 000 HTG"],
    [11, "R", "2. Tuyaux PVC 2 pouces (1 200 m) et raccords ............... 610 000 HTG"],
    [11, "R", "3. Robinets et remise en état de quatre fontaines ............ 180 000 HTG"],
    [11, "R", "4. Main-d’œuvre qualifiée (10 semaines) .................... 240 000 HTG"],
    [11, "R", ""],
    [12, "B", "TOTAL ............................................... 1 450 000 HTG"],
    [11, "R", ""],
    [10, "R", "Validité : 60 jours. Délai d’exécution : 10 semaines après le premier versement."],
  ];
  let y = 780;
  const text = lines
    .map(([size, font, line]) => {
      const out = line ? `BT /F${font === "B" ? 2 : 1} ${size} Tf 56 ${y} Td (${winAnsi(line)}) Tj ET` : "";
      y -= size + 9;
      return out;
    })
    .filter(Boolean)
    .join("\n");
  const content = Buffer.from(text, "latin1");
  const font = (name: string) => `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    font("Helvetica"),
    font("Helvetica-Bold"),
    `<< /Length ${content.length} >>\nstream\n${content.toString("latin1")}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(pdf, "latin1");
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new File([new Uint8Array(Buffer.from(pdf, "latin1"))], "Devis_captage_Bord-de-Mer.pdf", { type: "application/pdf" });
}
