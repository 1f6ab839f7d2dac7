/** What report figures say (titles, definitions, row and column labels), in French and Kreyòl side by side. */
export const reportsFiguresMessages = {
  "reports.figure.meetings.byKind.title": { fr: "Réunions tenues, par type", ht: "Reyinyon ki fèt, dapre kalite yo" },
  "reports.figure.meetings.byKind.definition": {
    fr: "Réunions publiées dont la date (heure d'Haïti) tombe dans la période et qui ont eu lieu : clôturées, ou en cours au moment du calcul. Les réunions prévues, annulées ou non publiées ne comptent pas.",
    ht: "Reyinyon ki pibliye, ki tonbe nan peryòd la (lè Ayiti) e ki fèt: fèmen, oswa k ap fèt lè chif yo kalkile. Reyinyon ki poko fèt, ki anile oswa ki pa pibliye pa konte.",
  },

  "reports.figure.attendance.bySexAge.title": { fr: "Présences par sexe et par âge", ht: "Prezans dapre sèks ak laj" },
  "reports.figure.attendance.bySexAge.definition": {
    fr: "Personnes présentes aux réunions tenues et publiées de la période, comptées une fois par réunion : une personne venue à trois réunions compte trois présences. Sexe et âge tels que notés à l'entrée ; un sexe non précisé ou un âge inconnu n'est jamais deviné. Les jeunes ont de 18 à 35 ans. La part est celle du total des présences. Une case de 1 à 4 personnes est affichée « < 5 » ; une case qui permettrait de la retrouver par soustraction (avec un total, ou avec ce que montrent les pages des réunions) est masquée « — ».",
    ht: "Moun ki te la nan reyinyon ki fèt e ki pibliye nan peryòd la, yon fwa pou chak reyinyon: yon moun ki vini nan twa reyinyon konte twa prezans. Sèks ak laj jan yo te note yo nan pòt la; nou pa janm devine yon sèks ki pa presize oswa yon laj nou pa konnen. Jèn yo gen 18 rive 35 an. Pousantaj la se sou total prezans yo. Yon kaz ki gen 1 a 4 moun parèt « < 5 »; yon kaz ki ta pèmèt jwenn li lè w fè yon soustraksyon (ak yon total, oswa ak sa paj reyinyon yo montre) kache « — ».",
  },

  "reports.figure.attendance.sharesTrend.title": { fr: "Part des femmes et des jeunes, réunion par réunion", ht: "Pousantaj fanm ak jèn, reyinyon apre reyinyon" },
  "reports.figure.attendance.sharesTrend.definition": {
    fr: "Pour chaque réunion tenue et publiée de la période, par ordre de date : les personnes présentes (chacune une fois), les femmes et les jeunes de 18 à 35 ans parmi elles, et leur part. Ce sont les chiffres de la page de la réunion : ce qu'elle masque est masqué ici aussi.",
    ht: "Pou chak reyinyon ki fèt e ki pibliye nan peryòd la, nan lòd dat yo: moun ki te la (chak yon fwa), fanm ak jèn 18 rive 35 an pami yo, ak pousantaj yo. Se menm chif ki sou paj reyinyon an: sa li kache, li kache isit la tou.",
  },

  "reports.figure.attendance.disability.title": { fr: "Personnes handicapées présentes", ht: "Moun andikape ki te la" },
  "reports.figure.attendance.disability.definition": {
    fr: "Présences de personnes notées avec un handicap aux réunions tenues et publiées de la période, comptées une fois par réunion, et leur part du total des présences. Un nombre de 1 à 4 est affiché « < 5 » ; il est masqué « — » s'il permettrait de retrouver un nombre que la page d'une réunion masque.",
    ht: "Prezans moun yo te note ki gen yon andikap nan reyinyon ki fèt e ki pibliye nan peryòd la, yon fwa pou chak reyinyon, ak pousantaj yo sou total prezans yo. Yon chif 1 a 4 parèt « < 5 »; li kache « — » si li ta pèmèt jwenn yon chif paj yon reyinyon kache.",
  },

  "reports.figure.organisations.activeByType.title": { fr: "Organisations membres actives, par type", ht: "Òganizasyon manm ki aktif, dapre kalite yo" },
  "reports.figure.organisations.activeByType.definition": {
    fr: "Organisations membres d'un espace couvert par le rapport à un moment de la période, comptées une fois même si elles sont membres de deux espaces. Active : au moins une personne de l'organisation était présente à une réunion tenue et publiée de la période. Les lignes « dirigées par une femme » et « dirigées par un·e jeune » recoupent les types.",
    ht: "Òganizasyon ki te manm yon espas rapò a kouvri nan yon moman nan peryòd la, yon sèl fwa menm si yo manm de espas. Aktif: omwen yon moun nan òganizasyon an te la nan yon reyinyon ki fèt e ki pibliye nan peryòd la. Liy « yon fanm ki dirije yo » ak « yon jèn ki dirije yo » kwaze ak kalite yo.",
  },

  "reports.figure.speaking.bySexAge.title": { fr: "Prise de parole par sexe et par âge", ht: "Pran lapawòl dapre sèks ak laj" },
  "reports.figure.speaking.bySexAge.definition": {
    fr: "Tours de parole des réunions tenues et publiées de la période et leur durée (un tour en cours compte jusqu'au moment du calcul), selon le sexe et l'âge de la personne qui parle ; chaque part se compare à la part du même groupe dans les présences. Les jeunes ont de 18 à 35 ans ; les autres âges : moins de 18 ans, 36 ans et plus. Un groupe de 1 à 4 tours est affiché « < 5 » ; un groupe qui permettrait de le retrouver par soustraction est masqué « — », avec sa durée et ses parts.",
    ht: "Tou lapawòl nan reyinyon ki fèt e ki pibliye nan peryòd la ak konbyen tan yo dire (yon tou k ap kouri konte jiska lè chif yo kalkile), dapre sèks ak laj moun k ap pale a; konpare chak pousantaj ak pousantaj menm gwoup la nan prezans yo. Jèn yo gen 18 rive 35 an; lòt laj yo: mwens pase 18 an, 36 an oswa plis. Yon gwoup ki gen 1 a 4 tou parèt « < 5 »; yon gwoup ki ta pèmèt jwenn li lè w fè yon soustraksyon kache « — », ansanm ak tan li ak pousantaj li.",
  },

  "reports.figure.motions.byState.title": { fr: "Motions déposées, selon leur état", ht: "Mosyon ki depoze, dapre kote yo rive" },
  "reports.figure.motions.byState.definition": {
    fr: "Motions (sans les amendements) déposées pendant la période dans un espace couvert par le rapport, selon leur état au moment du calcul. Les brouillons ne comptent pas. Une motion transmise par l'espace d'une section compte une fois, dans l'espace où elle a été proposée.",
    ht: "Mosyon (san amannman yo) ki depoze pandan peryòd la nan yon espas rapò a kouvri, dapre kote yo ye lè chif yo kalkile. Bouyon pa konte. Yon mosyon espas yon seksyon voye monte konte yon sèl fwa, nan espas kote yo te pwopoze l la.",
  },

  "reports.figure.motions.byTheme.title": { fr: "Motions par thème", ht: "Mosyon dapre tèm" },
  "reports.figure.motions.byTheme.definition": {
    fr: "Les mêmes motions, par thème : déposées, leur part de l'ensemble, adoptées et rejetées au moment du calcul. Seuls les thèmes d'au moins une motion sont listés.",
    ht: "Menm mosyon yo, dapre tèm: konbyen ki depoze, pousantaj yo sou tout mosyon yo, konbyen ki adopte ak konbyen ki rejte lè chif yo kalkile. Se sèlman tèm ki gen omwen yon mosyon ki parèt.",
  },

  "reports.figure.motions.byProposerType.title": { fr: "Motions selon l'organisation qui les propose", ht: "Mosyon dapre òganizasyon ki pwopoze yo" },
  "reports.figure.motions.byProposerType.definition": {
    fr: "Les mêmes motions, selon l'organisation qui les propose : de femmes (dirigée par une femme), de jeunes (dirigée par un·e jeune), mixte (ni l'un ni l'autre). Une organisation dirigée par une jeune femme compte dans les deux premières lignes. Part adoptée : motions adoptées parmi celles de la ligne.",
    ht: "Menm mosyon yo, dapre òganizasyon ki pwopoze yo: òganizasyon fanm (yon fanm ki dirije l), òganizasyon jèn (yon jèn ki dirije l), melanje (ni youn ni lòt). Yon òganizasyon yon jèn fanm dirije konte nan de premye liy yo. Pousantaj adopte: mosyon ki adopte pami mosyon liy lan.",
  },

  "reports.figure.polls.secret.title": { fr: "Votes à bulletin secret", ht: "Vòt sekrè" },
  "reports.figure.polls.secret.definition": {
    fr: "Votes secrets clôturés dans les réunions tenues et publiées de la période : leur résultat (pour, contre, abstentions), les votes exprimés, les votant·es présent·es à l'ouverture du vote, et la participation (votes exprimés sur votant·es présent·es, comptés comme le vote : par organisation ou par personne). Rien ne dit qui a voté ni comment.",
    ht: "Vòt sekrè ki fèmen nan reyinyon ki fèt e ki pibliye nan peryòd la: rezilta yo (pou, kont, abstansyon), vòt ki bay yo, moun ki te ka vote ki te la lè vòt la louvri, ak patisipasyon an (vòt ki bay sou moun ki te ka vote, konte jan vòt la konte: pa òganizasyon oswa pa moun). Anyen pa di ki moun ki vote ni kijan.",
  },

  "reports.figure.commitments.byAuthority.title": { fr: "Engagements des autorités", ht: "Angajman otorite yo" },
  "reports.figure.commitments.byAuthority.definition": {
    fr: "Engagements publics pris pendant la période dans un espace couvert par le rapport, par autorité : pris ; annoncés réalisés (en attente de confirmation, ou confirmés) ; confirmés réalisés (par deux organisations ou par une réunion) ; en retard (échéance dépassée au jour du calcul, sans réalisation annoncée). Les engagements réservés aux membres ne comptent pas.",
    ht: "Angajman piblik yo pran pandan peryòd la nan yon espas rapò a kouvri, dapre otorite: konbyen yo pran; konbyen yo di ki fèt (k ap tann konfimasyon, oswa konfime); konbyen ki konfime fèt (pa de òganizasyon oswa pa yon reyinyon); konbyen ki an reta (dat limit la pase jou chif yo kalkile a, san yo pa di li fèt). Angajman ki rezève pou manm yo pa konte.",
  },

  "reports.figure.commitments.delays.title": { fr: "Délais, de la motion à l'engagement et à sa confirmation", ht: "Delè, depi mosyon an rive nan angajman an ak konfimasyon l" },
  "reports.figure.commitments.delays.definition": {
    fr: "Pour les engagements publics pris pendant la période, en jours : du jour où la motion à laquelle l'engagement répond a été adoptée jusqu'au jour de l'engagement ; du jour de l'engagement jusqu'au jour où il a été confirmé réalisé ; de l'adoption de la motion jusqu'à cette confirmation. Délai médian : la moitié des délais sont plus courts. Ne sont mesurés que les engagements qui ont une motion adoptée, ou une confirmation.",
    ht: "Pou angajman piblik yo pran pandan peryòd la, an jou: depi jou mosyon angajman an reponn nan te adopte rive jou angajman an; depi jou angajman an rive jou yo konfime li fèt; depi mosyon an te adopte rive konfimasyon sa a. Delè medyàn: mwatye delè yo pi kout. Se sèlman angajman ki gen yon mosyon ki adopte, oswa yon konfimasyon, ki mezire.",
  },

  "reports.figure.col.meetings": { fr: "Réunions tenues", ht: "Reyinyon ki fèt" },
  "reports.figure.col.total": { fr: "Total", ht: "Total" },
  "reports.figure.col.shareOfAttendance": { fr: "Part des présences", ht: "Pousantaj prezans" },
  "reports.figure.col.present": { fr: "Présences", ht: "Prezans" },
  "reports.figure.col.women": { fr: "Femmes", ht: "Fanm" },
  "reports.figure.col.womenShare": { fr: "Part des femmes", ht: "Pousantaj fanm" },
  "reports.figure.col.young": { fr: "Jeunes (18–35 ans)", ht: "Jèn (18–35 an)" },
  "reports.figure.col.youthShare": { fr: "Part des jeunes", ht: "Pousantaj jèn" },
  "reports.figure.col.people": { fr: "Présences", ht: "Prezans" },
  "reports.figure.col.members": { fr: "Membres", ht: "Manm" },
  "reports.figure.col.active": { fr: "Actives", ht: "Aktif" },
  "reports.figure.col.activeShare": { fr: "Part des actives", ht: "Pousantaj aktif" },
  "reports.figure.col.turns": { fr: "Tours de parole", ht: "Tou lapawòl" },
  "reports.figure.col.turnsShare": { fr: "Part des tours", ht: "Pousantaj tou" },
  "reports.figure.col.speakingTime": { fr: "Temps de parole", ht: "Tan lapawòl" },
  "reports.figure.col.timeShare": { fr: "Part du temps", ht: "Pousantaj tan" },
  "reports.figure.col.motions": { fr: "Motions", ht: "Mosyon" },
  "reports.figure.col.share": { fr: "Part", ht: "Pousantaj" },
  "reports.figure.col.proposed": { fr: "Déposées", ht: "Depoze" },
  "reports.figure.col.shareOfMotions": { fr: "Part des motions", ht: "Pousantaj mosyon" },
  "reports.figure.col.adopted": { fr: "Adoptées", ht: "Adopte" },
  "reports.figure.col.rejected": { fr: "Rejetées", ht: "Rejte" },
  "reports.figure.col.adoptedShare": { fr: "Part adoptée", ht: "Pousantaj adopte" },
  "reports.figure.col.votes": { fr: "Votes exprimés", ht: "Vòt ki bay" },
  "reports.figure.col.eligible": { fr: "Votant·es présent·es", ht: "Moun ki te ka vote" },
  "reports.figure.col.turnout": { fr: "Participation", ht: "Patisipasyon" },
  "reports.figure.col.made": { fr: "Pris", ht: "Pran" },
  "reports.figure.col.claimedDone": { fr: "Annoncés réalisés", ht: "Yo di fèt" },
  "reports.figure.col.confirmed": { fr: "Confirmés réalisés", ht: "Konfime fèt" },
  "reports.figure.col.overdue": { fr: "En retard", ht: "An reta" },
  "reports.figure.col.confirmedShare": { fr: "Part confirmée", ht: "Pousantaj konfime" },
  "reports.figure.col.medianDays": { fr: "Délai médian", ht: "Delè medyàn" },
  "reports.figure.col.measured": { fr: "Engagements mesurés", ht: "Angajman ki mezire" },

  "reports.figure.row.total": { fr: "Ensemble", ht: "Tout ansanm" },
  "reports.figure.row.youth": { fr: "Jeunes (18–35 ans)", ht: "Jèn (18–35 an)" },
  "reports.figure.row.withDisability": { fr: "Personnes handicapées", ht: "Moun andikape" },
  "reports.figure.row.ledByWoman": { fr: "Dirigées par une femme", ht: "Yon fanm ki dirije yo" },
  "reports.figure.row.ledByYouth": { fr: "Dirigées par un·e jeune", ht: "Yon jèn ki dirije yo" },
  "reports.figure.row.proposed": { fr: "Motions déposées", ht: "Mosyon ki depoze" },
  "reports.figure.row.allPolls": { fr: "Ensemble ({count} scrutin(s))", ht: "Tout ansanm ({count} vòt)" },
  "reports.figure.row.motionToCommitment": { fr: "De la motion adoptée à l'engagement", ht: "Depi mosyon an adopte rive nan angajman an" },
  "reports.figure.row.commitmentToConfirmed": { fr: "De l'engagement à sa confirmation", ht: "Depi angajman an rive nan konfimasyon an" },
  "reports.figure.row.motionToConfirmed": { fr: "De la motion adoptée à la confirmation", ht: "Depi mosyon an adopte rive nan konfimasyon an" },

  "reports.figure.group.women": { fr: "Femmes", ht: "Fanm" },
  "reports.figure.group.men": { fr: "Hommes", ht: "Gason" },
  "reports.figure.group.sexUnstated": { fr: "Sexe non précisé", ht: "Sèks pa presize" },
  "reports.figure.group.young": { fr: "Jeunes (18–35 ans)", ht: "Jèn (18–35 an)" },
  "reports.figure.group.notYoung": { fr: "Autres âges", ht: "Lòt laj" },
} as const;
