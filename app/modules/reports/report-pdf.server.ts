import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ReportDocumentView } from "../../components/report-document-view";
import { translatorOf, type Messages } from "../i18n/translate";
import { cssString, type ReportDocument } from "./report-document";

/**
 * A report as a PDF: the print page's own HTML and stylesheet (cover, contents, sections on
 * new pages, page numbers from its `@page report` rules) with a running header of its own,
 * printed on A4 by a headless Chromium on this server. The contents get their page numbers from a first print:
 * Chromium writes a named destination for every link target, so the page each section starts
 * on is read back from that PDF, and the report printed again with the numbers written in.
 */

/** Debian's Chromium, or the one `CHROMIUM_PATH` names (as the browser tests use). */
const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** The whole job, queue included: past it the page is closed and the request fails. */
const RENDER_TIMEOUT_MS = 60_000;
/** Prints at once: one, on a venue laptop's two cores that also run the live meetings; the others wait their turn. */
const MAX_PARALLEL = 1;
/** Requests waiting for their turn; past them a request is answered "busy, try again" at once. */
const MAX_WAITING = 4;
/** Published versions never change: their PDFs are kept, the latest few, and not printed twice. */
const CACHE_SIZE = 20;
/** A browser left unused this long is closed, giving its memory back to the venue's laptop. */
const IDLE_CLOSE_MS = 10 * 60_000;

/**
 * What only the PDF has, after the app's stylesheet: the running header in the page's top
 * margin (Chromium paints the print page's fixed header at the foot of the page before, so it
 * is left out here), none on the cover, nor its page number; and the contents' page numbers,
 * right-aligned after a dotted leader.
 */
const pdfCss = (runningHeader: string) => `:root { --report-running-header: ${cssString(runningHeader)}; }`;


export interface ReportPdfOptions {
  /** The app's stylesheet, as text: the page is printed with no request to any server (see `builtStylesheet`). */
  css: string;
}

/**
 * The report as PDF bytes, or null when this server has no Chromium to print with (or it
 * cannot start): the caller then says PDF is unavailable. Throws when printing fails or takes
 * too long.
 */
export async function reportPdf(doc: ReportDocument, messages: Messages, options: ReportPdfOptions): Promise<Buffer | null> {
  // Looked for at every request: Chromium installed (or removed) while the server runs is taken into account.
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) return null;
  const key = doc.version !== null ? `${doc.id}:${doc.version}` : null;
  const kept = key ? printed.get(key) : undefined;
  if (kept) return kept;
  const browser = await printer(executablePath);
  if (!browser) return null;
  const deadline = Date.now() + RENDER_TIMEOUT_MS;
  await turn(deadline);
  let context: BrowserContext | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // A Chromium that hangs is not waited for again: the next print starts a new one.
        void closeReportPrinter();
        reject(new PdfUnavailable("timeout"));
      }, Math.max(0, deadline - Date.now()));
    });
    const html = reportHtml(doc, messages, options.css);
    const pdf = await Promise.race([
      timeout,
      (async () => {
        // Nothing in a report runs or is fetched: its Markdown is sanitised, and an image's web address is not loaded from the server.
        context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.route("**/*", (route) => route.abort());
        const print = async (numbers: ReadonlyMap<string, number>) => {
          await page.setContent(withContentsPages(html, numbers), { waitUntil: "load", timeout: Math.max(1, deadline - Date.now()) });
          return page.pdf({ preferCSSPageSize: true, format: "A4", printBackground: true, outline: true, tagged: true });
        };
        let pdf = await print(new Map());
        let numbers = destinationPages(pdf);
        // Numbers take room only on the contents page, which ends with a page break: one more print
        // normally agrees with the first; a contents page that overflowed is printed once more.
        for (let pass = 0; pass < 3; pass++) {
          pdf = await print(numbers);
          const found = destinationPages(pdf);
          if ([...found].every(([id, n]) => numbers.get(id) === n)) break;
          numbers = found;
        }
        return pdf;
      })(),
    ]);
    if (key) keep(key, pdf);
    return pdf;
  } finally {
    clearTimeout(timer);
    // The next print does not wait for this one's page to close (a hung Chromium may never answer).
    done();
    void (context as BrowserContext | null)?.close().catch(() => undefined);
  }
}

/** Why a PDF could not be made now: too many waiting, or printing took too long. The page says so and to try again. */
export class PdfUnavailable extends Error {
  constructor(readonly reason: "busy" | "timeout") {
    super(`report PDF unavailable: ${reason}`);
  }
}

const printed = new Map<string, Buffer>();
function keep(key: string, pdf: Buffer) {
  printed.delete(key);
  printed.set(key, pdf);
  if (printed.size > CACHE_SIZE) printed.delete(printed.keys().next().value!);
}

/** The printable page as one HTML document: the app's stylesheet inline, the report inside `main.report-print`. */
function reportHtml(doc: ReportDocument, messages: Messages, css: string): string {
  const t = translatorOf(messages);
  const page = createElement(
    "html",
    { lang: doc.locale },
    createElement(
      "head",
      null,
      createElement("meta", { charSet: "utf-8" }),
      createElement("title", null, doc.title),
      createElement("style", { dangerouslySetInnerHTML: { __html: `${css.replace(/<\/style/gi, "<\\/style")}\n${pdfCss(`${doc.title} — ${doc.scopeLabel}`)}` } }),
    ),
    createElement(
      "body",
      null,
      createElement("main", { className: "report-print" }, createElement(ReportDocumentView, { doc, t, contents: true })),
    ),
  );
  return `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
}

/** The contents' links with the page each target starts on written after a dotted leader; the rest of the page untouched. */
function withContentsPages(html: string, numbers: ReadonlyMap<string, number>): string {
  if (numbers.size === 0) return html;
  return html.replace(/<nav class="report-contents"[\s\S]*?<\/nav>/, (nav) =>
    nav.replace(/<a href="#([\w-]+)">([\s\S]*?)<\/a>/g, (link, id: string, label: string) => {
      const n = numbers.get(id);
      return n === undefined ? link : `<a href="#${id}"><span>${label}</span><span class="report-contents-leader"></span><span class="report-contents-page">${n}</span></a>`;
    }),
  );
}

/**
 * The page (from 1) each named destination of a PDF points to, read from Chromium's output:
 * its cross-reference table, the catalogue's `/Dests` dictionary and its page tree, in order.
 * Empty when the file is not laid out that way (the contents then go without numbers).
 */
function destinationPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString("latin1");
  const offsets = new Map<number, number>();
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) return new Map();
  const xref = /^xref\s+/.exec(text.slice(Number(start[1])));
  if (!xref) return new Map();
  let at = Number(start[1]) + xref[0].length;
  for (let section = /^(\d+) (\d+)\s+/.exec(text.slice(at)); section; section = /^(\d+) (\d+)\s+/.exec(text.slice(at))) {
    at += section[0].length;
    const first = Number(section[1]);
    for (let i = 0; i < Number(section[2]); i++, at += 20) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(at, at + 20));
      if (!entry) return new Map();
      if (entry[3] === "n") offsets.set(first + i, Number(entry[1]));
    }
  }
  const object = (num: number): string => {
    const offset = offsets.get(num);
    if (offset === undefined) return "";
    const body = /^\d+ \d+ obj\s*([\s\S]*?)(?:\bstream\r?\n|\bendobj\b)/.exec(text.slice(offset, offset + 200_000));
    return body ? body[1]! : "";
  };
  const ref = (dict: string, key: string): number | null => {
    const found = new RegExp(`/${key}\\s+(\\d+) \\d+ R`).exec(dict);
    return found ? Number(found[1]) : null;
  };
  const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(Number(start[1])));
  const root = trailer ? ref(trailer[1]!, "Root") : null;
  if (root === null) return new Map();
  const catalog = object(root);
  const pageIndex = new Map<number, number>();
  const walk = (num: number, depth: number) => {
    const node = object(num);
    if (depth > 32 || !/\/Type\s*\/Pages\b/.test(node)) {
      pageIndex.set(num, pageIndex.size + 1);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
    for (const kid of kids ? kids[1]!.matchAll(/(\d+) \d+ R/g) : []) walk(Number(kid[1]), depth + 1);
  };
  const pages = ref(catalog, "Pages");
  if (pages !== null) walk(pages, 0);
  const destsRef = ref(catalog, "Dests");
  const dests = destsRef !== null ? object(destsRef) : (/\/Dests\s*(<<[\s\S]*?>>)/.exec(catalog)?.[1] ?? "");
  const result = new Map<string, number>();
  for (const d of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) \d+ R/g)) {
    const page = pageIndex.get(Number(d[2]));
    if (page !== undefined) result.set(d[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), page);
  }
  return result;
}

const stylesheets = new Map<string, Promise<string>>();

/**
 * The app's built stylesheet (`import stylesUrl from "~/styles.css"` gives its address), read
 * from disk: this module runs in the server bundle, `build/index.js`, beside `public/`.
 */
export function builtStylesheet(stylesUrl: string): Promise<string> {
  let css = stylesheets.get(stylesUrl);
  if (!css) {
    css = readFile(new URL(`../public${stylesUrl}`, import.meta.url), "utf8");
    stylesheets.set(stylesUrl, css);
    css.catch(() => stylesheets.delete(stylesUrl));
  }
  return css;
}

// One browser for every request, started on the first and closed when idle; Playwright kills it when the process exits.
let browser: Promise<Browser | null> | null = null;
let idle: NodeJS.Timeout | undefined;
let running = 0;
const waiting: (() => void)[] = [];

async function printer(executablePath: string): Promise<Browser | null> {
  clearTimeout(idle);
  if (!browser) {
    // The server handles its own signals: Playwright's handlers would exit the process under it.
    const launched = chromium.launch({ executablePath, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, timeout: 30_000 }).then(
      (b) => {
        b.on("disconnected", () => {
          if (browser === launched) browser = null;
        });
        return b;
      },
      (error: unknown) => {
        console.error(JSON.stringify({ event: "report.pdf.chromium-failed", executablePath, error: String(error) }));
        if (browser === launched) browser = null;
        return null;
      },
    );
    browser = launched;
  }
  return browser;
}

/** Waits for one of the `MAX_PARALLEL` turns, or throws at the deadline. */
async function turn(deadline: number): Promise<void> {
  if (running < MAX_PARALLEL) {
    running++;
    return;
  }
  if (waiting.length >= MAX_WAITING) throw new PdfUnavailable("busy");
  await new Promise<void>((resolve, reject) => {
    const go = () => {
      clearTimeout(timer);
      running++;
      resolve();
    };
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(go), 1);
      reject(new PdfUnavailable("busy"));
    }, Math.max(0, deadline - Date.now()));
    waiting.push(go);
  });
}

function done() {
  running--;
  const next = waiting.shift();
  if (next) next();
  else if (running === 0) {
    clearTimeout(idle);
    idle = setTimeout(() => void closeReportPrinter(), IDLE_CLOSE_MS);
    idle.unref();
  }
}

/** Closes the browser if one runs (tests; the server process's exit closes it anyway). */
export async function closeReportPrinter(): Promise<void> {
  clearTimeout(idle);
  const current = browser;
  browser = null;
  await (await current)?.close().catch(() => undefined);
}
