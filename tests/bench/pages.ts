import { chromium, type Browser } from "@playwright/test";

export interface PageResult {
  page: string;
  /** Compressed bytes on the wire, by kind. */
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  /** From navigation until the current agenda item is on screen. */
  itemVisibleMs: number;
  /** When the page's own script has run and opened its live connection. */
  interactiveMs: number;
  /** Whether the ask-to-speak form was there before the script ran. */
  usableBeforeJs: boolean | null;
}

/** The slow profile: 700 kbps both ways, 300 ms round trip, a phone's CPU four times slower. */
const PROFILE = { latency: 300, downloadThroughput: (700 * 1000) / 8, uploadThroughput: (700 * 1000) / 8 };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

export async function loadOnSlowNetwork(
  browser: Browser,
  input: { baseURL: string; name: string; path: string; cookie?: string; itemSelector: string; askButton?: string; viewport: { width: number; height: number } },
): Promise<PageResult> {
  const context = await browser.newContext({ baseURL: input.baseURL, viewport: input.viewport });
  if (input.cookie) {
    const [name, value] = input.cookie.split("=");
    await context.addCookies([{ name: name!, value: value!, url: input.baseURL }]);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...PROFILE });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const types = new Map<string, string>();
  const bytes = { Document: 0, Stylesheet: 0, Script: 0 } as Record<string, number>;
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    const type = types.get(e.requestId);
    if (type && type in bytes) bytes[type]! += e.encodedDataLength;
  });
  const started = performance.now();
  const interactive = page.waitForEvent("websocket", { timeout: 60_000 }).then(() => performance.now() - started);
  await page.goto(input.path, { waitUntil: "commit", timeout: 60_000 });
  await page.locator(input.itemSelector).waitFor({ state: "visible", timeout: 60_000 });
  const itemVisibleMs = performance.now() - started;
  const usableBeforeJs = input.askButton ? await page.getByRole("button", { name: input.askButton }).isVisible() : null;
  const interactiveMs = await interactive;
  await page.waitForLoadState("load");
  await context.close();
  return {
    page: input.name,
    htmlBytes: bytes.Document!,
    cssBytes: bytes.Stylesheet!,
    jsBytes: bytes.Script!,
    itemVisibleMs,
    interactiveMs,
    usableBeforeJs: usableBeforeJs === null ? null : usableBeforeJs && itemVisibleMs < interactiveMs,
  };
}
