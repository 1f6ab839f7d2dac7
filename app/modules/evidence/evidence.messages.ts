import type { Catalog } from "../i18n/catalog";

/** Evidence files: what an upload's refusal says, in the uploader's language. */
export const evidenceMessages = {
  "evidence.error.tooManyFiles": {
    fr: "Envoyez au plus {limit} fichiers avec une mise à jour : retirez-en et réessayez.",
    ht: "Pa voye plis pase {limit} fichye ak yon mizajou: retire kèk epi eseye ankò.",
  },
  "evidence.error.wrongType": {
    fr: "« {name} » n'est ni une photo (JPEG, PNG ou WebP) ni un document PDF : envoyez une photo ou un PDF.",
    ht: "« {name} » se pa ni yon foto (JPEG, PNG oswa WebP), ni yon dokiman PDF: voye yon foto oswa yon PDF.",
  },
  "evidence.error.photoTooLarge": {
    fr: "La photo « {name} » dépasse {limit} Mo : envoyez-en une plus petite.",
    ht: "Foto « {name} » twò gwo, li depase {limit} Mo: voye yon foto ki pi piti.",
  },
  "evidence.error.documentTooLarge": {
    fr: "Le document « {name} » dépasse {limit} Mo : envoyez un PDF plus léger (moins de pages, ou des images plus petites).",
    ht: "Dokiman « {name} » twò gwo, li depase {limit} Mo: voye yon PDF ki pi piti (mwens paj, oswa foto ki pi piti ladan l).",
  },
  "evidence.error.emptyFile": {
    fr: "Le fichier « {name} » est vide : choisissez-le à nouveau.",
    ht: "Fichye « {name} » vid: chwazi l ankò.",
  },
  "evidence.error.contentMismatch": {
    fr: "« {name} » n'est pas vraiment une photo ou un PDF, même si son nom le dit : envoyez le fichier d'origine.",
    ht: "« {name} » pa vrèman yon foto oswa yon PDF, menm si non l di sa: voye fichye orijinal la.",
  },
  "evidence.error.unreadableImage": {
    fr: "La photo « {name} » est abîmée ou incomplète : reprenez-la ou envoyez-la à nouveau.",
    ht: "Foto « {name} » domaje oswa li pa konplè: pran l ankò oswa voye l yon lòt fwa.",
  },
  "evidence.error.tooManyPixels": {
    fr: "La photo « {name} » a plus de {limit} mégapixels : prenez-la en résolution normale ou réduisez-la.",
    ht: "Foto « {name} » gen plis pase {limit} megapiksèl: pran l ak rezolisyon nòmal la oswa fè l pi piti.",
  },
} as const satisfies Catalog;
