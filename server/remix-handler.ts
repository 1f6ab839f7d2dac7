import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { createRequestHandler as remixRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { readCookie, LANGUAGE_COOKIE } from "../app/modules/i18n/i18n.server";
import { chooseLocale } from "../app/modules/i18n/negotiate";
import { translate } from "../app/modules/i18n/catalog.server";
import type { MessageKey } from "../app/modules/i18n/translate";
import { bodyKind, bodyLimitFor, changesState, crossOrigin, MAX_FORM_FIELDS, readableCookieHeader, securityHeaders } from "./request-guards";
import { ANSWER_PARAM } from "../app/modules/idempotency";
import { answerLocation, bodyFingerprint, keptHeaders, keyOf, type IdempotencyStore, type StoredAnswer } from "./idempotency";

export type LoadContextFor = (req: ExpressRequest, res: ExpressResponse, nonce: string) => Promise<AppLoadContext>;

/**
 * Our own Express adapter for Remix, in place of the stock one: it reads a request's body
 * itself, bounded by the path's limit and checked as a form before any action parses it, so a
 * huge, truncated or foreign body is answered with a 4xx in the reader's language and never
 * reaches an action; it refuses cross-origin writes; it applies a form sent twice once
 * (`idempotency.ts`), and sends a browser without JavaScript, after its post, to read the
 * page it produced (post/redirect/get); and it gives each page its CSP nonce.
 */
export function createRemixHandler(options: { build: ServerBuild; mode?: string; loadContext: LoadContextFor; idempotency: IdempotencyStore }) {
  const handle = remixRequestHandler(options.build, options.mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const nonce = randomBytes(16).toString("base64");
      res.set(securityHeaders(nonce));
      if (req.headers.cookie !== undefined) req.headers.cookie = readableCookieHeader(req.headers.cookie);
      const url = requestUrl(req);
      if (!url) return refuse(req, res, 400, "error.request.malformed");
      if (changesState(req.method) && crossOrigin(req.headers, url.host)) return refuse(req, res, 403, "error.request.crossOrigin");

      let body: Buffer | null = null;
      if (req.method !== "GET" && req.method !== "HEAD") {
        const limit = bodyLimitFor(url.pathname);
        const read = await readBody(req, limit);
        if (read === "too_large") return refuse(req, res, 413, "error.request.tooLarge", { close: true });
        if (read === "aborted") return void res.destroy();
        const kind = bodyKind(req.headers["content-type"], read.length);
        if (kind === "unsupported") return refuse(req, res, 415, "error.request.unsupported");
        if (kind !== "empty") {
          const fields = await countFields(kind, req.headers["content-type"]!, read);
          if (fields === null) return refuse(req, res, 400, "error.request.malformed");
          if (fields > MAX_FORM_FIELDS) return refuse(req, res, 413, "error.request.tooLarge");
        }
        body = read;
      }

      const context = await options.loadContext(req, res, nonce);
      const userId = context.current?.user.id ?? null;
      // The page a post produced is a document; a script's data request from that address is
      // answered as any other (it would otherwise get HTML where it expects data).
      const answerKey = req.method === "GET" && !isDataRequest(url) ? url.searchParams.get(ANSWER_PARAM) : null;
      if (answerKey) {
        const page = options.idempotency.page(answerKey, userId);
        // Read once more after a refresh; gone (a day later, or another browser), the page as it is now.
        if (page) return send(res, page);
        url.searchParams.delete(ANSWER_PARAM);
        return void res.redirect(303, url.pathname + url.search);
      }

      const key = body && changesState(req.method) ? keyOf(req.headers["content-type"], body) : null;
      const path = url.pathname + url.search;
      const begun = key ? await options.idempotency.begin(key, bodyFingerprint(req.headers["content-type"], body!), userId, req.method, path, Date.now()) : null;
      if (begun?.kind === "replay") return send(res, begun.answer);
      if (begun?.kind === "unknown") return refuse(req, res, 409, "error.request.unknownOutcome");
      const rowKey = begun?.kind === "run" ? begun.rowKey : null;

      const controller = new AbortController();
      let finished = false;
      res.on("finish", () => (finished = true));
      res.on("close", () => finished || controller.abort());
      const request = new Request(url.href, {
        method: req.method,
        headers: headersOf(req),
        signal: controller.signal,
        ...(body ? { body: new Uint8Array(body) } : {}),
      });
      let response: Response;
      try {
        response = await handle(request, context);
      } catch (error) {
        if (rowKey) options.idempotency.finish(rowKey, { kind: "unknown" });
        throw error;
      }
      if (!rowKey) {
        res.status(response.status);
        for (const [name, value] of response.headers.entries()) res.append(name, value);
        if (response.body) await writeReadableStreamToWritable(response.body, res);
        else return void res.end();
        return;
      }
      const answer: StoredAnswer = { status: response.status, headers: keptHeaders(response.headers, res.get("Content-Security-Policy")), body: await response.text() };
      const setsCookie = response.headers.has("set-cookie");
      options.idempotency.finish(rowKey, setsCookie ? { kind: "forget" } : { kind: "answer", answer, path });
      const documentPost = !isDataRequest(url);
      if (documentPost && !setsCookie && answer.status >= 200 && answer.status < 300 && /text\/html/.test(response.headers.get("content-type") ?? "")) {
        // Post/redirect/get: a refresh reads this answer again instead of posting again.
        return void res.redirect(303, answerLocation(url, rowKey));
      }
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      res.end(compressedWhole(req, res, answer.body));
    } catch (error) {
      next(error);
    }
  };
}

/** A script's request for a route's data (Remix's single fetch, or its older `_data`), not a document. */
const isDataRequest = (url: URL) => /\.data$/.test(url.pathname) || url.searchParams.has("_data");

/** Below this, an answer goes out as it is (compressing saves less than the headers weigh). */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A keyed post's answer (a check-in at the door, a ballot form, any form), which we hold whole,
 * compressed in one call. Through the compression middleware's stream each answer set up a
 * brotli encoder with a window sized for megabytes: the largest single cost of a door's
 * check-in in its profile (about 0.3 ms of 3.5). Sized to the answer, in one call, it costs
 * tens of microseconds. The middleware leaves an answer that says its encoding as it is.
 */
export function compressedWhole(req: ExpressRequest, res: ExpressResponse, body: string): string | Buffer {
  const bytes = Buffer.byteLength(body);
  // Already encoded, or asked to go as it is: as the middleware, leave it.
  if (bytes < COMPRESS_FROM_BYTES || res.get("Content-Encoding") || /\bno-transform\b/i.test(res.get("Cache-Control") ?? "")) return body;
  // Brotli when it is taken at all, as the middleware prefers it; gzip otherwise.
  const encoding = req.acceptsEncodings("br") === "br" ? "br" : req.acceptsEncodings("gzip") === "gzip" ? "gzip" : null;
  if (!encoding) return body;
  // Quality 4, as the middleware's.
  const compressed = encoding === "br" ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes } }) : gzipSync(body);
  res.vary("Accept-Encoding");
  res.set({ "Content-Encoding": encoding, "Content-Length": String(compressed.length) });
  return compressed;
}

function send(res: ExpressResponse, answer: StoredAnswer): void {
  res.status(answer.status);
  for (const [name, value] of answer.headers) res.set(name, value);
  res.end(answer.body);
}

function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

/**
 * The URL Remix sees: the host as the configured proxies vouch for it (with its port, which
 * Express's `req.hostname` drops), the path as asked.
 */
function requestUrl(req: ExpressRequest): URL | null {
  const trusted = (req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean)(req.socket.remoteAddress, 0);
  const forwarded = trusted ? req.get("X-Forwarded-Host")?.split(",")[0]!.trim() : undefined;
  const host = forwarded || req.get("host");
  if (!host) return null;
  try {
    const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
    return url.host ? url : null;
  } catch {
    return null;
  }
}

/** The body, up to `limit` bytes; a declared or actual larger one is not read further. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too_large" | "aborted"> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve("too_large");
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: Buffer | "too_large" | "aborted") => {
      if (done) return;
      done = true;
      req.off("data", onData);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        return finish("too_large");
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => finish(Buffer.concat(chunks, size)));
    req.once("aborted", () => finish("aborted"));
    req.once("error", () => finish("aborted"));
  });
}

/**
 * How many fields a form body holds, or null when it cannot be read as a form (a truncated
 * multipart body…). URL-encoded fields always parse: counting separators is enough, and
 * far cheaper than parsing them twice on the door's hottest form. A multipart body (an
 * import's file) is parsed once here, so a broken one never reaches the action.
 */
async function countFields(kind: "urlencoded" | "multipart", contentType: string, body: Buffer): Promise<number | null> {
  if (kind === "urlencoded") {
    let count = body.length > 0 ? 1 : 0;
    for (let at = body.indexOf(0x26); at !== -1; at = body.indexOf(0x26, at + 1)) count++;
    return count;
  }
  try {
    const form = await new Request("http://form.invalid/", { method: "POST", headers: { "Content-Type": contentType }, body: new Uint8Array(body) }).formData();
    let count = 0;
    for (const _ of form.keys()) count++;
    return count;
  } catch {
    return null;
  }
}

function localeOf(req: ExpressRequest) {
  return chooseLocale({ cookieLocale: readCookie(req.headers.cookie ?? null, LANGUAGE_COOKIE), acceptLanguage: req.headers["accept-language"] ?? null });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A short page in the reader's language saying why the request was refused. */
export function refuse(req: ExpressRequest, res: ExpressResponse, status: number, key: MessageKey, options: { close?: boolean } = {}): void {
  const locale = localeOf(req);
  const message = escapeHtml(translate(locale, key));
  const home = escapeHtml(translate(locale, "error.page.home"));
  if (options.close) res.set("Connection", "close");
  res
    .status(status)
    .type("html")
    .send(`<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title><h1>${message}</h1><p><a href="/">${home}</a></p></html>`);
}

/** The last resort: whatever went wrong, the reader gets a page in their language and no stack trace. */
export function errorPage(error: unknown, req: ExpressRequest, res: ExpressResponse, log: (event: string, details: Record<string, unknown>) => void): void {
  log("http.error", { method: req.method, path: req.path, reason: error instanceof Error ? error.message : String(error) });
  if (res.headersSent) return void res.destroy();
  const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) return refuse(req, res, status, "error.request.malformed");
  refuse(req, res, 500, "error.page.generic");
}
