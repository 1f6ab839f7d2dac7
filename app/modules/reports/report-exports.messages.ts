import type { Catalog } from "../i18n/catalog";

/** What a report's downloads say (PDF, Word), in French and Kreyòl side by side. */
export const reportsExportMessages = {
  "reports.exports.pdfUnavailable": {
    fr: "Le PDF n'est pas disponible sur ce serveur : Chromium n'y est pas installé. Téléchargez le rapport en Word ou en Markdown, ou imprimez sa page. Pour activer le PDF, la personne qui gère le serveur installe Chromium (sudo apt-get install chromium, ou la variable CHROMIUM_PATH) puis redémarre Makòn.",
    ht: "PDF la pa disponib sou sèvè sa a: Chromium pa enstale sou li. Telechaje rapò a an Word oswa an Markdown, oswa enprime paj li. Pou gen PDF, moun ki jere sèvè a dwe enstale Chromium (sudo apt-get install chromium, oswa varyab CHROMIUM_PATH), epi rekòmanse Makòn.",
  },
  "reports.exports.pdfBusy": {
    fr: "Le serveur imprime déjà d'autres rapports en PDF. Réessayez dans une minute, ou téléchargez le rapport en Word ou en Markdown.",
    ht: "Sèvè a ap enprime lòt rapò an PDF deja. Eseye ankò nan yon minit, oswa telechaje rapò a an Word oswa an Markdown.",
  },
  "reports.exports.chartInTable": {
    fr: "Le graphique de cette figure n'est pas repris dans le fichier Word : voir le tableau.",
    ht: "Grafik figi sa a pa nan fichye Word la: gade tablo a.",
  },
} as const satisfies Catalog;
