import { networkInterfaces } from "node:os";

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The address phones should be given (a QR code, a printed link): the configured public
 * address when there is one; else the address the request came to — except that a venue
 * laptop opened at `localhost` would print links no phone can reach, so a loopback host is
 * replaced by the machine's first address on its local network (its port kept).
 */
export function publicOrigin(requestUrl: string, configured: string | undefined, lanAddresses: readonly string[]): string {
  if (configured) return new URL(configured).origin;
  const url = new URL(requestUrl);
  const lan = lanAddresses[0];
  if (LOOPBACK.test(url.hostname) && lan) url.hostname = lan;
  return url.origin;
}

/** This machine's IPv4 addresses on its networks (not loopback), as the OS lists them. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === "IPv4" && !a.internal)
    .map((a) => a.address);
}
