import type { Catalog } from "../i18n/catalog";

/** What a report's renderings say around its figures (page, print, CSV, Markdown), in French and Kreyòl side by side. */
export const reportsRenderMessages = {
  "reports.render.pair": { fr: "{label} : {value}", ht: "{label}: {value}" },
  "reports.render.day": { fr: "{n} jour", ht: "{n} jou" },
  "reports.render.days": { fr: "{n} jours", ht: "{n} jou" },
  "reports.render.minutes": { fr: "{n} min", ht: "{n} minit" },
  "reports.render.masked": {
    fr: "« < 5 » : moins de cinq personnes. Le chiffre exact n'est pas publié, pour qu'on ne puisse reconnaître personne.",
    ht: "« < 5 »: mwens pase senk moun. Nou pa pibliye chif egzak la, pou pèsonn pa ka rekonèt moun yo.",
  },
  "reports.render.chart.bars": { fr: "Diagramme en barres. {title} ({column}) : {values}.", ht: "Grafik baton. {title} ({column}): {values}." },
  "reports.render.chart.line": {
    fr: "Courbe. {title} ({column}) : {count} points, de {first} à {last}.",
    ht: "Grafik liy. {title} ({column}): {count} pwen, depi {first} rive {last}.",
  },
  "reports.render.csv.figure": { fr: "Figure", ht: "Figi" },
  "reports.render.csv.title": { fr: "Titre", ht: "Tit" },
  "reports.render.csv.definition": { fr: "Définition", ht: "Definisyon" },
  "reports.render.csv.row": { fr: "Ligne", ht: "Liy" },
  "reports.render.csv.column": { fr: "Colonne", ht: "Kolòn" },
  "reports.render.csv.value": { fr: "Valeur", ht: "Valè" },
} as const satisfies Catalog;
