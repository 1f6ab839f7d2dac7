import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressedWhole } from "../../server/remix-handler";

/**
 * A keyed post's answer is compressed in one call by the handler, behind the compression
 * middleware as the server mounts it: once, in an encoding the client accepts, never twice.
 */
let server: http.Server;
let port: number;
const answer = (size: number) => JSON.stringify({ rows: Array.from({ length: size }, (_, i) => ({ id: i, name: `Mari-Jozèf Pòl ${i}`, organisation: "KOFAVIL" })) });

beforeAll(async () => {
  const app = express();
  app.use(compression());
  app.post("/as-it-is/:size", (req, res) => {
    res.type("text/x-script").set("Cache-Control", "no-store, no-transform");
    res.end(compressedWhole(req, res, answer(Number(req.params.size))));
  });
  app.post("/:size", (req, res) => {
    res.type("text/x-script");
    res.end(compressedWhole(req, res, answer(Number(req.params.size))));
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw bytes and headers, as a phone's browser receives them before decoding. */
function post(size: number, acceptEncoding: string | null, path = `/${size}`): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ port, host: "127.0.0.1", method: "POST", path, headers: acceptEncoding === null ? {} : { "accept-encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("a keyed post's answer, compressed whole", () => {
  it("goes out in brotli when the client takes it, once, and decodes to the answer", async () => {
    const { headers, body } = await post(40, "gzip, deflate, br");
    expect(headers["content-encoding"]).toBe("br");
    expect(headers.vary).toMatch(/accept-encoding/i);
    // Compressed whole, not streamed: its length is known before it is sent.
    expect(headers["content-length"]).toBe(String(body.length));
    expect(brotliDecompressSync(body).toString()).toBe(answer(40));
    expect(body.length).toBeLessThan(answer(40).length / 3);
  });

  it("goes out in gzip to a client that takes only gzip, or refuses brotli", async () => {
    for (const accepted of ["gzip", "br;q=0, gzip"]) {
      const { headers, body } = await post(40, accepted);
      expect(headers["content-encoding"]).toBe("gzip");
      expect(headers["content-length"]).toBe(String(body.length));
      expect(gunzipSync(body).toString()).toBe(answer(40));
    }
  });

  it("goes out as it is to a client that takes no encoding, when it is small, and when it says no-transform", async () => {
    for (const [size, accepted, path] of [[40, null, undefined], [40, "identity", undefined], [1, "br", undefined], [40, "br", "/as-it-is/40"]] as const) {
      const { headers, body } = await post(size, accepted, path);
      expect(headers["content-encoding"]).toBeUndefined();
      expect(body.toString()).toBe(answer(size));
    }
  });
});
