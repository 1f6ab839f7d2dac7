import { describe, expect, it } from "vitest";
import { SCREEN_TOKEN_ALPHABET, SCREEN_TOKEN_LENGTH, screenTokenFrom, tokenGroups, typedScreenToken } from "../../app/modules/live/screen-link";
import { newScreenToken } from "../../app/modules/live/screen-link.server";

describe("the shared screen's token", () => {
  it("is twelve characters a facilitator can read aloud: no 0/o, 1/l/i, no capitals", () => {
    for (let i = 0; i < 200; i++) {
      const token = newScreenToken();
      expect(token).toMatch(new RegExp(`^[${SCREEN_TOKEN_ALPHABET}]{${SCREEN_TOKEN_LENGTH}}$`));
    }
    expect(SCREEN_TOKEN_ALPHABET).not.toMatch(/[01oli]/);
    expect(new Set(Array.from({ length: 50 }, newScreenToken)).size).toBe(50);
  });

  it("maps bytes without favouring letters: bytes past the last whole round of the alphabet are skipped", () => {
    const size = SCREEN_TOKEN_ALPHABET.length;
    const skipped = 256 - (256 % size);
    const bytes = Uint8Array.from([skipped, 255, ...Array.from({ length: 12 }, (_, i) => i)]);
    expect(screenTokenFrom(bytes)).toBe(SCREEN_TOKEN_ALPHABET.slice(0, 12));
    expect(screenTokenFrom(Uint8Array.from([1, 2, 3]))).toBeNull();
  });

  it("opens as typed: in groups, with spaces or dashes, in capitals; an older long token keeps its case", () => {
    expect(tokenGroups("k7m2x9pq4hfd")).toEqual(["k7m2", "x9pq", "4hfd"]);
    expect(typedScreenToken("K7M2 x9pq-4hfd")).toBe("k7m2x9pq4hfd");
    expect(typedScreenToken("Ab3_dE9fGh2JkLmN4pQrSt")).toBe("Ab3_dE9fGh2JkLmN4pQrSt");
    expect(typedScreenToken("Ab3-dE9fGh2JkLmN4pQrSt")).toBe("Ab3-dE9fGh2JkLmN4pQrSt");
    expect(typedScreenToken("not-the-right-token")).toBe("not-the-right-token");
  });
});
