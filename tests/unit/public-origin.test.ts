import { describe, expect, it } from "vitest";
import { publicOrigin } from "../../server/public-origin";

describe("the address phones are given", () => {
  it("is the configured public address when there is one", () => {
    expect(publicOrigin("http://localhost:3000/espaces/1", "https://makon.example.ht/", ["192.168.1.20"])).toBe("https://makon.example.ht");
  });

  it("is the request's own, a loopback host replaced by the machine's LAN address with its port", () => {
    expect(publicOrigin("http://192.168.1.20:3000/x", undefined, ["192.168.1.20"])).toBe("http://192.168.1.20:3000");
    expect(publicOrigin("http://localhost:3000/x", undefined, ["192.168.1.20", "10.0.0.4"])).toBe("http://192.168.1.20:3000");
    expect(publicOrigin("http://127.0.0.1:8080/x", undefined, ["10.0.0.4"])).toBe("http://10.0.0.4:8080");
    expect(publicOrigin("http://[::1]:3000/x", undefined, ["10.0.0.4"])).toBe("http://10.0.0.4:3000");
  });

  it("keeps a loopback address when the machine has no network (or the server listens on loopback only)", () => {
    expect(publicOrigin("http://localhost:3000/x", undefined, [])).toBe("http://localhost:3000");
  });
});
