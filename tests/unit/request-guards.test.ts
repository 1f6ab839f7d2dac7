import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/modules/auth/guards.server";
import { bodyKind, bodyLimitFor, crossOrigin, readableCookieHeader } from "../../server/request-guards";

describe("readableCookieHeader", () => {
  it.each([
    ["other=%zz; makon_session=abc", "makon_session=abc"],
    ["makon_lang=ht", "makon_lang=ht"],
    ["=x; a=1; broken; b=%E0%A4%A", "a=1"],
    ["", ""],
  ])("%s → %s", (header, kept) => expect(readableCookieHeader(header)).toBe(kept));
});

describe("bodyKind", () => {
  it.each([
    ["application/x-www-form-urlencoded", 10, "urlencoded"],
    ["application/x-www-form-urlencoded;charset=UTF-8", 10, "urlencoded"],
    ["multipart/form-data; boundary=----abc", 10, "multipart"],
    ['multipart/form-data; boundary="a b"', 10, "multipart"],
    ["multipart/form-data", 10, "unsupported"],
    ["application/json", 10, "unsupported"],
    ["text/plain", 10, "unsupported"],
    [undefined, 0, "empty"],
    [undefined, 5, "unsupported"],
  ] as const)("%s (%i bytes) → %s", (type, length, kind) => expect(bodyKind(type, length)).toBe(kind));
});

describe("bodyLimitFor", () => {
  it("gives the sign-in a few kilobytes, the import its file, every other form a quarter megabyte", () => {
    expect(bodyLimitFor("/connexion")).toBe(16 * 1024);
    expect(bodyLimitFor("/espaces/3/import")).toBe(2 * 1024 * 1024);
    expect(bodyLimitFor("/espaces/3/reunions/4")).toBe(256 * 1024);
    // As the router reads the path: a script's `.data` request, a trailing slash, an encoded letter.
    for (const path of ["/connexion.data", "/connexion/", "/%63onnexion", "/langue.data", "/deconnexion.data"]) expect({ path, limit: bodyLimitFor(path) }).toEqual({ path, limit: 16 * 1024 });
    expect(bodyLimitFor("/espaces/3/import.data")).toBe(2 * 1024 * 1024);
    expect(bodyLimitFor("/%E0%A4%A")).toBe(16 * 1024);
  });

  it("gives a commitment's page room for three full-size photos and the fields, and no other page", () => {
    const evidence = 32 * 1024 * 1024;
    for (const path of ["/espaces/3/engagements/12", "/espaces/3/engagements/12.data", "/espaces/3/engagements/12/", "/espaces/3/engagements/%31%32"]) {
      expect({ path, limit: bodyLimitFor(path) }).toEqual({ path, limit: evidence });
    }
    for (const path of ["/espaces/3/engagements", "/espaces/3/engagements/nouveau", "/espaces/3/engagements/12/autre", "/espaces/x/engagements/12", "/espaces/3/engagements/12x", "/engagements/12", "/espaces/3/engagements/..%2F12"]) {
      expect({ path, limit: bodyLimitFor(path) }).toEqual({ path, limit: 256 * 1024 });
    }
  });
});

describe("crossOrigin", () => {
  const host = "192.168.1.10:3000";
  it.each([
    [{}, false],
    [{ origin: "http://192.168.1.10:3000" }, false],
    [{ origin: "http://192.168.1.10:3000", "sec-fetch-site": "same-origin" }, false],
    [{ "sec-fetch-site": "none" }, false],
    [{ origin: "http://192.168.1.10:4000" }, true],
    [{ origin: "null" }, true],
    [{ origin: "https://evil.example" }, true],
    [{ "sec-fetch-site": "same-site" }, true],
    [{ "sec-fetch-site": "cross-site", origin: "http://192.168.1.10:3000" }, true],
    [{ referer: "http://192.168.1.10:4000/x" }, true],
    [{ referer: "http://192.168.1.10:3000/espaces/1" }, false],
  ])("%j → %s", (headers, refused) => expect(crossOrigin(headers, host)).toBe(refused));
});

describe("safeRedirect", () => {
  it.each([
    ["/espaces/1?type=muso#a", "/espaces/1?type=muso#a"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/espaces/\r\n1", "/espaces/1"],
    [null, "/"],
  ])("%j → %s", (to, expected) => expect(safeRedirect(to)).toBe(expected));
});
