/**
 * Which domains' messages a page shows, from its path: the layout ships only those, in the
 * page's language only. A page that shows a domain not listed here shows ⟦keys⟧, which the
 * page sweep test (tests/integration/pages.test.ts) catches.
 */
export const MESSAGE_DOMAINS = ["common", "geography", "spaces", "organisations", "people", "users", "meetings", "live", "console", "motions", "polls", "commitments", "evidence", "reports"] as const;
export type MessageDomain = (typeof MESSAGE_DOMAINS)[number];

export function domainsForPath(path: string): MessageDomain[] {
  // Routes match whatever the case; so do their messages.
  const pathname = path.toLowerCase();
  // A delegate's phone on 3G: the live meeting's words only.
  if (/^\/espaces\/[^/]+\/reunions\/[^/]+\/direct\/?$/.test(pathname)) return ["common", "live", "polls"];
  if (/^\/espaces\/[^/]+\/reunions\/[^/]+\/console\/?$/.test(pathname)) return ["common", "meetings", "live", "console", "polls", "motions", "commitments"];
  // The shared screen carries its own messages, in both languages (the console switches it).
  if (pathname.startsWith("/ecran/")) return ["common"];
  // A delegate's phone checking in from the meeting's link or QR code.
  if (pathname.startsWith("/arrivee/")) return ["common", "meetings"];
  // The accountability board and a commitment's page: read on phones over 3G, by the public too.
  if (/^\/espaces\/[^/]+\/engagements(\/\d+)?\/?$/.test(pathname)) return ["common", "commitments", "evidence", "motions"];
  if (pathname.startsWith("/espaces/")) return ["common", "spaces", "organisations", "people", "meetings", "live", "console", "users", "motions", "polls", "commitments", "evidence"];
  // The public accountability board of a commune, and an official's own commitments.
  if (pathname.startsWith("/redevabilite/") || pathname.startsWith("/mes-engagements")) return ["common", "commitments", "evidence", "motions"];
  // Reports: their figures name meeting kinds, motion themes and states, commitment states, organisation types.
  if (pathname.startsWith("/rapports")) return ["common", "reports", "meetings", "motions", "polls", "commitments", "organisations", "spaces"];
  if (pathname.startsWith("/geographie")) return ["common", "geography", "spaces"];
  if (pathname.startsWith("/admin") || pathname.startsWith("/compte")) return ["common", "users", "people", "spaces"];
  if (pathname === "/" || pathname === "") return ["common", "spaces", "live"];
  return ["common"];
}

export const domainsKey = (pathname: string): string => domainsForPath(pathname).join(",");
