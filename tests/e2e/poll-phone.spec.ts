import { request as playwrightRequest, type Browser, type Page } from "@playwright/test";
import { MESSAGE_COMMAND_REPLY } from "../../app/modules/realtime/commands";
import { expect, newSpace, readDb, signInAs, test } from "./fixtures";

const YEAR = new Date().getFullYear();
const SINCE = `${YEAR}-01-01`;
const TODAY = new Date().toISOString().slice(0, 10);

/** Six organisations of a space of their own, a titular delegate with an account for each; five are checked in, the sixth is not. */
const DELEGATES = [
  { name: "Anita Dorsainvil", email: "anita.vot@makon.ht" },
  { name: "Bertrand Lafontant", email: "bertrand.vot@makon.ht" },
  { name: "Clotilde Saintil", email: "clotilde.vot@makon.ht" },
  { name: "Dieunel Exantus", email: "dieunel.vot@makon.ht" },
  { name: "Esperanta Vilsaint", email: "esperanta.vot@makon.ht" },
  { name: "Fritzner Alcindor", email: "fritzner.vot@makon.ht" },
] as const;

/** Each test's own accounts: the same people, another address. */
const emailOf = (d: (typeof DELEGATES)[number], tag: string) => d.email.replace("@", `${tag}@`);

async function livePollMeeting(baseURL: string, tag = "") {
  const space = newSpace("Makòn Vòt Telefòn");
  const desk = await playwrightRequest.newContext({ baseURL });
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await desk.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302, 303]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  for (const [i, d] of DELEGATES.entries()) {
    const organisation = await form(`${space}/organisations/nouvelle`, { name: `Gwoupman Vòt ${i + 1}`, type: "base", joinedOn: SINCE });
    const organisationId = organisation.headers().location!.split("/").pop()!;
    await form(`${space}/delegues/nouveau`, {
      name: d.name,
      sex: i % 2 ? "male" : "female",
      birthYear: "1988",
      organisationId,
      seat: "titular",
      fromDate: SINCE,
      createAccount: "on",
      accountEmail: emailOf(d, tag),
      accountPassword: "vot-telefon-2026",
    });
  }
  const planned = await form(`${space}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title: "Reyinyon vòt", startsAt: `${TODAY}T09:00`, place: "Lekòl" });
  const meetingPath = planned.headers().location!;
  const meetingId = Number(meetingPath.split("/").pop());
  await form(meetingPath, { intent: "agenda-add", title: "Dlo potab", kind: "discussion", plannedMinutes: "30" });
  for (const d of DELEGATES.slice(0, 5)) {
    const candidates = await (await desk.get(`${meetingPath}/presences?q=${encodeURIComponent(d.name.split(" ")[1]!)}`)).text();
    const personId = /name="personId" value="(\d+)"/.exec(candidates)![1]!;
    await form(`${meetingPath}/presences`, { intent: "known", personId });
  }
  await form(meetingPath, { intent: "start" });
  const token = readDb((db) => (db.prepare("SELECT screen_token AS token FROM meeting_sessions WHERE meeting_id = ?").get(meetingId) as { token: string }).token);
  return { desk, form, meetingPath, meetingId, token };
}

async function phoneOf(browser: Browser, baseURL: string, email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await signInAs(page, email);
  return { context, page };
}

const votersOf = (pollId: number) =>
  readDb((db) => db.prepare("SELECT p.name, v.voted, v.choice FROM poll_voters v JOIN people p ON p.id = v.person_id WHERE v.poll_id = ? ORDER BY p.name").all(pollId) as { name: string; voted: number; choice: string | null }[]);
const countersOf = (pollId: number) => readDb((db) => db.prepare("SELECT phone_yes AS yes, phone_no AS no, phone_abstain AS abstain FROM polls WHERE id = ?").get(pollId) as { yes: number; no: number; abstain: number });

async function tapAndCount(phone: Page, choice: "Pour" | "Contre" | "Abstention") {
  await phone.getByRole("button", { name: choice, exact: true }).tap();
  await expect(phone.getByTestId("ballot-answer")).toHaveText("Votre vote a été compté.");
  // Counted: the buttons are gone, and nothing says which one was tapped.
  await expect(phone.getByRole("button", { name: choice, exact: true })).toHaveCount(0);
}

test("five phones vote in a named poll — one through a network drop, one whose answer is lost, one without JavaScript — the screen counts them and shows the result; an absent delegate is told why", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { desk, form, meetingPath, meetingId, token } = await livePollMeeting(baseURL!);

  const screenContext = await browser.newContext({ baseURL, viewport: { width: 1024, height: 768 } });
  const screen = await screenContext.newPage();
  await screen.goto(`/ecran/${token}`);
  await expect(screen.getByTestId("screen-item")).toContainText("Dlo potab");

  // Four phones with JavaScript follow the meeting before the poll opens; so does the absent delegate's.
  const phones = await Promise.all(DELEGATES.slice(0, 4).map((d) => phoneOf(browser, baseURL!, d.email)));
  const absent = await phoneOf(browser, baseURL!, DELEGATES[5].email);
  // The third phone's socket will lose the answer to its ballot on the way back, once.
  let loseNextAnswer = false;
  await phones[2]!.page.routeWebSocket(/\/realtime\//, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (loseNextAnswer && typeof message !== "string" && message[0] === MESSAGE_COMMAND_REPLY) {
        loseNextAnswer = false;
        return;
      }
      socket.send(message);
    });
  });
  for (const { page } of [...phones, absent]) {
    await page.goto(`${meetingPath}/direct`);
    await expect(page.getByTestId("phone")).toHaveAttribute("data-connected", "true");
    await expect(page.getByTestId("phone-vote")).toHaveCount(0);
  }

  await form(`${meetingPath}/console`, { intent: "poll-open", question: "Èske n dakò pou n mande CASEC la repare fontèn Roucou?", motionId: "", method: "named", majority: "simple", presenceQuorumPercent: "", turnoutQuorumPercent: "", countdownMinutes: "10" });
  const pollId = readDb((db) => (db.prepare("SELECT id FROM polls WHERE meeting_id = ? AND state = 'open'").get(meetingId) as { id: number }).id);

  // The screen: the question, the rule in words, how many have voted, the countdown; no split.
  await expect(screen.getByTestId("screen-question")).toHaveText("Èske n dakò pou n mande CASEC la repare fontèn Roucou?");
  await expect(screen.getByTestId("screen-poll")).toContainText("Majorité simple : plus de voix pour que contre");
  await expect(screen.getByTestId("screen-voted")).toHaveText("0 / 5 ont voté");
  await expect(screen.getByTestId("vote-countdown")).toContainText(/Temps restant (10:00|9:\d\d)/);

  // Each phone shows the ballot without a reload: three buttons a thumb hits, across the screen; nothing overflows.
  const [anita, bertrand, clotilde, dieunel] = phones.map((p) => p.page) as [Page, Page, Page, Page];
  await expect(anita.getByTestId("phone-question")).toHaveText("Èske n dakò pou n mande CASEC la repare fontèn Roucou?");
  await expect(anita.getByTestId("phone-voted")).toHaveText("0 sur 5 ont voté");
  for (const choice of ["Pour", "Contre", "Abstention"]) {
    const box = (await anita.getByRole("button", { name: choice, exact: true }).boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(300);
    expect(box.height).toBeGreaterThanOrEqual(56);
  }
  expect(await anita.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The absent delegate's phone says why she cannot vote, in her language, and offers no button.
  await expect(absent.page.getByTestId("ballot-answer")).toHaveText("Vous ne votez pas : vous n'êtes pas sur la liste de présence de la réunion.");
  await expect(absent.page.getByRole("button", { name: "Pour", exact: true })).toHaveCount(0);

  // Three phones vote; the count rises on the screen and the other phones.
  await tapAndCount(anita, "Pour");
  await expect(screen.getByTestId("screen-voted")).toHaveText("1 / 5 ont voté");
  await tapAndCount(bertrand, "Pour");
  await expect(screen.getByTestId("screen-voted")).toHaveText("2 / 5 ont voté");
  // Her ballot is counted but its answer never arrives: the phone keeps it, sends it again, and is told "counted".
  loseNextAnswer = true;
  await clotilde.getByRole("button", { name: "Abstention", exact: true }).tap();
  await expect(screen.getByTestId("screen-voted")).toHaveText("3 / 5 ont voté");
  await expect(clotilde.getByTestId("ballot-answer")).toHaveText("Envoi de votre vote…");
  await expect(clotilde.getByTestId("ballot-answer")).toHaveText("Votre vote a été compté.", { timeout: 15_000 });
  expect(loseNextAnswer).toBe(false);
  await expect(dieunel.getByTestId("phone-voted")).toHaveText("3 sur 5 ont voté");
  await expect(screen.getByTestId("vote-bars")).toHaveCount(0);

  // The fourth taps with no network: the ballot waits on the phone, then goes once the network is back.
  await phones[3]!.context.setOffline(true);
  await dieunel.getByRole("button", { name: "Pour", exact: true }).tap();
  await expect(dieunel.getByTestId("ballot-answer")).toHaveText("Pas de réseau : votre vote est gardé et partira dès le retour du réseau.");
  await dieunel.waitForTimeout(1_000);
  expect(votersOf(pollId).find((v) => v.name === "Dieunel Exantus")).toMatchObject({ voted: 0, choice: null });
  await phones[3]!.context.setOffline(false);
  await expect(dieunel.getByTestId("ballot-answer")).toHaveText("Votre vote a été compté.", { timeout: 20_000 });
  await expect(screen.getByTestId("screen-voted")).toHaveText("4 / 5 ont voté");
  expect(votersOf(pollId).find((v) => v.name === "Dieunel Exantus")).toMatchObject({ voted: 1, choice: "yes" });

  // The fifth has no JavaScript: the same buttons are a plain form; the page after it says the vote was counted.
  const plain = await phoneOf(browser, baseURL!, DELEGATES[4].email, { javaScriptEnabled: false });
  await plain.page.goto(`${meetingPath}/direct`);
  await expect(plain.page.getByTestId("phone-voted")).toHaveText("4 sur 5 ont voté");
  await plain.page.getByRole("button", { name: "Contre", exact: true }).click();
  await expect(plain.page.getByTestId("ballot-answer")).toHaveText("Votre vote a été compté.");
  expect(new URL(plain.page.url()).pathname).toBe(`${meetingPath}/direct`);
  await expect(screen.getByTestId("screen-voted")).toHaveText("5 / 5 ont voté");

  // Each voter counted exactly once, the phone that lost its network included.
  expect(votersOf(pollId).map((v) => [v.name, v.voted])).toEqual(DELEGATES.slice(0, 5).map((d) => [d.name, 1]));
  expect(countersOf(pollId)).toEqual({ yes: 3, no: 1, abstain: 1 });

  await form(`${meetingPath}/console`, { intent: "poll-close", pollId: String(pollId) });
  const decision = "Adoptée à la majorité simple : 3 pour, 1 contre, 1 abstention";
  await expect(screen.getByTestId("vote-decision")).toHaveText(decision);
  await expect(screen.getByTestId("vote-count-yes")).toHaveText("3");
  await expect(screen.getByTestId("vote-count-no")).toHaveText("1");
  await expect(screen.getByTestId("vote-count-abstain")).toHaveText("1");
  await expect(anita.getByTestId("vote-decision")).toHaveText(decision);
  await expect(absent.page.getByTestId("vote-decision")).toHaveText(decision);

  // On a 4:3 projector, large or small, the bars and the decision are all on the screen.
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 800, height: 600 },
  ]) {
    await screen.setViewportSize(viewport);
    for (const testid of ["vote-bars", "vote-decision"]) {
      const box = (await screen.getByTestId(testid).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
  }

  // The console puts the screen in Kreyòl: the decision is worded again, in Kreyòl.
  await form(`${meetingPath}/console`, { intent: "screen-locale", locale: "ht" });
  await expect(screen.getByTestId("vote-decision")).toHaveText("Adopte ak majorite senp: 3 pou, 1 kont, 1 abstansyon");

  await desk.dispose();
  for (const context of [screenContext, absent.context, plain.context, ...phones.map((p) => p.context)]) await context.close();
});

test("a phone online on a network that blocks WebSockets votes all the same: its ballot goes as the page's form, counted once", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { desk, form, meetingPath, meetingId } = await livePollMeeting(baseURL!, ".bloke");
  const { context, page } = await phoneOf(browser, baseURL!, emailOf(DELEGATES[0], ".bloke"));
  // Every socket is refused on the way, as some 3G proxies and captive portals do.
  await page.routeWebSocket(/\/realtime\//, (socket) => socket.close());
  await form(`${meetingPath}/console`, { intent: "poll-open", question: "Èske n dakò?", motionId: "", method: "secret", majority: "simple", presenceQuorumPercent: "", turnoutQuorumPercent: "" });
  const pollId = readDb((db) => (db.prepare("SELECT id FROM polls WHERE meeting_id = ? AND state = 'open'").get(meetingId) as { id: number }).id);
  const posts: string[] = [];
  page.on("request", (request) => request.method() === "POST" && posts.push(request.postData() ?? ""));
  await page.goto(`${meetingPath}/direct`);
  await expect(page.getByTestId("phone")).toHaveAttribute("data-connected", "false");
  await page.getByRole("button", { name: "Pour", exact: true }).tap();
  await expect(page.getByTestId("ballot-answer")).toHaveText("Votre vote a été compté.", { timeout: 20_000 });
  expect(countersOf(pollId)).toEqual({ yes: 1, no: 0, abstain: 0 });
  // One post, without an idempotency key (a secret ballot's body holds its choice).
  expect(posts).toHaveLength(1);
  expect(posts[0]).not.toContain("_cle");
  await desk.dispose();
  await context.close();
});
