import type { IncomingHttpHeaders } from "node:http";
import { MAX_EVIDENCE_FILES, MAX_PHOTO_BYTES } from "../app/modules/evidence/limits";

/**
 * What every HTTP request goes through before Remix sees it: its cookies made readable, its
 * body bounded and well-formed, its origin checked when it changes something. Pure functions
 * of the request's parts, so each rule is tested on its own.
 */

/** Drops the cookie pairs that no one could read (`other=%zz`): a stray cookie set by another
 * app on the same host must not make every page, sign-in included, fail. */
export function readableCookieHeader(header: string | undefined): string | undefined {
  if (!header) return header;
  const kept = header
    .split(";")
    .map((part) => part.trim())
    .filter((part) => {
      if (!part) return false;
      const at = part.indexOf("=");
      if (at <= 0) return false;
      try {
        decodeURIComponent(part.slice(at + 1));
        return true;
      } catch {
        return false;
      }
    });
  return kept.join("; ");
}

const KB = 1024;
const SMALL_BODY = 16 * KB;
/** A commitment's update with its largest evidence (three full-size photos) and its fields. */
const EVIDENCE_BODY = MAX_EVIDENCE_FILES * MAX_PHOTO_BYTES + 2 * KB * KB;

/**
 * How large a request body a path may receive: a sign-in is a few fields, an import a file.
 * The path is taken as the router will read it: decoded, without the `.data` of a script's
 * request or a trailing slash.
 */
export function bodyLimitFor(pathname: string): number {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return SMALL_BODY;
  }
  path = path.replace(/\.data$/, "").replace(/\/+$/, "") || "/";
  if (path === "/connexion" || path === "/langue" || path === "/deconnexion") return SMALL_BODY;
  if (/^\/espaces\/\d+\/import$/.test(path)) return 2 * KB * KB;
  if (/^\/espaces\/\d+\/engagements\/\d+$/.test(path)) return EVIDENCE_BODY;
  return 256 * KB;
}


/** More fields than any of our forms has, by far (a paper sheet of 25 lines is about 200). */
export const MAX_FORM_FIELDS = 2_000;

export type BodyKind = "empty" | "urlencoded" | "multipart" | "unsupported";

/** Forms post URL-encoded fields or, for a file, multipart with its boundary; nothing else is taken. */
export function bodyKind(contentType: string | undefined, length: number): BodyKind {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (!type) return length === 0 ? "empty" : "unsupported";
  if (type === "application/x-www-form-urlencoded") return "urlencoded";
  if (type === "multipart/form-data") return /;\s*boundary=("?)[^";]+\1/i.test(contentType ?? "") ? "multipart" : "unsupported";
  return "unsupported";
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function changesState(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/**
 * A state-changing request sent by a page of another origin (another site, or another port of
 * this host, which the cookie's SameSite does not tell apart). Browsers name the page that
 * sent a form in `Sec-Fetch-Site` and `Origin` (and `Referer`); a client that sends none of
 * them is not a browser acting on someone's cookie.
 */
export function crossOrigin(headers: IncomingHttpHeaders, host: string): boolean {
  const site = headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "same-origin" && site !== "none") return true;
  const origin = headers.origin;
  if (typeof origin === "string") return hostOf(origin) !== host.toLowerCase();
  const referer = headers.referer;
  if (typeof referer === "string") return hostOf(referer) !== host.toLowerCase();
  return false;
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The headers every response carries; a page's nonce lets Remix's own inline scripts run. */
export function securityHeaders(nonce?: string): Record<string, string> {
  const policy = [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "style-src 'self'",
    // The figures' bars set their width inline; no style element is inline.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": policy,
    "X-Content-Type-Options": "nosniff",
    // The shared screen's address holds its token: no other site is told where a visitor came from.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
