// Loaded into the production server under test (NODE_OPTIONS=--import …) by tests/e2e/notices.test.ts:
// a push the server sends to a real push service's host goes instead to the stand-in push
// service the test runs on 127.0.0.1 (PUSH_STAND_IN_PORT), over plain HTTP. The server's own code
// (endpoint checks, web-push, encryption) runs unchanged; only the wire ends somewhere local.
// web-push calls `https.request` on the module object at send time, so replacing it here reaches it.
import http from "node:http";
import https from "node:https";
import process from "node:process";

const port = Number(process.env.PUSH_STAND_IN_PORT);
const hosts = ["fcm.googleapis.com"];
const realRequest = https.request;

https.request = function request(options, ...rest) {
  if (port && options && typeof options === "object" && hosts.includes(options.hostname)) {
    const local = {
      ...options,
      hostname: "127.0.0.1",
      port,
      headers: { ...options.headers, "x-push-host": options.hostname },
    };
    delete local.agent;
    return http.request(local, ...rest);
  }
  return realRequest.call(this, options, ...rest);
};
