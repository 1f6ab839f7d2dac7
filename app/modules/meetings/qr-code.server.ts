import QRCode from "qrcode";

/**
 * A QR code drawn on the server as one SVG path: no canvas, no script, nothing to load on a
 * phone; the page (or the printed sheet) carries it inline. Medium error correction survives
 * a creased or smudged sheet.
 */
export interface QrCode {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Dark modules as runs: "M x y h n v1 h -n z" per run. */
  path: string;
}

// The same links are drawn again and again (the door's page comes back after each check-in).
const drawn = new Map<string, QrCode>();
const KEEP = 256;

export function qrCode(text: string): QrCode {
  const known = drawn.get(text);
  if (known) return known;
  const qr = draw(text);
  if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value!);
  drawn.set(text, qr);
  return qr;
}

function draw(text: string): QrCode {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  let path = "";
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules.get(y, x)) x++;
      path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
    }
  }
  return { size, path };
}
