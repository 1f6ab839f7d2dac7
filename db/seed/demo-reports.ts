/**
 * The reports of the demo year (`demo-year.ts`), written by Makòn Limonade's facilitator in the
 * last days: the annual report in French, published, then taken up again for a correction and
 * published as version 2; and a capitalisation sheet in Kreyòl on how the people verify what
 * the authorities promised, published once.
 *
 * They tell the year's story (the forum on water, the fountains of Roucou and Camp-Coq, the
 * spring of Bord-de-Mer, the fords of Bois de Lance, the artisans' place at the market) and
 * comment on the figures their drafts show, read from those figures as the public gets them so
 * the text never says more than the tables. The testimonies are of a delegate and an official
 * of the register who agreed to be named; the people are fictitious. Every step goes through
 * the app's commands at its instant; the sections are typed into their shared documents as the
 * server stores them, around the figures `createReport` placed.
 */
import { and, asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Db } from "../client";
import { meetings, reports } from "../schema/index";
import type { Actor } from "../../app/modules/auth/roles";
import { localDate } from "../../app/modules/dates";
import type { Deps } from "../../app/modules/deps.server";
import { formatDay, formatNumber } from "../../app/modules/i18n/format";
import type { MessageKey } from "../../app/modules/i18n/translate";
import { fromLocalDateTime } from "../../app/modules/meetings/times";
import { documentName } from "../../app/modules/realtime/document-names";
import type { RealtimePort } from "../../app/modules/realtime/port";
import type { Cell, FigureId } from "../../app/modules/reports/figure-types";
import { SECTION_ROOT, sectionRef, TEMPLATE_SECTIONS, type ReportDocument, type SectionKey } from "../../app/modules/reports/report-document";
import { periodOf, type PeriodChoice } from "../../app/modules/reports/report-rules";
import { createReport, draftDocument, periodLabel, publishReport, reopenReport, updateReportDetails } from "../../app/modules/reports/reports.server";
import { DocumentStore } from "../../server/realtime/persistence";

const MINUTE = 60_000;

type PeriodicSection = (typeof TEMPLATE_SECTIONS)["periodic"][number];
type SheetSection = (typeof TEMPLATE_SECTIONS)["sheet"][number];

const must = <T,>(result: { ok: true; value: T } | { ok: false; code: string }, what: string): T => {
  if (!result.ok) throw new Error(`demo reports, ${what}: ${result.code}`);
  return result.value;
};

/** A calendar day `days` after another. */
const plusDays = (day: string, days: number) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
};
const endOfMonth = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * What the annual report covers: the calendar year when it holds all the year's meetings and
 * was over when the report was begun; else the months from the first meeting's to the last's
 * (no later than the eve of that day).
 */
function annualPeriod(days: readonly string[], begun: string): PeriodChoice {
  const first = days[0]!;
  const last = days.at(-1)!;
  const year = Number(first.slice(0, 4));
  if (last.startsWith(`${year}-`) && `${year}-12-31` < begun) return { kind: "year", year };
  const end = endOfMonth(last);
  return { kind: "dates", from: `${first.slice(0, 7)}-01`, to: end < begun ? end : plusDays(begun, -1) };
}

/** Makòn Limonade's reports of the demo year, by its facilitator; after the year's meetings and commitments. */
export function seedDemoReports(year: { deps: Deps; facilitator: Actor; spaceId: number }, now: number): void {
  const { deps, facilitator, spaceId } = year;
  const { db } = deps;
  const today = localDate(now);
  const at = (daysAgo: number, time: string) => fromLocalDateTime(`${plusDays(today, -daysAgo)}T${time}`);
  const held = db
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.spaceId, spaceId), eq(meetings.status, "closed"), eq(meetings.published, true)))
    .orderBy(asc(meetings.startsAt))
    .all()
    .map((m) => localDate(m.startsAt));
  const begun = at(4, "08:30");
  const period = annualPeriod(held, localDate(begun));
  const scope = { kind: "space" as const, spaceId };

  // The annual report: the sections with figures first, the summary last, the next morning.
  const title = `Rapport annuel de Makòn Limonade — ${periodLabel(periodOf(period)!, "fr")}`;
  const annual = must(createReport(deps, facilitator, { scope, period, template: "periodic", locale: "fr", title }, begun), "annual report").id;
  const facts = readFigures(draft(db, deps.realtime, annual, begun));
  const written: [PeriodicSection, number][] = [
    ["participation", at(4, "09:10")],
    ["deliberation", at(4, "10:05")],
    ["accountability", at(4, "11:20")],
    ["outlook", at(4, "15:40")],
    ["summary", at(3, "08:45")],
  ];
  const first = annualText(facts, false);
  for (const [section, instant] of written) writeSection(db, annual, section, first[section], instant);
  must(publishReport(deps, facilitator, annual, at(3, "10:30")), "publishing the annual report");

  // The sheet, begun that afternoon and finished the next day.
  const sheetBegun = at(3, "14:00");
  const sheet = must(createReport(deps, facilitator, { scope, period, template: "sheet", locale: "ht", title: SHEET_TITLE }, sheetBegun), "sheet").id;
  must(updateReportDetails(deps, facilitator, sheet, { title: SHEET_TITLE, ...SHEET_DETAILS }, sheetBegun + 10 * MINUTE), "the sheet's details");
  const sections = sheetText(readFigures(draft(db, deps.realtime, sheet, sheetBegun + 10 * MINUTE)));
  TEMPLATE_SECTIONS.sheet.forEach((section, i) => writeSection(db, sheet, section, sections[section], i < 6 ? at(3, "14:30") + i * 20 * MINUTE : at(2, "09:00") + (i - 6) * 20 * MINUTE));
  must(publishReport(deps, facilitator, sheet, at(2, "16:00")), "publishing the sheet");

  // A reader points out that the mairie, not the CASEC, repaired the fountain of Roucou's bourg.
  must(reopenReport(deps, facilitator, annual, at(1, "09:15")), "taking the annual report up again");
  const corrected = annualText(facts, true);
  for (const section of TEMPLATE_SECTIONS.periodic) writeSection(db, annual, section, corrected[section], at(1, "09:20"));
  must(publishReport(deps, facilitator, annual, at(1, "09:40")), "publishing the correction");
}

function draft(db: Db, realtime: RealtimePort, id: number, now: number): ReportDocument {
  return draftDocument(db, realtime, db.select().from(reports).where(eq(reports.id, id)).get()!, now);
}

/**
 * Edits a section's shared text into `target` as its author would type it, in one update
 * stored as the server stores them: the lines it already has (the figures `createReport`
 * placed) stay, the others are typed around them or deleted.
 */
function writeSection(db: Db, reportId: number, section: SectionKey, target: string, at: number): void {
  const name = documentName(sectionRef(reportId, section));
  const store = new DocumentStore(db, () => at);
  const doc = new Y.Doc();
  try {
    store.load(name, doc);
    doc.on("update", (update: Uint8Array) => store.append(name, update));
    const text = doc.getText(SECTION_ROOT);
    const lines = (s: string) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    const from = lines(text.toString());
    const to = lines(target);
    // The most lines both share, in order (a small table: sections are a few dozen lines).
    const kept = Array.from({ length: from.length + 1 }, () => new Array<number>(to.length + 1).fill(0));
    for (let i = from.length - 1; i >= 0; i--) for (let j = to.length - 1; j >= 0; j--) kept[i][j] = from[i] === to[j] ? kept[i + 1][j + 1] + 1 : Math.max(kept[i + 1][j], kept[i][j + 1]);
    doc.transact(() => {
      let cursor = 0;
      let i = 0;
      let j = 0;
      while (i < from.length || j < to.length) {
        if (i < from.length && j < to.length && from[i] === to[j]) {
          cursor += from[i++].length;
          j++;
        } else if (j < to.length && (i === from.length || kept[i][j + 1] >= kept[i + 1][j])) {
          text.insert(cursor, to[j]);
          cursor += to[j++].length;
        } else text.delete(cursor, from[i++].length);
      }
    });
  } finally {
    doc.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// What the figures show

/** The numbers the text quotes, as the draft's figures show them to the public, in the report's language. */
interface Facts {
  first: string;
  last: string;
  meetings: number;
  ordinary: number;
  attendance: number;
  women: string;
  youth: string;
  youthLowest: { day: string; share: string };
  disability: number;
  organisations: number;
  active: number;
  womenTurns: string;
  womenTime: string;
  youthTurns: string;
  youthTime: string;
  /** The young had less of the speaking time than of the room. */
  youthShorter: boolean;
  motions: number;
  adopted: number;
  byWomen: number;
  byYouth: number;
  byYouthAdopted: number;
  secretTurnout: string;
  commitments: number;
  claimed: number;
  confirmed: number;
  toCommitment: string;
  toConfirmed: string;
}

function readFigures(doc: ReportDocument): Facts {
  const table = (id: FigureId) => doc.figures.find((f) => f.id === id)!.table;
  const cell = (id: FigureId, row: MessageKey | number, column: MessageKey): Cell => {
    const t = table(id);
    const r = typeof row === "number" ? t.rows.at(row) : t.rows.find((x) => "key" in x.label && x.label.key === row);
    return r?.cells[t.columns.findIndex((c) => "key" in c && c.key === column)] ?? null;
  };
  // The figures of the demo's year are far above the cells the public is spared: a hidden one is a broken seed.
  const hidden = (id: FigureId, row: MessageKey | number, column: MessageKey) => new Error(`demo reports: ${id} does not show ${row} × ${column}`);
  const count = (id: FigureId, row: MessageKey | number, column: MessageKey): number => {
    const c = cell(id, row, column);
    if (c && "count" in c) return c.count;
    throw hidden(id, row, column);
  };
  const share = (id: FigureId, row: MessageKey | number, column: MessageKey): number => {
    const c = cell(id, row, column);
    if (c && "share" in c) return c.share;
    throw hidden(id, row, column);
  };
  const percent = (id: FigureId, row: MessageKey | number, column: MessageKey) => formatNumber(share(id, row, column), doc.locale, { style: "percent" });
  const days = (id: FigureId, row: MessageKey, column: MessageKey): string => {
    const c = cell(id, row, column);
    if (c && "days" in c) return formatNumber(c.days, doc.locale, { maximumFractionDigits: 0 });
    throw hidden(id, row, column);
  };
  const TOTAL = "reports.figure.row.total";
  const trend = table("attendance.sharesTrend").rows.map((r, i) => ({ day: "text" in r.label ? r.label.text : "", youth: share("attendance.sharesTrend", i, "reports.figure.col.youthShare"), i }));
  const lowest = trend.reduce((a, b) => (b.youth < a.youth ? b : a));
  return {
    first: formatDay(trend[0]!.day, doc.locale),
    last: formatDay(trend.at(-1)!.day, doc.locale),
    meetings: count("meetings.byKind", TOTAL, "reports.figure.col.meetings"),
    ordinary: count("meetings.byKind", "meetingKind.ordinary", "reports.figure.col.meetings"),
    attendance: count("attendance.bySexAge", TOTAL, "reports.figure.col.total"),
    women: percent("attendance.bySexAge", "sex.female", "reports.figure.col.shareOfAttendance"),
    youth: percent("attendance.bySexAge", "reports.figure.row.youth", "reports.figure.col.shareOfAttendance"),
    youthLowest: { day: formatDay(lowest.day, doc.locale), share: percent("attendance.sharesTrend", lowest.i, "reports.figure.col.youthShare") },
    disability: count("attendance.disability", "reports.figure.row.withDisability", "reports.figure.col.people"),
    organisations: count("organisations.activeByType", TOTAL, "reports.figure.col.members"),
    active: count("organisations.activeByType", TOTAL, "reports.figure.col.active"),
    womenTurns: percent("speaking.bySexAge", "reports.figure.group.women", "reports.figure.col.turnsShare"),
    womenTime: percent("speaking.bySexAge", "reports.figure.group.women", "reports.figure.col.timeShare"),
    youthTurns: percent("speaking.bySexAge", "reports.figure.group.young", "reports.figure.col.turnsShare"),
    youthTime: percent("speaking.bySexAge", "reports.figure.group.young", "reports.figure.col.timeShare"),
    youthShorter: share("speaking.bySexAge", "reports.figure.group.young", "reports.figure.col.timeShare") < share("attendance.bySexAge", "reports.figure.row.youth", "reports.figure.col.shareOfAttendance"),
    motions: count("motions.byState", "reports.figure.row.proposed", "reports.figure.col.motions"),
    adopted: count("motions.byState", "motions.state.adopted", "reports.figure.col.motions"),
    byWomen: count("motions.byProposerType", "motions.proposerType.women", "reports.figure.col.proposed"),
    byYouth: count("motions.byProposerType", "motions.proposerType.youth", "reports.figure.col.proposed"),
    byYouthAdopted: count("motions.byProposerType", "motions.proposerType.youth", "reports.figure.col.adopted"),
    secretTurnout: percent("polls.secret", 0, "reports.figure.col.turnout"),
    commitments: count("commitments.byAuthority", TOTAL, "reports.figure.col.made"),
    claimed: count("commitments.byAuthority", TOTAL, "reports.figure.col.claimedDone"),
    confirmed: count("commitments.byAuthority", TOTAL, "reports.figure.col.confirmed"),
    toCommitment: days("commitments.delays", "reports.figure.row.motionToCommitment", "reports.figure.col.medianDays"),
    toConfirmed: days("commitments.delays", "reports.figure.row.commitmentToConfirmed", "reports.figure.col.medianDays"),
  };
}

const paragraphs = (...blocks: string[]) => `${blocks.join("\n\n")}\n`;

// ---------------------------------------------------------------------------------------------
// The annual report, in French

/** Its sections; `corrected`: version 2, which says who repaired the fountain of Roucou's bourg. */
function annualText(f: Facts, corrected: boolean): Record<PeriodicSection, string> {
  return {
    summary: paragraphs(
      `Makòn Limonade a tenu ${f.meetings} réunions publiques entre le ${f.first} et le ${f.last}, avec ${f.attendance} présences au total. Ce rapport en fait le bilan à partir du registre public : les présences, la prise de parole, les motions des organisations membres et les engagements des autorités.`,
      "Les trois priorités retenues à la première assemblée ont guidé l'année : l'eau potable, la route agricole de Bois de Lance et l'emploi des jeunes. Le forum sur l'eau, à Roucou, a adopté la proposition d'OFBL sur le captage de Bord-de-Mer, amendée pour y ajouter les fontaines de Roucou. Depuis, la fontaine du bourg de Roucou et les deux fontaines de Camp-Coq coulent de nouveau, et ce sont les organisations qui l'ont vérifié. Le captage de Bord-de-Mer, lui, n'est toujours pas réhabilité.",
      `Les femmes font ${f.women} des présences et ont pris ${f.womenTurns} des tours de parole. Les jeunes de 18 à 35 ans font ${f.youth} des présences${f.youthShorter ? `, mais n'ont eu que ${f.youthTime} du temps de parole` : ` et ont eu ${f.youthTime} du temps de parole`}. Sur ${f.commitments} engagements publics des autorités, ${f.confirmed} seulement sont confirmés réalisés : le suivi des engagements reste le premier travail du Makòn.`,
      ...(corrected ? ["*Version 2 : la fontaine du bourg de Roucou a été réparée par la mairie, et non par le CASEC de la 3e section comme l'indiquait la version 1.*"] : []),
    ),
    participation: paragraphs(
      `Le Makòn s'est réuni ${f.meetings} fois : ${f.ordinary} assemblées ordinaires, tenues à tour de rôle dans les trois sections, un forum thématique sur l'eau potable à Roucou et une séance de redevabilité avec le conseil municipal et les CASEC, à la mairie.`,
      "{{figure:meetings.byKind}}",
      `Les ${f.attendance} présences se partagent presque également entre femmes (${f.women}) et hommes. Les jeunes de 18 à 35 ans en font ${f.youth} : c'est peu, alors que la proposition de JADL adoptée à Camp-Coq demande un jeune parmi les délégués de chaque organisation.`,
      "{{figure:attendance.bySexAge}}",
      `D'une réunion à l'autre, la part des femmes est restée proche de la moitié. La part des jeunes a été la plus faible le ${f.youthLowest.day} (${f.youthLowest.share}).`,
      "{{figure:attendance.sharesTrend}}",
      "{{figure:attendance.disability}}",
      `Des personnes handicapées étaient présentes à chaque réunion, ${f.disability} présences sur l'année. Le choix des salles doit continuer d'en tenir compte : une salle de plain-pied, une place près de l'animateur.`,
      "{{figure:organisations.activeByType}}",
      f.active === f.organisations
        ? `Les ${f.organisations} organisations membres ont toutes été représentées à au moins une réunion.`
        : `${f.active} des ${f.organisations} organisations membres ont été représentées à au moins une réunion.`,
      "{{figure:speaking.bySexAge}}",
      `Les femmes ont pris ${f.womenTurns} des tours de parole et ${f.womenTime} du temps de parole. Les jeunes ont pris ${f.youthTurns} des tours et ${f.youthTime} du temps${f.youthShorter ? " : leurs interventions sont plus courtes" : ""}. À Camp-Coq, ils avaient demandé à parler plus tôt dans les débats ; l'animation doit y veiller.`,
    ),
    deliberation: paragraphs(
      `Les organisations membres ont déposé ${f.motions} motions. Parmi elles, ${f.adopted} ont été adoptées : la réhabilitation du captage de Bord-de-Mer, amendée au forum pour y ajouter les fontaines de Roucou ; un jeune parmi les délégués de chaque organisation ; des emplois pour les jeunes et les femmes sur les chantiers communaux. La cotisation annuelle de 1 000 gourdes a été rejetée, les groupes de jeunes et plusieurs MUSO ne pouvant pas la payer. AFLIDEPA a retiré sa proposition sur le marché quand la mairie s'est engagée en séance, et la demande de gravier pour Bois de Lance a été renvoyée au conseil municipal.`,
      "{{figure:motions.byState}}",
      "L'eau, les routes et la jeunesse, les trois priorités de l'année, ont chacune eu leur motion. En santé, la campagne eau et hygiène dans les écoles de Bord-de-Mer est inscrite à l'assemblée de bilan, et la demande d'une infirmière à Bois de Lance un jour par mois attend son tour.",
      "{{figure:motions.byTheme}}",
      `Les organisations dirigées par une femme ont porté ${f.byWomen} des ${f.motions} motions. Les organisations de jeunes en ont porté ${f.byYouth}, ${f.byYouthAdopted === f.byYouth ? "toutes adoptées" : `dont ${f.byYouthAdopted} adoptées`}.`,
      "{{figure:motions.byProposerType}}",
      `Le scrutin secret n'a servi qu'une fois, par téléphone, sur la proposition de JADL, parce qu'elle touchait au choix des délégués de chaque organisation ; la participation a été de ${f.secretTurnout}. Les autres votes se sont faits à main levée, au vote nominal par téléphone, en mode hybride ou par consensus.`,
      "{{figure:polls.secret}}",
    ),
    accountability: paragraphs(
      `Les autorités ont pris ${f.commitments} engagements publics devant le Makòn, la plupart en séance et en réponse à ses motions. Elles en ont annoncé ${f.claimed} comme réalisés ; ${f.confirmed} sont confirmés, par deux organisations ou par une séance.`,
      `La fontaine du bourg de Roucou, réparée par ${corrected ? "la mairie" : "le CASEC de la 3e section"}, a été confirmée par la MUSO Fanm vanyan et la MUSO Solidarite Kan Kòk. Les deux fontaines de Camp-Coq ont été contestées par la MUSO Fanm vanyan, un robinet fuyant jour et nuit ; le CASEC l'a changé, et la séance de redevabilité a constaté que les fontaines fonctionnent.`,
      "{{figure:commitments.byAuthority}}",
      "Le conseil municipal porte la plupart des engagements et des retards. Le captage de Bord-de-Mer est en retard. AFLIDEPA conteste l'espace des artisanes au marché : la moitié du hangar est toujours sans tôles, et le tirage au sort s'est fait sans les organisations. La mairie n'a répondu par écrit à aucune lettre du Makòn, ce que l'assemblée de suivi a constaté. Le CASEC de la 2e section a prêté les outils du konbit de Bois de Lance, mais le repas promis n'est pas venu : l'engagement n'est réalisé qu'en partie.",
      "{{figure:commitments.delays}}",
      `En médiane, ${f.toCommitment} jours séparent l'adoption d'une motion de l'engagement qui y répond, mais ${f.toConfirmed} jours séparent l'engagement de sa confirmation sur le terrain.`,
    ),
    outlook: paragraphs(
      "L'assemblée de bilan discutera ces propositions pour l'année qui vient :",
      [
        "- **Eau** : relancer la DINEPA et le conseil municipal pour le captage de Bord-de-Mer, et suivre la réparation du captage de la source de Roucou, promise par le CASEC de la 3e section à Makòn Roucou.",
        "- **Route de Bois de Lance** : le gravier des deux passages à gué, dont l'assemblée de suivi a reporté l'échéance, doit être livré avant les pluies de printemps.",
        "- **Jeunes** : leur donner la parole plus tôt dans les débats, trouver une salle pour la MUSO de jeunes de JADL et MJBL depuis la fermeture du local de l'ASEC, et suivre les embauches du chantier du marché.",
        "- **Femmes** : obtenir les tôles qui manquent au hangar des artisanes et un nouveau tirage au sort en présence des organisations.",
        "- **Santé** : lancer avec OFBL et MJBL la campagne eau et hygiène dans les trois écoles de Bord-de-Mer.",
        "- **Redevabilité** : obtenir les réponses écrites promises par la mairie et garder le suivi des engagements à l'ordre du jour de chaque assemblée.",
      ].join("\n"),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The capitalisation sheet, in Kreyòl

const SHEET_TITLE = "Lè se pèp la ki verifye : swivi angajman otorite yo nan Makòn Limonade";

const SHEET_DETAILS = {
  theme: "Responsablite otorite lokal yo devan popilasyon an",
  objective: "Fè angajman otorite yo pran devan Makòn nan vin reyalite, epi fè tout moun konnen sa ki fèt ak sa ki poko fèt.",
  aspect: "Lè yon otorite di li fini yon travay, se òganizasyon manm yo ki al gade sou teren an epi ki konfime oswa ki konteste.",
  learningQuestion: "Kijan moun nan katye yo ka verifye sa otorite yo di yo fè, san sa pa tounen yon kont?",
  contributors: "Delege MUSO Fanm vanyan, MUSO Solidarite Kan Kòk, AFLIDEPA, JADL, GPTA ak OFBL ; CASEC 3yèm seksyon an ; meri Limonade",
  personInCharge: "Jean-Robert Pierre, animatè Makòn Limonade",
};

function sheetText(f: Facts): Record<SheetSection, string> {
  return {
    audience: paragraphs(
      "Fich sa a se pou òganizasyon ki manm yon Makòn oswa yon lòt espas kote sitwayen ak otorite chita ansanm, pou animatè yo, epi pou CASEC, ASEC ak meri ki vle montre popilasyon an sa yo fè ak sa yo pwomèt.",
    ),
    context: paragraphs(
      "Anvan, òganizasyon Limonade yo te konn ekri otorite yo, men yo pa t konn sa ki rive ak demand yo. Nan premye asanble ane a, plizyè òganizasyon te plenyen : lèt yo te voye ane anvan an pa t janm jwenn repons alekri.",
      "Lè yon otorite te di yon travay fèt, pèsonn pa t al gade. Pa t gen okenn kote pou yon moun di « non, sa pa vre », san sa pa tounen yon kont ant li menm ak otorite a.",
    ),
    practice: paragraphs(
      "Depi forum sou dlo a, chak angajman yon otorite pran devan Makòn nan swiv menm chemen an :",
      [
        "1. **Angajman an ekri.** Animatè a ekri l menm jou a sou platfòm nan : kiyès ki pwomèt, ki sa, pou ki dat, ak ki bidjè. Tout moun ka li l sou paj « Angajman » Makòn Limonade.",
        "2. **Otorite a bay nouvèl.** Meri a, CASEC ak ASEC yo voye nouvèl nan telefòn yo, ak foto oswa yon devi.",
        "3. **Lè otorite a di travay la fini, òganizasyon yo al gade.** Delege yo pase sou teren an epi yo reponn pou òganizasyon yo : « Mwen konfime : li fèt » oswa « Mwen konteste », ak rezon an.",
        "4. **De òganizasyon konfime, pèsonn pa konteste : travay la fèt.** Si yon òganizasyon konteste, se asanble a ki tranche devan tout moun, nan pwochen reyinyon an.",
        "5. **Swivi a fèt nan chak asanble.** Depi seyans redevabilite a, chak asanble gen yon pwen sou angajman yo nan lòd dijou a.",
      ].join("\n"),
    ),
    changes: paragraphs(
      "Pou premye fwa, yon travay otorite yo di ki fini pase devan je moun yo anvan yo konte l.",
      [
        "- **Fontèn bouk Roucou a** : meri a di dlo a koule ankò. MUSO Fanm vanyan ak MUSO Solidarite Kan Kòk al gade, epi yo konfime.",
        "- **De fontèn Kan Kòk yo** : CASEC 3yèm seksyon an di yo fini. MUSO Fanm vanyan konteste, paske robinè fontèn anwo a t ap koule lajounen kou lannwit. CASEC la chanje robinè a, epi seyans redevabilite a konstate de fontèn yo mache.",
        "- **Konbit wout Bwa Dlans lan** : CASEC 2yèm seksyon an te prete zouti yo, men manje li te pwomèt la pa t janm rive. Asanble a di angajman an fèt sèlman an pati.",
      ].join("\n"),
      "{{figure:commitments.byAuthority}}",
      `Pandan ane a, otorite yo pran ${f.commitments} angajman piblik devan Makòn nan. Yo di ${f.claimed} ladan yo fini, men se ${f.confirmed} sèlman moun yo konfime. Sa pa vle di lòt yo pa fèt : sa vle di pèsonn poko ka di se vre.`,
    ),
    successFactors: paragraphs(
      [
        "- Angajman yo ekri, ak yon dat, yon non ak yon bidjè, kote tout moun ka li yo.",
        "- Se òganizasyon ki rete toupre travay la ki al gade : MUSO Roucou ak Kan Kòk yo konnen fontèn yo pi byen pase nenpòt biwo.",
        "- Yon delege ka reponn nan telefòn li, lè li vle, san l pa bezwen tann reyinyon an.",
        "- Lè gen dezakò, se asanble a ki tranche, pa yon sèl moun.",
        "- Otorite yo dakò ak fason sa a : meri a, CASEC ak ASEC yo voye nouvèl yo menm.",
      ].join("\n"),
    ),
    replication: paragraphs(
      [
        "- Ekri angajman an menm jou a, pandan tout moun sonje sa ki te di.",
        "- Mande de òganizasyon diferan pou konfime, si sa posib youn ki pa soti nan menm katye a.",
        "- Pa janm efase yon kontestasyon : se li ki montre sa ki rete pou fè.",
        "- Mete swivi angajman yo nan lòd dijou chak asanble, menm lè pa gen anyen nouvo.",
        "- Esplike otorite yo depi okòmansman kijan verifikasyon an ap fèt : konsa yo p ap pran l pou yon atak.",
      ].join("\n"),
    ),
    obstacles: paragraphs(
      "Gen otorite ki pa bay nouvèl. Meri a te pwomèt pou l reponn lèt Makòn nan alekri nan yon mwa ; kat mwa apre, li poko reponn okenn ladan yo, epi asanble a di angajman an pa fèt. Lè yon otorite abandone yon angajman, tankou ASEC 1ye seksyon an lè do kay lokal li a te tonbe, moun yo konnen poukisa, men yo rete san solisyon.",
      "Verifikasyon an pran tan tou :",
      "{{figure:commitments.delays}}",
      `Nan medyàn (sa vle di mwatye pran mwens tan, mwatye pran plis), li pran ${f.toCommitment} jou ant yon mosyon adopte ak angajman ki reponn li, men ${f.toConfirmed} jou ant angajman an ak konfimasyon moun yo.`,
      "Yon delege ki konteste ka pè pou sa pa mete l mal ak otorite a. Animatè a dwe veye pou yon kontestasyon rete sou travay la, pa sou moun.",
    ),
    analysis: paragraphs(
      "**Fanm** : se sitou fanm ak timoun ki al chèche dlo, se yo ki konnen si yon fontèn bay dlo vre. Sou kat òganizasyon ki reponn pou fontèn Kan Kòk yo, twa se fanm ki dirije yo.",
      "**Jèn** : jèn JADL yo te pase gade fontèn Kan Kòk yo yon samdi. Yo ka fè menm bagay la pou lòt angajman, tankou travay pou jèn yo sou chantye mache a.",
      "**Moun andikape** : mache al gade yon fontèn oswa yon wout ka difisil pou yon moun andikape. Òganizasyon an ka voye yon lòt manm, epi moun nan ka toujou bay pawòl li nan asanble a.",
      "**Chans egal ak aksè** : yon delege ka reponn an kreyòl oswa an franse, nan telefòn li. Moun ki pa gen telefòn ka pale nan asanble a, epi animatè a ekri sa l di.",
    ),
    recommendations: paragraphs(
      [
        "- **Pou meri a** : reponn lèt Makòn nan alekri, jan li te pwomèt la.",
        "- **Pou otorite yo** : voye nouvèl omwen yon fwa pa mwa, menm lè travay la bloke.",
        "- **Pou òganizasyon yo** : chwazi davans kiyès ki pral verifye, epi ale ak yon lòt òganizasyon.",
        "- **Pou animatè yo** : li angajman yo konteste yo nan kòmansman chak asanble, anvan rès lòd dijou a.",
      ].join("\n"),
    ),
    testimonies: paragraphs(
      [
        "> « Anvan, lè meri a di fontèn nan bay dlo, nou pa t janm konnen si se vre. Kounye a se nou menm ki al gade. Lè nou di robinè Kan Kòk la t ap koule, CASEC la chanje l anvan asanble a. Se la mwen wè pawòl nou gen pwa. »",
        ">",
        "> — Altagrâce Noël, delege MUSO Fanm vanyan Roucou",
      ].join("\n"),
      [
        "> « Okòmansman, kontestasyon an te fè m lapenn : mwen te kwè moun t ap di nou pa t travay. Men se li ki fè nou wè robinè a te rete pou chanje. Kounye a, lè nou fini yon travay, nou mande òganizasyon yo vin gade. »",
        ">",
        "> — Odné Sainvil, prezidan CASEC 3yèm seksyon Limonade",
      ].join("\n"),
    ),
    contacts: paragraphs(
      [
        "- **Animatè Makòn Limonade** : Jean-Robert Pierre.",
        "- **Angajman yo ak nouvèl yo** : sou paj « Angajman » Makòn Limonade. Tout moun ka li l, menm san yo pa konekte.",
        "- **Asanble yo** : apeprè chak de mwa, nan youn nan twa seksyon Limonade yo. Yo louvri pou tout moun.",
      ].join("\n"),
    ),
  };
}
