/**
 * What an update's evidence may be. Pure, so the form can say the limits (and set its
 * `accept`) and the request guard can size the body from the same numbers the server checks.
 */

const MB = 1024 * 1024;

export const MAX_EVIDENCE_FILES = 3;
/** A phone photo as sent: a 12 MP JPEG is 3–6 MB, a 50 MP one about 10. */
export const MAX_PHOTO_BYTES = 10 * MB;
export const MAX_DOCUMENT_BYTES = 5 * MB;
/** Decoded size guard (a small PNG can declare a huge canvas); high enough for 50 and 64 MP phone cameras. */
export const MAX_PHOTO_PIXELS = 64_000_000;
/** A stored photo fits this box: sharp on a shared screen, light on 3G. */
export const PHOTO_LONG_SIDE = 1600;
export const THUMB_SIDE = 240;

/** What a phone's browser declares for each accepted kind; `image/jpg` is what some Android apps send. */
export const PHOTO_TYPES = ["image/jpeg", "image/jpg", "image/png", "image/webp"] as const;
export const DOCUMENT_TYPES = ["application/pdf"] as const;
/** For the file input's `accept`: the phone offers its camera and gallery, and PDF files. */
export const EVIDENCE_ACCEPT = [...PHOTO_TYPES, ...DOCUMENT_TYPES, ".jpg", ".jpeg", ".png", ".webp", ".pdf"].join(",");

/** Limits as people read them: megabytes and megapixels. */
export const inMegabytes = (bytes: number) => Math.round(bytes / MB);
export const inMegapixels = (pixels: number) => Math.round(pixels / 1_000_000);
