import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { screenTokenFrom } from "./screen-link";

/** A new shared screen's token, from the system's random source. */
export function newScreenToken(): string {
  for (;;) {
    // 24 bytes nearly always hold 12 usable ones (each is kept with probability 248/256).
    const token = screenTokenFrom(randomBytes(24));
    if (token) return token;
  }
}

/**
 * A QR code of the shared screen's full link, drawn on the server as SVG and sent as a
 * data: image (the CSP allows `img-src 'self' data:`, no inline script or style).
 */
export async function screenLinkQr(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
