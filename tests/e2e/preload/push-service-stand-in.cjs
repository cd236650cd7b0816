// Loaded into the production server under test (NODE_OPTIONS=--require …) by tests/e2e/notices.test.ts:
// a push the server sends to a real push service's host goes instead to the stand-in push
// service the test runs on 127.0.0.1 (PUSH_STAND_IN_PORT), over plain HTTP. The server's own code
// (endpoint checks, web-push, encryption) runs unchanged; only the wire ends somewhere local.
"use strict";
const http = require("node:http");
const https = require("node:https");

const port = Number(process.env.PUSH_STAND_IN_PORT);
const hosts = ["fcm.googleapis.com"];
const realRequest = https.request;

https.request = function request(options, callback) {
  if (port && options && typeof options === "object" && hosts.includes(options.hostname)) {
    const { agent: _agent, ...rest } = options;
    return http.request(
      { ...rest, hostname: "127.0.0.1", port, headers: { ...rest.headers, "x-push-host": options.hostname } },
      callback,
    );
  }
  return realRequest.apply(this, arguments);
};
