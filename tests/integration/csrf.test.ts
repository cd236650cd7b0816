// The cross-site lock in front of Remix, on a tiny app that answers 200 to anything it lets through.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { http, passthrough } from "msw";
import { refuseCrossSiteWrites } from "../../server/csrf";
import { logSecurityEvent, redactPath } from "~/platform/logger.server";
import { server as mockServer } from "../mocks/server";

let server: Server;
let baseUrl: string;

function startBehind(trustProxy: number) {
  const app = express();
  app.set("trust proxy", trustProxy);
  app.use(refuseCrossSiteWrites({ logSecurityEvent, redactPath }));
  app.all("*", (req, res) => res.send(`origin=${req.get("origin") ?? "(none)"}`));
  return app.listen(0, "127.0.0.1");
}

beforeAll(async () => {
  server = startBehind(0);
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
// These requests go to the app under test on this machine, not to an outside service.
beforeEach(() => mockServer.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough())));

const post = (headers: Record<string, string>, method = "POST") => fetch(baseUrl + "/login", { method, headers });

describe("refuseCrossSiteWrites", () => {
  test.each(["POST", "PUT", "PATCH", "DELETE"])("refuses a cross-site %s with 403", async (method) => {
    const response = await post({ "Sec-Fetch-Site": "cross-site" }, method);
    expect(response.status).toBe(403);
  });

  test("refuses a POST from a sibling subdomain (same-site, but not this origin)", async () => {
    expect((await post({ "Sec-Fetch-Site": "same-site" })).status).toBe(403);
  });

  test("refuses a POST whose Origin is another site, also without Sec-Fetch-Site", async () => {
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ Origin: "http://127.0.0.1:1" })).status).toBe(403);
    expect((await post({ Origin: "https://evil.example", "Sec-Fetch-Site": "same-origin" })).status).toBe(403);
  });

  test("accepts a same-origin POST, with or without an Origin header", async () => {
    expect((await post({ "Sec-Fetch-Site": "same-origin", Origin: baseUrl })).status).toBe(200);
    expect((await post({ Origin: baseUrl })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  test("accepts Origin: null from our own pages, which Referrer-Policy: no-referrer makes browsers send", async () => {
    const response = await post({ "Sec-Fetch-Site": "same-origin", Origin: "null" });
    expect(response.status).toBe(200);
    // Dropped before Remix, whose own origin check would answer it with a 500.
    expect(await response.text()).toBe("origin=(none)");
  });

  test("lets a POST to the quick exit through whatever it carries, without its Origin", async () => {
    const odd: Array<Record<string, string>> = [
      { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "nonsense" },
      { Origin: "::::" },
    ];
    for (const headers of odd) {
      const response = await fetch(baseUrl + "/exit", { method: "POST", headers });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("origin=(none)");
    }
  });

  test("lets cross-site GETs through: they change nothing", async () => {
    const response = await fetch(baseUrl + "/", {
      headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
    });
    expect(response.status).toBe(200);
  });

  test("compares with the forwarded host and scheme only behind a trusted proxy", async () => {
    const proxied = startBehind(1);
    await new Promise((resolve) => proxied.once("listening", resolve));
    const url = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}/login`;
    try {
      const viaProxy = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "moteplass.example" };
      expect(
        (await fetch(url, { method: "POST", headers: { ...viaProxy, Origin: "https://moteplass.example" } })).status,
      ).toBe(200);
      expect(
        (await fetch(url, { method: "POST", headers: { ...viaProxy, Origin: "https://evil.example" } })).status,
      ).toBe(403);
    } finally {
      await new Promise((resolve) => proxied.close(resolve));
    }
    // Not behind a proxy: forwarded headers are anyone's to forge, so they count for nothing.
    const forged = await post({ "X-Forwarded-Host": "evil.example", Origin: "http://evil.example" });
    expect(forged.status).toBe(403);
  });
});
