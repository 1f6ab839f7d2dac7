import { describe, expect, it } from "vitest";
import { readEnv as readEnvOf } from "../../server/config";

const readEnv = (vars: Record<string, string>) => readEnvOf(vars as unknown as NodeJS.ProcessEnv);

describe("the environment", () => {
  it.each([
    ["false", false],
    ["true", 1],
    ["2", 2],
    ["loopback", "loopback"],
    ["10.0.0.0/8, loopback", "10.0.0.0/8, loopback"],
  ] as const)("TRUST_PROXY=%s trusts %s, never every hop", (value, trusted) => expect(readEnv({ TRUST_PROXY: value }).trustProxy).toBe(trusted));

  it("refuses a TRUST_PROXY it cannot read, and says which", () => {
    expect(() => readEnv({ TRUST_PROXY: "all of them" })).toThrow(/TRUST_PROXY/);
  });

  it("decides the cookie's Secure flag per request unless told otherwise", () => {
    expect(readEnv({}).secureCookies).toBe("auto");
    expect(readEnv({ SECURE_COOKIES: "true" }).secureCookies).toBe(true);
    expect(readEnv({ SECURE_COOKIES: "false" }).secureCookies).toBe(false);
  });

  it("serves in one process unless told how many, and refuses a count it cannot use", () => {
    expect(readEnv({}).processes).toBe(1);
    expect(readEnv({ PROCESSES: "4" }).processes).toBe(4);
    for (const bad of ["0", "2.5", "many", "64"]) expect(() => readEnv({ PROCESSES: bad }), bad).toThrow(/PROCESSES/);
  });
});
