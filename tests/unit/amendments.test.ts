import { describe, expect, it } from "vitest";
import { applyAmendment, paragraphs, wordDiff } from "../../app/modules/motions/amendments";

const MOTION = "Considérant que la fontaine de Roucou est à sec depuis mars ;\n\nL'assemblée demande au CASEC de la réparer avant juin.\r\n\r\n\n  Elle demande un compte rendu à la prochaine réunion. ";

describe("amending one paragraph", () => {
  it("splits a motion into its paragraphs, whatever the line endings", () => {
    expect(paragraphs(MOTION)).toEqual([
      "Considérant que la fontaine de Roucou est à sec depuis mars ;",
      "L'assemblée demande au CASEC de la réparer avant juin.",
      "Elle demande un compte rendu à la prochaine réunion.",
    ]);
  });

  it("replaces the paragraph it was written against, or deletes it when the replacement is empty", () => {
    const amended = applyAmendment(MOTION, { paragraph: 1, original: "L'assemblée demande au CASEC de la réparer avant juin.", replacement: "L'assemblée demande au CASEC et à la mairie de la réparer avant mai." });
    expect(amended).toEqual({ ok: true, text: "Considérant que la fontaine de Roucou est à sec depuis mars ;\n\nL'assemblée demande au CASEC et à la mairie de la réparer avant mai.\n\nElle demande un compte rendu à la prochaine réunion." });
    const removed = applyAmendment(MOTION, { paragraph: 2, original: "Elle demande un compte rendu à la prochaine réunion.", replacement: "  " });
    expect(removed.ok && paragraphs(removed.text)).toHaveLength(2);
  });

  it("refuses a paragraph that is not there, one changed since, and a replacement that changes nothing", () => {
    expect(applyAmendment(MOTION, { paragraph: 3, original: "x", replacement: "y" })).toEqual({ ok: false, code: "no_such_paragraph" });
    expect(applyAmendment(MOTION, { paragraph: 1, original: "L'assemblée demande au CASEC de la réparer avant juillet.", replacement: "y" })).toEqual({ ok: false, code: "paragraph_changed" });
    expect(applyAmendment(MOTION, { paragraph: 0, original: paragraphs(MOTION)[0]!, replacement: paragraphs(MOTION)[0]! })).toEqual({ ok: false, code: "unchanged" });
  });

  it("shows before and after word by word", () => {
    expect(wordDiff("réparer avant juin.", "réparer avant mai.")).toEqual([
      { kind: "same", text: "réparer avant " },
      { kind: "removed", text: "juin." },
      { kind: "added", text: "mai." },
    ]);
    expect(wordDiff("", "tout neuf")).toEqual([{ kind: "added", text: "tout neuf" }]);
    const long = "mo ".repeat(600);
    expect(wordDiff(long, `${long}plus`, 10_000)).toEqual([{ kind: "removed", text: long }, { kind: "added", text: `${long}plus` }]);
    const joined = (kind: string) => wordDiff("a b c d", "a x c d y").filter((p) => p.kind !== kind).map((p) => p.text).join("");
    expect(joined("added")).toBe("a b c d");
    expect(joined("removed")).toBe("a x c d y");
  });
});
