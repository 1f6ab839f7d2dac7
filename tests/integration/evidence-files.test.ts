import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  cleanFileName,
  discardEvidence,
  evidenceDir,
  evidenceResponse,
  namesOf,
  storeEvidence,
  storeEvidenceFiles,
  sweepUnrecordedEvidence,
  type StoredEvidence,
} from "../../app/modules/evidence/evidence-files.server";
import { evidenceMessages } from "../../app/modules/evidence/evidence.messages";
import { EVIDENCE_CODES, evidenceMessage, evidenceMessageParams } from "../../app/modules/evidence/messages";
import { fill } from "../../app/modules/i18n/translate";
import { tempDir } from "../setup/temp-dir";

/** Evidence files as a phone sends them, stored in a real data folder: what is kept, what is refused, how it is served. */
let dir: { path: string; remove: () => void };
beforeEach(() => (dir = tempDir("makon-evidence-")));
afterEach(() => dir.remove());

const stored = () => (existsSync(evidenceDir(dir.path)) ? readdirSync(evidenceDir(dir.path)).sort() : []);
const fileOf = (bytes: Uint8Array | Buffer | string, name: string, type: string) => new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });
const read = (name: string) => readFileSync(join(evidenceDir(dir.path), name));
const must = <T,>(result: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!result.ok) throw new Error(result.code);
  return result.value;
};

/** A photo-like picture (smooth, as a camera's): red in its top-left corner, to see which way it was turned. */
function picture(width: number, height: number): sharp.Sharp {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      const corner = x < width / 4 && y < height / 4;
      pixels[at] = corner ? 230 : Math.round((x / width) * 120);
      pixels[at + 1] = corner ? 20 : Math.round((y / height) * 160) + 60;
      pixels[at + 2] = corner ? 20 : 140;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** Where a phone puts its position: the GPS sub-directory of the EXIF block, with latitude and longitude. */
const GPS = { GPSLatitudeRef: "N", GPSLatitude: "19/1 45/1 3050/100", GPSLongitudeRef: "W", GPSLongitude: "72/1 12/1 1520/100" };

/** The GPS tags of an EXIF block (as sharp's metadata gives it), read from its TIFF structure. */
function gpsTags(exif: Buffer): Map<number, number[] | string> {
  const tiff = exif.subarray(exif.indexOf("Exif\0\0", 0, "latin1") + 6);
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12);
  const gpsPointer = entries(u32(4)).find((entry) => u16(entry) === 0x8825);
  const tags = new Map<number, number[] | string>();
  if (gpsPointer === undefined) return tags;
  for (const entry of entries(u32(gpsPointer + 8))) {
    const [tag, type, count] = [u16(entry), u16(entry + 2), u32(entry + 4)];
    if (type === 2) tags.set(tag, tiff.toString("latin1", entry + 8, entry + 8 + count - 1));
    // Unsigned rationals (degrees, minutes, seconds), stored at an offset.
    if (type === 5) tags.set(tag, Array.from({ length: count }, (_, i) => u32(u32(entry + 8) + i * 8) / u32(u32(entry + 8) + i * 8 + 4)));
  }
  return tags;
}

async function phonePhoto(): Promise<Buffer> {
  // As a phone held upright saves it: the sensor's landscape pixels, with "turn 90° clockwise" in EXIF.
  return picture(2400, 1800)
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: "TECNO", Model: "CAMON 20" }, IFD3: GPS })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

describe("storing a photo", () => {
  it("keeps no metadata of a phone photo that has its GPS position, turns it upright and makes a small thumbnail", async () => {
    const input = await phonePhoto();
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(gpsTags(before.exif!).get(2)).toEqual([19, 45, 30.5]);
    expect(gpsTags(before.exif!).get(1)).toBe("N");

    const result = await storeEvidence(fileOf(input, "IMG_20260314_101500.jpg", "image/jpeg"), dir.path);
    expect(result.ok).toBe(true);
    const value = (result as { value: StoredEvidence }).value;
    expect(value).toMatchObject({ kind: "photo", mime: "image/jpeg", width: 1200, height: 1600, originalName: "IMG_20260314_101500.jpg" });
    expect(value.file).toMatch(/^[0-9a-f]{32}\.jpg$/);
    expect(value.thumb).toBe(value.file.replace(".jpg", "-t.jpg"));
    // Nothing else in the folder: no temporary file left, the uploader's name nowhere.
    expect(stored()).toEqual([value.file, value.thumb].sort());

    for (const name of [value.file, value.thumb!]) {
      const bytes = read(name);
      const meta = await sharp(bytes).metadata();
      expect({ name, format: meta.format, exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, icc: meta.icc, orientation: meta.orientation }).toEqual({
        name,
        format: "jpeg",
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        icc: undefined,
        orientation: undefined,
      });
      expect(bytes.includes("Exif")).toBe(false);
      expect(bytes.includes("TECNO")).toBe(false);
    }
    expect(value.bytes).toBe(read(value.file).length);

    // Turned clockwise: the red corner, top left on the sensor, is now top right.
    const { data, info } = await sharp(read(value.file)).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(pixel(info.width - 20, 20)[0]).toBeGreaterThan(200);
    expect(pixel(20, 20)[0]).toBeLessThan(100);

    const thumb = read(value.thumb!);
    const thumbMeta = await sharp(thumb).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([180, 240]);
    expect(thumb.length).toBeLessThan(20 * 1024);
  });

  it("never enlarges a small picture, gives a transparent PNG a white background, and takes WebP", async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const result = await storeEvidence(fileOf(png, "schema.png", "image/png"), dir.path);
    expect(result.ok && result.value).toMatchObject({ width: 300, height: 200, mime: "image/jpeg" });
    const { data } = await sharp(read((result as { value: StoredEvidence }).value.file)).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)].every((channel) => channel > 240)).toBe(true);

    const webp = await picture(2000, 1000).webp().toBuffer();
    const stored = await storeEvidence(fileOf(webp, "route.webp", "image/webp"), dir.path);
    expect(stored.ok && stored.value).toMatchObject({ kind: "photo", width: 1600, height: 800 });
  });

  it("takes a PNG sent as a JPEG (a gallery's wrong extension): every photo is re-encoded anyway", async () => {
    const png = await picture(400, 300).png().toBuffer();
    const result = await storeEvidence(fileOf(png, "capture.jpg", "image/jpeg"), dir.path);
    expect(result.ok && result.value).toMatchObject({ kind: "photo", mime: "image/jpeg", width: 400, height: 300 });
  });
});

describe("refusing a file, with nothing written", () => {
  it.each([
    ["a photo over 10 MB", () => fileOf(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024 - 3)]), "grande.jpg", "image/jpeg"), "photo_too_large"],
    ["a PDF over 5 MB", () => fileOf(Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(5 * 1024 * 1024)]), "rapport.pdf", "application/pdf"), "document_too_large"],
    ["an HTML page named .jpg", () => fileOf("<!doctype html><script>alert(document.cookie)</script>", "photo.jpg", "image/jpeg"), "content_mismatch"],
    ["a program named .jpg", () => fileOf(Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), "photo.jpg", "image/jpeg"), "content_mismatch"],
    ["an HTML page named .pdf", () => fileOf("<html><body>PDF</body></html>", "rapport.pdf", "application/pdf"), "content_mismatch"],
    ["an HTML page declared as such", () => fileOf("<html></html>", "page.html", "text/html"), "wrong_type"],
    ["a HEIC photo", () => fileOf(Buffer.from("\0\0\0\x18ftypheic", "latin1"), "IMG_0001.heic", "image/heic"), "wrong_type"],
    ["a file without a type", () => fileOf("%PDF-1.4", "rapport", ""), "wrong_type"],
    ["an empty file", () => fileOf(Buffer.alloc(0), "vide.jpg", "image/jpeg"), "empty_file"],
  ] as const)("%s", async (_, make, code) => {
    const result = await storeEvidence(make(), dir.path);
    expect(result).toEqual({ ok: false, code });
    expect(stored()).toEqual([]);
  });

  it("refuses a PNG declared as a PDF, and a PDF declared as a photo", async () => {
    const png = await picture(100, 100).png().toBuffer();
    expect(await storeEvidence(fileOf(png, "rapport.pdf", "application/pdf"), dir.path)).toEqual({ ok: false, code: "content_mismatch" });
    expect(await storeEvidence(fileOf(PDF, "photo.jpg", "image/jpeg"), dir.path)).toEqual({ ok: false, code: "content_mismatch" });
    expect(stored()).toEqual([]);
  });

  it("refuses a truncated JPEG or PNG", async () => {
    const jpeg = await phonePhoto();
    const png = await picture(600, 400).png().toBuffer();
    expect(await storeEvidence(fileOf(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), "coupee.jpg", "image/jpeg"), dir.path)).toEqual({ ok: false, code: "unreadable_image" });
    expect(await storeEvidence(fileOf(png.subarray(0, Math.floor(png.length * 0.6)), "coupee.png", "image/png"), dir.path)).toEqual({ ok: false, code: "unreadable_image" });
    // Only the start of a JPEG: its magic bytes and nothing that decodes.
    expect(await storeEvidence(fileOf(jpeg.subarray(0, 40), "debut.jpg", "image/jpeg"), dir.path)).toEqual({ ok: false, code: "unreadable_image" });
    expect(stored()).toEqual([]);
  });

  it("refuses a small file that would decode to too many pixels (a decompression bomb)", async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 8_000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await storeEvidence(fileOf(bomb, "bombe.png", "image/png"), dir.path)).toEqual({ ok: false, code: "too_many_pixels" });
    expect(stored()).toEqual([]);
  });
});

describe("storing a document", () => {
  it("stores a PDF exactly as sent, under a random name", async () => {
    const result = await storeEvidence(fileOf(PDF, "Rapport des travaux – mars.pdf", "application/pdf"), dir.path);
    expect(result.ok && result.value).toMatchObject({ kind: "document", thumb: null, mime: "application/pdf", bytes: PDF.length, width: null, height: null, originalName: "Rapport des travaux – mars.pdf" });
    const name = (result as { value: StoredEvidence }).value.file;
    expect(name).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(read(name).equals(PDF)).toBe(true);
    expect(stored()).toEqual([name]);
  });
});

describe("storing an update's files, all or none", () => {
  it("refuses four files before reading any", async () => {
    const files = Array.from({ length: 4 }, (_, i) => fileOf(PDF, `piece-${i}.pdf`, "application/pdf"));
    expect(await storeEvidenceFiles(files, dir.path)).toEqual({ ok: false, code: "too_many_files", name: null });
    expect(stored()).toEqual([]);
  });

  it("removes the files already stored when a later one is refused, and names the refused one", async () => {
    const photo = fileOf(await phonePhoto(), "bon.jpg", "image/jpeg");
    const fake = fileOf("<html>", "C:\\Users\\Maire\\faux\u202Egpj.exe", "image/jpeg");
    expect(await storeEvidenceFiles([photo, fileOf(PDF, "ok.pdf", "application/pdf"), fake], dir.path)).toEqual({ ok: false, code: "content_mismatch", name: "fauxgpj.exe" });
    expect(stored()).toEqual([]);
  });

  it("reads the files from a browser's multipart form, skipping a file input left empty", async () => {
    const jpeg = await phonePhoto();
    const boundary = "----makonBoundary7MA4YWxkTrZu0gW";
    // As a browser sends a form with one file chosen, one file input left empty, and a note.
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nTravaux finis\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="preuves"; filename="IMG_1.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      jpeg,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="preuves"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="preuves"; filename="devis.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const request = new Request("http://makon.test/espaces/1/engagements/4", { method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body: new Uint8Array(body) });
    const form = await request.formData();
    const entries = form.getAll("preuves");
    expect(entries).toHaveLength(3);
    const result = await storeEvidenceFiles(entries, dir.path);
    expect(result.ok).toBe(true);
    const value = (result as { value: StoredEvidence[] }).value;
    expect(value.map((item) => [item.kind, item.originalName])).toEqual([
      ["photo", "IMG_1.jpg"],
      ["document", "devis.pdf"],
    ]);
    expect(stored()).toEqual(namesOf(value).sort());

    // The transaction that should have recorded them failed: they go, and a name not ours is ignored.
    writeFileSync(join(dir.path, "base.sqlite"), "x");
    await discardEvidence(dir.path, [...namesOf(value), "../base.sqlite", ".."]);
    expect(stored()).toEqual([]);
    expect(existsSync(join(dir.path, "base.sqlite"))).toBe(true);
  });

  it("stores nothing and refuses nothing when no file was chosen", async () => {
    expect(await storeEvidenceFiles([fileOf(Buffer.alloc(0), "", "application/octet-stream"), "texte"], dir.path)).toEqual({ ok: true, value: [] });
  });
});

describe("after a crash", () => {
  it("removes at start-up the files no update recorded and half-written ones, and nothing else", async () => {
    const kept = must(await storeEvidence(fileOf(await phonePhoto(), "kept.jpg", "image/jpeg"), dir.path));
    const lost = must(await storeEvidence(fileOf(await phonePhoto(), "lost.jpg", "image/jpeg"), dir.path));
    const lostPdf = must(await storeEvidence(fileOf(PDF, "lost.pdf", "application/pdf"), dir.path));
    const half = `.${"ab".repeat(16)}.pdf.0123abcd.tmp`;
    writeFileSync(join(evidenceDir(dir.path), half), "%PDF-1.4 half");
    writeFileSync(join(evidenceDir(dir.path), "notes.txt"), "someone's file");
    expect(await sweepUnrecordedEvidence(dir.path, new Set(namesOf([kept])))).toBe(namesOf([lost, lostPdf]).length + 1);
    expect(stored()).toEqual([...namesOf([kept]), "notes.txt"].sort());
    expect(await sweepUnrecordedEvidence(join(dir.path, "nowhere"), new Set())).toBe(0);
  });
});

describe("serving a stored file", () => {
  it("sends a PDF as a download that is never run, with its name", async () => {
    const result = await storeEvidence(fileOf(PDF, "rapport.pdf", "application/pdf"), dir.path);
    const { file } = (result as { value: StoredEvidence }).value;
    const response = await evidenceResponse(dir.path, file, "application/pdf", { download: "Rapport d'étape (mars).pdf" });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(PDF.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
      "cache-control": "private, max-age=86400",
      "content-disposition": `attachment; filename="Rapport d'_tape (mars).pdf"; filename*=UTF-8''Rapport%20d%27%C3%A9tape%20%28mars%29.pdf`,
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("shows a photo inline", async () => {
    const result = await storeEvidence(fileOf(await picture(300, 200).jpeg().toBuffer(), "pont.jpg", "image/jpeg"), dir.path);
    const { file, thumb } = (result as { value: StoredEvidence }).value;
    const response = await evidenceResponse(dir.path, thumb!, "image/jpeg");
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(read(thumb!))).toBe(true);
    expect((await evidenceResponse(dir.path, file, "image/jpeg", { download: "pont.jpg" })).headers.get("content-disposition")).toBe(`inline; filename="pont.jpg"; filename*=UTF-8''pont.jpg`);
  });

  it("answers 404 for a name not of our shape, a type not its own, or a file not there", async () => {
    writeFileSync(join(dir.path, "secret.pdf"), PDF);
    const result = await storeEvidence(fileOf(PDF, "rapport.pdf", "application/pdf"), dir.path);
    const { file } = (result as { value: StoredEvidence }).value;
    for (const [name, mime] of [
      ["../secret.pdf", "application/pdf"],
      ["..%2Fsecret.pdf", "application/pdf"],
      [`../evidence/${file}`, "application/pdf"],
      [`${file}/`, "application/pdf"],
      [file.toUpperCase(), "application/pdf"],
      [file, "text/html"],
      [file, "image/jpeg"],
      [file.replace(".pdf", ".html"), "text/html"],
      [`${"0".repeat(32)}.pdf`, "application/pdf"],
    ] as const) {
      const response = await evidenceResponse(dir.path, name, mime);
      expect({ name, mime, status: response.status }).toEqual({ name, mime, status: 404 });
    }
  });
});

describe("names and messages", () => {
  it("keeps a file's base name, without control or direction characters, at most 120 characters with its extension", () => {
    expect(cleanFileName("C:\\Users\\Maire\\Desktop\\reçu.pdf")).toBe("reçu.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("rapport\u0000\n\u202E.pdf")).toBe("rapport.pdf");
    expect(cleanFileName("re\u0301cu.pdf")).toBe("récu.pdf");
    const long = cleanFileName(`${"é".repeat(200)}.pdf`);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith("é.pdf")).toBe(true);
  });

  it("says every refusal in French and in Kreyòl, with the file's name and the limit", () => {
    for (const code of EVIDENCE_CODES) {
      const text = evidenceMessages[evidenceMessage(code) as keyof typeof evidenceMessages];
      expect(text, code).toBeDefined();
      const params = evidenceMessageParams(code, "IMG_1.jpg");
      for (const locale of ["fr", "ht"] as const) {
        const filled = fill(text[locale], params);
        expect(filled, `${code} ${locale}`).not.toMatch(/\{\w+\}/);
        if (code !== "too_many_files") expect(filled, `${code} ${locale}`).toContain("IMG_1.jpg");
      }
      expect(text.ht, code).not.toBe(text.fr);
      // Kreyòl writes è and ò, never French's é, à, ê or ç, nor its little words.
      expect(text.ht, code).not.toMatch(/[éàâêîôûç]|\b(le|les|un|une|des|du|est|et|vous|votre|avec|pour)\b/i);
    }
    expect(fill(evidenceMessages["evidence.error.photoTooLarge"].fr, evidenceMessageParams("photo_too_large", "IMG_1.jpg"))).toBe("La photo « IMG_1.jpg » dépasse 10 Mo : envoyez-en une plus petite.");
    expect(fill(evidenceMessages["evidence.error.photoTooLarge"].ht, evidenceMessageParams("photo_too_large", "IMG_1.jpg"))).toBe("Foto « IMG_1.jpg » twò gwo, li depase 10 Mo: voye yon foto ki pi piti.");
    expect(fill(evidenceMessages["evidence.error.tooManyFiles"].fr, evidenceMessageParams("too_many_files", null))).toContain("au plus 3 fichiers");
    expect(fill(evidenceMessages["evidence.error.tooManyPixels"].ht, evidenceMessageParams("too_many_pixels", "a.png"))).toContain("64 megapiksèl");
  });
});
