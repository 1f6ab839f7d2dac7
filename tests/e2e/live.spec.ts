import { expect, importCsv, signInAs, test } from "./fixtures";

const SPACE = "/espaces/2";

test("a delegate asks to speak from a phone, the console gives the floor, the shared screen follows and survives a reload", async ({ browser, baseURL }) => {
  const consoleContext = await browser.newContext({ baseURL });
  const screenContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const desk = await consoleContext.newPage();
  const screen = await screenContext.newPage();
  const phone = await phoneContext.newPage();

  // The register: two organisations, a delegate with an account, another without.
  await signInAs(desk, "admin@makon.ht");
  await importCsv(desk, SPACE, "Des organisations", "Nom;Type\nFanm Vanyan Ptit Ans;Groupement de femmes\nKonbit Jèn Ptit Ans;Association de jeunes\n");
  await importCsv(desk, SPACE, "Des délégué·es", "Nom;Sexe;Année de naissance;Organisation;Siège\nWilson Pierre;H;1970;Konbit Jèn Ptit Ans;titulaire\nJacques Noël;H;1965;Fanm Vanyan Ptit Ans;suppléant\n");
  await desk.goto(`${SPACE}/delegues/nouveau`);
  await desk.getByLabel("Nom et prénom").fill("Mirlande Joseph");
  await desk.getByLabel("Sexe").selectOption("female");
  await desk.getByLabel("Année de naissance").fill("2001");
  await desk.getByLabel("Organisation").selectOption({ label: "Fanm Vanyan Ptit Ans" });
  await desk.getByLabel("Créer un compte pour cette personne").check();
  await desk.getByLabel("Courriel").fill("mirlande@makon.ht");
  await desk.getByLabel("Mot de passe provisoire").fill("mirlande-2026");
  await desk.getByRole("button", { name: "Inscrire le ou la délégué·e" }).click();
  await expect(desk).toHaveURL(new RegExp(`${SPACE}$|${SPACE}\\?`));

  // A meeting with two points; three people ticked at the door; the session opens.
  await desk.goto(`${SPACE}/reunions/nouvelle`);
  await desk.getByLabel("Titre").fill("Reyinyon Ptit Ans");
  await desk.getByRole("button", { name: "Planifier la réunion" }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Reyinyon Ptit Ans");
  const meetingUrl = new URL(desk.url()).pathname;
  for (const title of ["Dlo potab", "Lekòl"]) {
    await desk.getByLabel("Point", { exact: true }).fill(title);
    await desk.getByLabel("Durée prévue (minutes)").fill("20");
    await desk.getByRole("button", { name: "Ajouter le point" }).click();
    await expect(desk.getByTestId("agenda")).toContainText(title);
  }
  await desk.goto(`${meetingUrl}/presences`);
  // By name: other specs' people of this space are candidates too.
  for (const [i, name] of ["Mirlande Joseph", "Wilson Pierre", "Jacques Noël"].entries()) {
    await desk.getByTestId("candidates").getByRole("button", { name: new RegExp(name) }).click();
    await expect(desk.getByTestId("present-count")).toHaveText(String(i + 1));
  }
  await desk.goto(meetingUrl);
  await desk.getByRole("button", { name: "Ouvrir la séance" }).click();
  await desk.getByRole("link", { name: "Console d'animation" }).click();
  await expect(desk.getByTestId("console-connection")).toHaveText("En direct");
  // Once live, the console's actions go on its socket, not as form posts.
  const posts: string[] = [];
  desk.on("request", (request) => request.method() === "POST" && posts.push(request.url()));
  const screenLink = await desk.getByTestId("screen-link").getAttribute("href");

  // The projector opens the link, signed in as nobody.
  await screen.goto(screenLink!);
  await expect(screen.getByTestId("screen-item")).toContainText("Dlo potab");
  await expect(screen.getByTestId("screen-speaker")).toContainText("Personne ne parle.");

  // The delegate asks to speak on a small phone.
  await signInAs(phone, "mirlande@makon.ht");
  await phone.goto(`${meetingUrl}/direct`);
  await expect(phone.getByTestId("phone-item")).toContainText("Dlo potab");
  await phone.getByRole("button", { name: "Demander la parole" }).tap();
  await expect(phone.getByTestId("my-place")).toHaveText("Demande envoyée : en attente de l'animateur·rice.");

  // The console sees the request without a reload, accepts it and gives the floor.
  await desk.getByRole("button", { name: "Accepter la demande de Mirlande Joseph" }).click();
  await expect(phone.getByTestId("my-place")).toHaveText("Vous êtes n° 1 dans la file.");
  await expect(screen.getByTestId("screen-next")).toContainText("Mirlande Joseph");
  await desk.getByRole("button", { name: "Donner la parole à Mirlande Joseph" }).click();
  await expect(screen.getByTestId("screen-speaker")).toContainText("Mirlande Joseph", { timeout: 1_000 });
  await expect(screen.getByTestId("countdown")).toHaveText(/^[23]:\d\d$/);
  await expect(phone.getByTestId("my-place")).toHaveText("C'est à vous !");
  // Her running turn already counts in the parity bar: one turn of one, by a woman, a young one.
  await expect(screen.getByTestId("sex-turns")).toHaveText("1 / 1");
  await expect(screen.getByTestId("age-turns")).toHaveText("1 / 1");
  await expect(screen.getByTestId("sex-time")).toContainText("100");

  // Another speaker from the attendance; the screen is reloaded mid-turn and shows the same state.
  await desk.getByLabel("Inscrire sur la liste").selectOption({ label: "Wilson Pierre · Konbit Jèn Ptit Ans" });
  await desk.getByRole("button", { name: "Inscrire sur la liste" }).click();
  await desk.getByRole("button", { name: "Donner la parole à Wilson Pierre" }).click();
  await expect(screen.getByTestId("screen-speaker")).toContainText("Wilson Pierre", { timeout: 1_000 });
  await expect(screen.getByTestId("sex-turns")).toHaveText("1 / 2");
  await screen.reload();
  await expect(screen.getByTestId("screen-speaker")).toContainText("Wilson Pierre");
  await expect(screen.getByTestId("sex-turns")).toHaveText("1 / 2");
  await expect(screen.getByTestId("countdown")).toHaveText(/^[23]:\d\d$/);

  // A network drop on the projector: it comes back by itself with what changed meanwhile.
  await screenContext.setOffline(true);
  await desk.getByRole("button", { name: "Arrêter le tour de parole" }).click();
  await expect(desk.getByTestId("console-speaker")).toContainText("Personne ne parle.");
  await screenContext.setOffline(false);
  await expect(screen.getByTestId("screen-speaker")).toContainText("Personne ne parle.", { timeout: 15_000 });

  // The console chooses the screen's language and what it shows.
  await desk.getByRole("button", { name: "Écran en Kreyòl" }).click();
  await expect(screen.getByTestId("screen-speaker")).toContainText("Pèsonn p ap pale.");
  await expect(screen.locator("html")).toHaveAttribute("lang", "ht");
  await desk.getByLabel("Message à afficher à l'écran (ou texte d'une motion)").fill("Poz 10 minit");
  await desk.getByRole("button", { name: "Afficher à l'écran" }).click();
  await expect(screen.getByTestId("screen-message")).toHaveText("Poz 10 minit");

  expect(posts).toEqual([]);

  // Closing keeps the turns: the printable page has the speaking record.
  await desk.goto(meetingUrl);
  await desk.getByRole("button", { name: "Clore la séance" }).click();
  await desk.getByRole("button", { name: "Oui, clore la séance" }).click();
  await desk.getByRole("link", { name: "Version imprimable" }).click();
  await expect(desk.getByTestId("speaking-record")).toContainText("Prises de parole (2)");
  await expect(desk.getByTestId("speaking-record")).toContainText("Mirlande Joseph");

  await consoleContext.close();
  await screenContext.close();
  await phoneContext.close();
});
