import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { createReadableStreamFromReadable } from "@remix-run/node";
import sharp from "sharp";
import { fail, ok, type Result } from "../result";
import {
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  MAX_EVIDENCE_FILES,
  MAX_PHOTO_BYTES,
  MAX_PHOTO_PIXELS,
  PHOTO_LONG_SIDE,
  PHOTO_TYPES,
  THUMB_SIDE,
} from "./limits";
import type { EvidenceCode } from "./messages";

export { MAX_DOCUMENT_BYTES, MAX_EVIDENCE_FILES, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, PHOTO_LONG_SIDE, THUMB_SIDE } from "./limits";

/**
 * Evidence files of commitments' updates: checked, photos re-encoded without their metadata
 * (a phone photo carries the GPS position of whoever took it), stored under the data folder
 * by random names, and served so that a browser never runs them.
 */

// Each upload is a different image: sharp's cache of recent inputs only holds memory.
sharp.cache(false);

export type StoredEvidence = {
  kind: "photo" | "document";
  /** The stored file's name in `<dataDir>/evidence/`. */
  file: string;
  thumb: string | null;
  /** The stored file's type (a photo is always stored as JPEG). */
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  /** The uploader's name for it, cleaned, to show and to name a download. */
  originalName: string;
};

/** A refused upload: why, and which file (none when the count alone is refused). */
export type EvidenceRefusal = { ok: false; code: EvidenceCode; name: string | null };

const STORED_NAME = /^[0-9a-f]{32}(-t)?\.(jpg|pdf)$/;
const STORED_TYPE = { jpg: "image/jpeg", pdf: "application/pdf" } as const;
const MAX_NAME_LENGTH = 120;

export const evidenceDir = (dataDir: string) => join(dataDir, "evidence");

/**
 * The name shown for a file: its base name only (a browser may send a path), without control
 * or direction-changing characters (which make `photo‮gpj.exe` read as `photoexe.jpg`), at most
 * 120 characters, keeping its extension.
 */
export function cleanFileName(name: string): string {
  const base = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, "").trim();
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : "";
  return chars.slice(0, MAX_NAME_LENGTH - extension.length).join("").trimEnd() + extension;
}

type Kind = StoredEvidence["kind"];

function declaredKind(type: string): Kind | null {
  const mime = type.split(";")[0]!.trim().toLowerCase();
  if ((PHOTO_TYPES as readonly string[]).includes(mime)) return "photo";
  if ((DOCUMENT_TYPES as readonly string[]).includes(mime)) return "document";
  return null;
}

/** The kind the first bytes say the file is: JPEG, PNG and WebP photos, or a PDF. */
function sniffedKind(head: Uint8Array): Kind | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "photo";
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "photo";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "photo";
  if (ascii(0, 5) === "%PDF-") return "document";
  return null;
}

/**
 * Checks one file and stores it. The declared size and type are checked first, then the
 * file's first bytes, and only then is it decoded or written.
 */
export async function storeEvidence(file: File, dataDir: string): Promise<Result<StoredEvidence, EvidenceCode>> {
  const kind = declaredKind(file.type);
  if (!kind) return fail("wrong_type");
  if (file.size > (kind === "photo" ? MAX_PHOTO_BYTES : MAX_DOCUMENT_BYTES)) return fail(kind === "photo" ? "photo_too_large" : "document_too_large");
  if (file.size === 0) return fail("empty_file");
  // Any accepted photo format may arrive under another photo type (a PNG saved as .jpg): it is re-encoded anyway.
  if (sniffedKind(new Uint8Array(await file.slice(0, 16).arrayBuffer())) !== kind) return fail("content_mismatch");

  const bytes = Buffer.from(await file.arrayBuffer());
  const originalName = cleanFileName(file.name) || (kind === "photo" ? "photo.jpg" : "document.pdf");
  const dir = evidenceDir(dataDir);
  await mkdir(dir, { recursive: true });
  const id = randomBytes(16).toString("hex");

  if (kind === "document") {
    const name = `${id}.pdf`;
    await writeAtomically(dir, name, bytes);
    return ok({ kind, file: name, thumb: null, mime: STORED_TYPE.pdf, bytes: bytes.length, width: null, height: null, originalName });
  }

  const photo = await reencodePhoto(bytes);
  if (!photo.ok) return photo;
  const name = `${id}.jpg`;
  const thumb = `${id}-t.jpg`;
  await writeAtomically(dir, name, photo.value.photo);
  try {
    await writeAtomically(dir, thumb, photo.value.thumb);
  } catch (error) {
    await discardEvidence(dataDir, [name]);
    throw error;
  }
  const { width, height } = photo.value;
  return ok({ kind, file: name, thumb, mime: STORED_TYPE.jpg, bytes: photo.value.photo.length, width, height, originalName });
}

// "error" refuses truncated and corrupt images but not mere warnings, which some Samsung
// phones' valid photos raise ("Invalid SOS parameters").
const DECODE = { failOn: "error", limitInputPixels: MAX_PHOTO_PIXELS } as const;

async function reencodePhoto(input: Buffer): Promise<Result<{ photo: Buffer; thumb: Buffer; width: number; height: number }, EvidenceCode>> {
  let size: { width: number; height: number };
  try {
    // The header only: how many pixels the image claims, before decoding any of them.
    const meta = await sharp(input, { ...DECODE, limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height || !["jpeg", "png", "webp"].includes(meta.format ?? "")) return fail("unreadable_image");
    size = { width: meta.width, height: meta.height };
  } catch {
    return fail("unreadable_image");
  }
  if (size.width * size.height > MAX_PHOTO_PIXELS) return fail("too_many_pixels");
  try {
    // Turned upright from its EXIF orientation before the output drops all metadata (sharp
    // keeps none unless told to); a transparent PNG gets a white page, not JPEG's black.
    const photo = await sharp(input, DECODE)
      .rotate()
      .flatten({ background: "#ffffff" })
      .resize({ width: PHOTO_LONG_SIDE, height: PHOTO_LONG_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(photo.data, DECODE)
      .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 70, mozjpeg: true })
      .toBuffer();
    return ok({ photo: photo.data, thumb, width: photo.info.width, height: photo.info.height });
  } catch {
    return fail("unreadable_image");
  }
}

/**
 * Written under a temporary name, flushed to the disk, then renamed: a crash or a power cut
 * (frequent where these laptops run) never leaves half a file under a real name.
 */
async function writeAtomically(dir: string, name: string, data: Buffer): Promise<void> {
  const temporary = join(dir, `.${name}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx", 0o640);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, join(dir, name));
}

/**
 * Checks and stores an update's files, all or none: the first refusal (or failure) removes the
 * files this call already wrote. A file input left empty sends a nameless empty file: skipped.
 */
export async function storeEvidenceFiles(entries: readonly FormDataEntryValue[], dataDir: string): Promise<{ ok: true; value: StoredEvidence[] } | EvidenceRefusal> {
  const files = entries.filter((entry): entry is File => typeof entry !== "string" && !(entry.size === 0 && entry.name === ""));
  if (files.length > MAX_EVIDENCE_FILES) return { ok: false, code: "too_many_files", name: null };
  const stored: StoredEvidence[] = [];
  try {
    for (const file of files) {
      const result = await storeEvidence(file, dataDir);
      if (!result.ok) {
        await discardEvidence(dataDir, namesOf(stored));
        return { ok: false, code: result.code, name: cleanFileName(file.name) };
      }
      stored.push(result.value);
    }
  } catch (error) {
    await discardEvidence(dataDir, namesOf(stored));
    throw error;
  }
  return { ok: true, value: stored };
}

/** Every file name stored for these pieces of evidence (photos and thumbnails), for `discardEvidence`. */
export const namesOf = (stored: readonly StoredEvidence[]): string[] => stored.flatMap((item) => (item.thumb ? [item.file, item.thumb] : [item.file]));

/**
 * Removes stored files, when the update that should have recorded them was refused or failed.
 * A name that is not one of ours is ignored, so this can never remove anything else.
 */
export async function discardEvidence(dataDir: string, names: readonly string[]): Promise<void> {
  await Promise.all(names.filter((name) => STORED_NAME.test(name)).map((name) => rm(join(evidenceDir(dataDir), name), { force: true })));
}

/** A half-written file's name (`writeAtomically`): never recorded, never served. */
const TEMPORARY_NAME = /^\.[0-9a-f]{32}(-t)?\.(jpg|pdf)\.[0-9a-f]{8}\.tmp$/;

/**
 * At start-up, before any upload: removes what a crash or a power cut left in the folder —
 * files stored whose update was never recorded (the process died between the two), and
 * half-written ones. Only names of ours; `recorded` says which stored names rows hold.
 * Returns how many files it removed.
 */
export async function sweepUnrecordedEvidence(dataDir: string, recorded: ReadonlySet<string>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(evidenceDir(dataDir));
  } catch {
    return 0;
  }
  const orphans = names.filter((name) => TEMPORARY_NAME.test(name) || (STORED_NAME.test(name) && !recorded.has(name)));
  await Promise.all(orphans.map((name) => rm(join(evidenceDir(dataDir), name), { force: true })));
  return orphans.length;
}

/** `filename*` as RFC 5987 writes it, with an ASCII `filename` for the oldest clients. */
function disposition(type: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const notFound = () => new Response(null, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * A stored file as a response, streamed. It is never run as a page: `nosniff` and a sandbox
 * policy; a document is downloaded (Chrome's PDF viewer does not open under a sandbox), a
 * photo shown. Its name never changes, so a phone keeps it a day. A name that is not the
 * shape of ours, or of the type given, is not looked for. The route checks the reader may
 * see the commitment first: the name is not a permission.
 */
export async function evidenceResponse(dataDir: string, file: string, mime: string, options: { download?: string } = {}): Promise<Response> {
  const shape = STORED_NAME.exec(file);
  if (!shape || STORED_TYPE[shape[2] as keyof typeof STORED_TYPE] !== mime) return notFound();
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(join(evidenceDir(dataDir), file), "r");
  } catch {
    return notFound();
  }
  try {
    ({ size } = await handle.stat());
  } catch (error) {
    await handle.close();
    throw error;
  }
  const headers = new Headers({
    "Content-Type": mime,
    "Content-Length": String(size),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cache-Control": "private, max-age=86400",
  });
  const shownName = options.download ? cleanFileName(options.download) : "";
  if (mime === STORED_TYPE.pdf) headers.set("Content-Disposition", disposition("attachment", shownName || file));
  else if (shownName) headers.set("Content-Disposition", disposition("inline", shownName));
  return new Response(createReadableStreamFromReadable(handle.createReadStream()), { status: 200, headers });
}
