import { describe, expect, it } from "vitest";
import { normalizePhone, parseIdentifier } from "../../app/modules/auth/phone";

describe("phone numbers", () => {
  it("writes Haitian numbers as +509 and 8 digits", () => {
    expect(normalizePhone("3700 1234")).toBe("+50937001234");
    expect(normalizePhone("37-00-12-34")).toBe("+50937001234");
    expect(normalizePhone("509 3700 1234")).toBe("+50937001234");
    expect(normalizePhone("+509 3700-1234")).toBe("+50937001234");
    expect(normalizePhone("00509 37001234")).toBe("+50937001234");
  });

  it("keeps foreign numbers given with their prefix, refuses the rest", () => {
    expect(normalizePhone("+1 305 555 0100")).toBe("+13055550100");
    expect(normalizePhone("1234")).toBeNull();
    expect(normalizePhone("abc")).toBeNull();
  });

  it("tells an e-mail from a phone at sign-in", () => {
    expect(parseIdentifier(" Admin@Makon.HT ")).toEqual({ kind: "email", value: "admin@makon.ht" });
    expect(parseIdentifier("3700 0002")).toEqual({ kind: "phone", value: "+50937000002" });
    expect(parseIdentifier("hello")).toBeNull();
  });
});
