import type { Catalog } from "../i18n/catalog";

/** What polls and ballots say, in French and Kreyòl side by side. */
export const pollsMessages = {
  "polls.title": { fr: "Votes", ht: "Vòt" },

  "polls.method.named": { fr: "Vote par téléphone, nominatif", ht: "Vòt sou telefòn, ak non moun" },
  "polls.method.secret": { fr: "Vote par téléphone, à bulletin secret", ht: "Vòt sekrè sou telefòn" },
  "polls.method.hands": { fr: "Vote à main levée", ht: "Vòt ak men leve" },
  "polls.method.paper": { fr: "Vote à bulletins papier", ht: "Vòt ak bilten papye" },
  "polls.method.consensus": { fr: "Décision par consensus", ht: "Desizyon pa konsansis" },
  "polls.method.hybrid": { fr: "Téléphones et main levée", ht: "Telefòn ak men leve" },

  "polls.choice.yes": { fr: "Pour", ht: "Pou" },
  "polls.choice.no": { fr: "Contre", ht: "Kont" },
  "polls.choice.abstain": { fr: "Abstention", ht: "Abstansyon" },

  "polls.outcome.adopted": { fr: "Adoptée", ht: "Adopte" },
  "polls.outcome.rejected": { fr: "Rejetée", ht: "Rejte" },
  "polls.outcome.no_decision": { fr: "Pas de décision", ht: "Pa gen desizyon" },

  // The rule as the screen states it while the poll is open.
  "polls.rule.simple": { fr: "Majorité simple : plus de voix pour que contre", ht: "Majorite senp: plis vòt pou pase vòt kont" },
  "polls.rule.absolute_valid": { fr: "Majorité absolue : plus de la moitié des voix exprimées", ht: "Majorite absoli: plis pase mwatye vòt yo" },
  "polls.rule.absolute_eligible": { fr: "Majorité absolue : plus de la moitié des votant·es présent·es", ht: "Majorite absoli: plis pase mwatye moun ki gen dwa vote ki la yo" },
  "polls.rule.two_thirds_at_least": { fr: "Majorité des deux tiers : au moins deux voix pour sur trois", ht: "Majorite de tyè: omwen 2 vòt pou sou 3" },
  "polls.rule.two_thirds_more_than": { fr: "Plus des deux tiers : plus de deux voix pour sur trois", ht: "Plis pase de tyè: plis pase 2 vòt pou sou 3" },
  "polls.rule.three_quarters_at_least": { fr: "Majorité des trois quarts : au moins trois voix pour sur quatre", ht: "Majorite twa ka: omwen 3 vòt pou sou 4" },
  "polls.rule.three_quarters_more_than": { fr: "Plus des trois quarts : plus de trois voix pour sur quatre", ht: "Plis pase twa ka: plis pase 3 vòt pou sou 4" },
  "polls.rule.consensus": { fr: "Décision par consensus", ht: "Desizyon pa konsansis" },
  "polls.rule.abstentionsIgnored": { fr: "les abstentions ne comptent pas", ht: "abstansyon pa konte" },
  "polls.rule.abstentionsCounted": { fr: "les abstentions comptent dans le total", ht: "abstansyon konte nan total la" },
  "polls.rule.abstentionsNotFor": { fr: "s'abstenir revient à ne pas voter pour", ht: "abstni se menm bagay ak pa vote pou" },
  "polls.rule.presenceQuorum": { fr: "quorum : {percent} % des organisations membres présentes", ht: "kowòm: {percent} % òganizasyon manm yo la" },
  "polls.rule.turnoutQuorum": { fr: "participation minimale : {percent} % des votant·es", ht: "patisipasyon minimòm: {percent} % moun ki gen dwa vote" },

  // The majority as a decision names it.
  "polls.majority.simple": { fr: "à la majorité simple", ht: "ak majorite senp" },
  "polls.majority.absolute_valid": { fr: "à la majorité absolue des voix exprimées", ht: "ak majorite absoli vòt yo" },
  "polls.majority.absolute_eligible": { fr: "à la majorité absolue des votant·es présent·es", ht: "ak majorite absoli moun ki gen dwa vote ki la yo" },
  "polls.majority.two_thirds_at_least": { fr: "à la majorité des deux tiers", ht: "ak majorite de tyè" },
  "polls.majority.two_thirds_more_than": { fr: "à plus des deux tiers", ht: "ak plis pase de tyè" },
  "polls.majority.three_quarters_at_least": { fr: "à la majorité des trois quarts", ht: "ak majorite twa ka" },
  "polls.majority.three_quarters_more_than": { fr: "à plus des trois quarts", ht: "ak plis pase twa ka" },

  "polls.counts": { fr: "{yes} pour, {no} contre, {abstentions}", ht: "{yes} pou, {no} kont, {abstentions}" },
  // French keeps 0 and 1 in the singular; Kreyòl nouns do not change.
  "polls.abstentions.one": { fr: "{count} abstention", ht: "{count} abstansyon" },
  "polls.abstentions.many": { fr: "{count} abstentions", ht: "{count} abstansyon" },

  // The decision in words, as the screen, the motion's page and the exports say it.
  "polls.decision.adopted": { fr: "Adoptée {majority} : {counts}", ht: "Adopte {majority}: {counts}" },
  "polls.decision.majorityMissed": { fr: "Rejetée, majorité non atteinte : {counts}", ht: "Rejte, li pa jwenn majorite a: {counts}" },
  "polls.decision.tie": { fr: "Rejetée à égalité : {counts}", ht: "Rejte, vòt yo egal: {counts}" },
  "polls.decision.noVotes": { fr: "Rejetée : aucun vote", ht: "Rejte: pa gen okenn vòt" },
  "polls.decision.onlyAbstentions": { fr: "Rejetée : {abstentions}, aucune voix pour ni contre", ht: "Rejte: {abstentions}, pa gen okenn vòt pou ni kont" },
  "polls.decision.presenceQuorum": { fr: "Pas de décision : le quorum de {percent} % des organisations n'était pas atteint", ht: "Pa gen desizyon: kowòm {percent} % òganizasyon yo pa t rive" },
  "polls.decision.turnoutQuorum": { fr: "Pas de décision : moins de {percent} % des votant·es ont voté ({counts})", ht: "Pa gen desizyon: mwens pase {percent} % moun ki gen dwa vote te vote ({counts})" },
  "polls.decision.consensus": { fr: "Adoptée par consensus", ht: "Adopte pa konsansis" },
  "polls.decision.noConsensus": { fr: "Pas de consensus : non adoptée", ht: "Pa gen konsansis: li pa adopte" },

  "polls.counted": { fr: "Votre vote a été compté.", ht: "Yo konte vòt ou." },

  // Refusals. A voter's are said to her, on her phone.
  "polls.error.notLive": { fr: "La réunion n'est pas en cours.", ht: "Reyinyon an pa ap fèt kounye a." },
  "polls.error.pollOpen": { fr: "Un vote est déjà ouvert dans cette réunion : clôturez-le d'abord.", ht: "Gen yon vòt ki deja louvri nan reyinyon an: fèmen l anvan." },
  "polls.error.motionNotAdmitted": { fr: "Cette motion n'est pas à l'ordre du jour de cette réunion.", ht: "Mosyon sa a pa nan lòd dijou reyinyon sa a." },
  "polls.error.amendmentsPending": { fr: "Les amendements de cette motion se votent avant elle.", ht: "Fòk yo vote amannman mosyon sa a anvan li." },
  "polls.error.closed": { fr: "Ce vote est clos.", ht: "Vòt sa a fèmen." },
  "polls.error.notPhonePoll": { fr: "Ce vote ne se fait pas par téléphone.", ht: "Vòt sa a pa fèt sou telefòn." },
  "polls.error.phonesClosed": { fr: "Les mains levées ont été comptées : le vote par téléphone est terminé.", ht: "Yo fin konte men yo: vòt sou telefòn fini." },
  "polls.error.alreadyVoted": { fr: "Votre vote a déjà été compté.", ht: "Yo deja konte vòt ou." },
  "polls.error.notSeated": { fr: "Vous ne votez pas : vous n'êtes pas délégué·e d'une organisation membre de cet espace.", ht: "Ou pa ka vote: ou pa delege yon òganizasyon manm espas sa a." },
  "polls.error.notPresent": { fr: "Vous ne votez pas : vous n'êtes pas sur la liste de présence de la réunion.", ht: "Ou pa ka vote: ou pa sou lis prezans reyinyon an." },
  "polls.error.arrivedLate": { fr: "Vous ne votez pas : vous êtes arrivé·e après l'ouverture du vote.", ht: "Ou pa ka vote: ou rive apre vòt la te louvri." },
  "polls.error.organisationRepresented": { fr: "Vous ne votez pas : un·e autre délégué·e de votre organisation est présent·e et porte sa voix.", ht: "Ou pa ka vote: gen yon lòt delege òganizasyon ou ki la, se li ki vote pou òganizasyon an." },
  "polls.error.notHandsPoll": { fr: "Ce vote ne se compte pas à main levée.", ht: "Vòt sa a pa konte ak men leve." },
  "polls.error.overLimit": { fr: "Ce compte dépasse le nombre de votant·es qui restent à compter.", ht: "Kont sa a depase kantite moun ki rete pou konte." },
  "polls.error.breakdownMismatch": { fr: "La répartition par sexe et par âge doit donner le nombre de voix pour.", ht: "Repatisyon pa sèks ak laj la dwe bay menm kantite ak vòt pou yo." },
  "polls.error.notConsensusPoll": { fr: "Ce vote ne se décide pas par consensus.", ht: "Vòt sa a pa deside pa konsansis." },
  "polls.error.handsMissing": { fr: "Entrez le compte des mains avant de clôturer.", ht: "Mete kont men yo anvan ou fèmen vòt la." },
  "polls.error.consensusMissing": { fr: "Indiquez s'il y a consensus avant de clôturer.", ht: "Di si gen konsansis anvan ou fèmen." },

  // The results export.
  "polls.csv.meeting": { fr: "Réunion", ht: "Reyinyon" },
  "polls.csv.date": { fr: "Date", ht: "Dat" },
  "polls.csv.motion": { fr: "Motion", ht: "Mosyon" },
  "polls.csv.question": { fr: "Question", ht: "Kesyon" },
  "polls.csv.method": { fr: "Mode de vote", ht: "Fason yo vote" },
  "polls.csv.rule": { fr: "Règle", ht: "Règ" },
  "polls.csv.organisationsPresent": { fr: "Organisations présentes", ht: "Òganizasyon ki la" },
  "polls.csv.organisations": { fr: "Organisations membres", ht: "Òganizasyon manm" },
  "polls.csv.eligible": { fr: "Votant·es présent·es", ht: "Moun ki gen dwa vote ki la" },
  "polls.csv.byPhone": { fr: "Votes par téléphone", ht: "Vòt sou telefòn" },
  "polls.csv.outcome": { fr: "Décision", ht: "Desizyon" },
  "polls.csv.words": { fr: "Décision en toutes lettres", ht: "Desizyon an an mo" },
} as const satisfies Catalog;
