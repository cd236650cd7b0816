// /me/push: what a browser may hand over when it turns push on, and what it gets back.
import { action, loader } from "~/routes/me_.push";
import { createChapter, createMember } from "../factories";
import { createTestDevice } from "../mocks/push-service";
import { useTestDatabase } from "../setup/db";
import { call, memberCookie } from "./support/staff";

const database = useTestDatabase();

async function signedInMember() {
  const { db } = database();
  const chapter = await createChapter(db);
  const member = await createMember(db, { chapter_id: chapter.id });
  return { member, cookie: await memberCookie(db, member.id) };
}

const subscribeFields = (device: { endpoint: string; p256dh: string; auth: string }, showDetails = "0") =>
  [
    ["intent", "subscribe"],
    ["endpoint", device.endpoint],
    ["p256dh", device.p256dh],
    ["auth", device.auth],
    ["showDetails", showDetails],
  ] as Array<[string, string]>;

describe("/me/push", () => {
  test("gives a member the server's public key to subscribe with, and never the private one", async () => {
    const { cookie } = await signedInMember();
    const res = await call(loader, "/me/push", { cookie });
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(Object.keys(res.data)).toEqual(["publicKey"]);
    expect(Buffer.from(res.data.publicKey, "base64url")).toHaveLength(65);
  });

  test("keeps a subscription, tells this browser it is on, and changes its details", async () => {
    const { cookie, member } = await signedInMember();
    const device = createTestDevice();
    expect((await call(action, "/me/push", { cookie, fields: subscribeFields(device) })).data).toEqual({
      intent: "subscribe",
      subscribed: true,
      showDetails: false,
    });
    const details = await call(action, "/me/push", {
      cookie,
      fields: [
        ["intent", "details"],
        ["endpoint", device.endpoint],
        ["showDetails", "1"],
      ],
    });
    expect(details.data).toEqual({ intent: "details", subscribed: true, showDetails: true });
    const status = await call(action, "/me/push", {
      cookie,
      fields: [
        ["intent", "status"],
        ["endpoint", device.endpoint],
      ],
    });
    expect(status.data).toEqual({ intent: "status", subscribed: true, showDetails: true });
    const off = await call(action, "/me/push", {
      cookie,
      fields: [
        ["intent", "unsubscribe"],
        ["endpoint", device.endpoint],
      ],
    });
    expect(off.data).toEqual({ intent: "unsubscribe", subscribed: false });
    const { db } = database();
    expect(await db.selectFrom("push_subscriptions").select("id").where("member_id", "=", member.id).execute()).toEqual(
      [],
    );
  });

  test.each([
    ["an endpoint that is no push service", { endpoint: "https://intranet.example/hook" }],
    ["a plain-http push endpoint", { endpoint: "http://fcm.googleapis.com/fcm/send/x" }],
    ["a look-alike push host", { endpoint: "https://fcm.googleapis.com.evil.example/fcm/send/x" }],
    ["a push host on another port", { endpoint: "https://fcm.googleapis.com:8443/fcm/send/x" }],
    ["a key of the wrong length", { p256dh: Buffer.alloc(33, 4).toString("base64url") }],
    ["an auth secret of the wrong length", { auth: Buffer.alloc(8).toString("base64url") }],
    ["a key that is not base64url", { p256dh: "<script>" }],
  ])("refuses %s with 400 and keeps nothing", async (_, change) => {
    const { cookie } = await signedInMember();
    const res = await call(action, "/me/push", {
      cookie,
      fields: subscribeFields({ ...createTestDevice(), ...change }),
    });
    expect(res.status).toBe(400);
    expect(res.data).toEqual({ intent: "invalid" });
    expect(await database().db.selectFrom("push_subscriptions").select("id").execute()).toEqual([]);
  });
});
