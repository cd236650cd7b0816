// Web Push, offline: msw stands in for the push service, and the test decrypts each push with the
// device's private key, as the phone would (RFC 8291), to read exactly what its lock screen shows.
import { enqueueJob } from "~/features/jobs/jobs.server";
import { Scheduler } from "~/features/jobs/scheduler.server";
import { deleteMemberAccount } from "~/features/members/member-data.server";
import { endAllSessionsOf } from "~/features/sessions/sessions.server";
import { enqueuePush, PUSH_JOB_KIND, pushJobHandler } from "~/features/push/push-job.server";
import { sendPushToMember } from "~/features/push/send-push.server";
import {
  deviceStatus,
  setDeviceDetails,
  subscribeDevice,
  unsubscribeDevice,
} from "~/features/push/subscriptions.server";
import { vapidKeys } from "~/features/push/vapid.server";
import { parseEnv } from "~/platform/env.server";
import type { AppDatabase } from "../../db/connection";
import { createChapter, createMember } from "../factories";
import { server } from "../mocks/server";
import { createTestDevice, pushServiceHandlers, type TestDevice } from "../mocks/push-service";
import { useTestDatabase } from "../setup/db";

const database = useTestDatabase();
const env = parseEnv({});

async function memberWithDevices(db: AppDatabase, locale: string | null, devices: Array<{ showDetails: boolean }>) {
  const chapter = await createChapter(db);
  const row = await createMember(db, { chapter_id: chapter.id, locale });
  const member = { id: row.id, pseudonym: row.pseudonym, chapterId: row.chapter_id, locale: row.locale };
  const made: TestDevice[] = [];
  for (const { showDetails } of devices) {
    const device = createTestDevice();
    await subscribeDevice(db, member, { ...device, showDetails });
    made.push(device);
  }
  return { member, devices: made };
}

async function subscriptionCount(db: AppDatabase, memberId: string) {
  const rows = await db.selectFrom("push_subscriptions").select("id").where("member_id", "=", memberId).execute();
  return rows.length;
}

describe("sendPushToMember", () => {
  test("sends each device the site's name and one neutral line in her language, with TTL, Urgency and Topic", async () => {
    const { db } = database();
    const { member, devices } = await memberWithDevices(db, "en", [{ showDetails: false }, { showDetails: false }]);
    const push = pushServiceHandlers();
    server.use(push.handler);

    const report = await sendPushToMember(
      db,
      { memberId: member.id, noticeId: "n1", detail: "Dinner moved to 19:00" },
      env,
    );

    expect(report).toEqual({ sent: 2, removed: 0, failed: 0 });
    expect(push.received.map((p) => p.endpoint).sort()).toEqual(devices.map((d) => d.endpoint).sort());
    const { publicKey } = await vapidKeys(db, env);
    for (const received of push.received) {
      const device = devices.find((d) => d.endpoint === received.endpoint)!;
      expect(device.decrypt(received.body)).toBe('{"title":"Møteplass","body":"You have a new message"}');
      expect(received.headers.get("TTL")).toBe("43200");
      expect(received.headers.get("Urgency")).toBe("normal");
      expect(received.headers.get("Topic")).toBe("notices");
      expect(received.headers.get("Content-Encoding")).toBe("aes128gcm");
      expect(received.headers.get("Authorization")).toMatch(
        new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`),
      );
    }
  });

  test.each([
    ["nb", "Du har en ny melding"],
    [null, "Du har en ny melding"],
    ["ar", "لديك رسالة جديدة"],
    ["ur", "آپ کے لیے ایک نیا پیغام ہے"],
    ["so", "Waxaad leedahay fariin cusub"],
  ])("writes the neutral line in the member's language (%s)", async (locale, line) => {
    const { db } = database();
    const { member, devices } = await memberWithDevices(db, locale, [{ showDetails: false }]);
    const push = pushServiceHandlers();
    server.use(push.handler);
    await sendPushToMember(db, { memberId: member.id, noticeId: "n1" }, env);
    expect(JSON.parse(devices[0]!.decrypt(push.received[0]!.body))).toEqual({ title: "Møteplass", body: line });
  });

  test("gives the detail line only to the device where she chose details", async () => {
    const { db } = database();
    const { member, devices } = await memberWithDevices(db, "en", [{ showDetails: true }, { showDetails: false }]);
    const push = pushServiceHandlers();
    server.use(push.handler);

    await sendPushToMember(db, { memberId: member.id, noticeId: "n1", detail: "A place is yours" }, env);

    const shown = Object.fromEntries(
      push.received.map((p) => [
        p.endpoint,
        JSON.parse(devices.find((d) => d.endpoint === p.endpoint)!.decrypt(p.body)),
      ]),
    );
    expect(shown[devices[0]!.endpoint]).toEqual({ title: "Møteplass", body: "A place is yours" });
    expect(shown[devices[1]!.endpoint]).toEqual({ title: "Møteplass", body: "You have a new message" });
  });

  test("deletes a subscription the push service answers 410 for, and keeps the others", async () => {
    const { db } = database();
    const { member, devices } = await memberWithDevices(db, "nb", [{ showDetails: false }, { showDetails: false }]);
    const push = pushServiceHandlers({ gone: [devices[0]!.endpoint] });
    server.use(push.handler);

    expect(await sendPushToMember(db, { memberId: member.id, noticeId: "n1" }, env)).toEqual({
      sent: 1,
      removed: 1,
      failed: 0,
    });
    const left = await db.selectFrom("push_subscriptions").select("endpoint").execute();
    expect(left).toEqual([{ endpoint: devices[1]!.endpoint }]);
  });

  test("sends nothing to another member's devices", async () => {
    const { db } = database();
    const { member } = await memberWithDevices(db, "nb", []);
    await memberWithDevices(db, "nb", [{ showDetails: false }]);
    const push = pushServiceHandlers();
    server.use(push.handler);
    expect(await sendPushToMember(db, { memberId: member.id, noticeId: "n1" }, env)).toEqual({
      sent: 0,
      removed: 0,
      failed: 0,
    });
    expect(push.received).toHaveLength(0);
  });
});

describe("the push job", () => {
  test("is sent by the scheduler once for a step's notices, however often they are enqueued", async () => {
    const { db } = database();
    const { member, devices } = await memberWithDevices(db, "nb", [{ showDetails: false }]);
    const push = pushServiceHandlers();
    server.use(push.handler);

    const step = new Date();
    expect(await enqueuePush(db, { memberId: member.id, noticeId: "n1" }, step)).toBe(true);
    expect(await enqueuePush(db, { memberId: member.id, noticeId: "n1" }, step)).toBe(false);
    expect(await enqueuePush(db, { memberId: member.id, noticeId: "n1b" }, step)).toBe(false);
    const scheduler = new Scheduler(db, { handlers: { [PUSH_JOB_KIND]: pushJobHandler(env) } });
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);

    expect(push.received).toHaveLength(1);
    expect(JSON.parse(devices[0]!.decrypt(push.received[0]!.body))).toEqual({
      title: "Møteplass",
      body: "Du har en ny melding",
    });
  });

  test("asks the notices feature for the detail line and tries again later when a push service fails", async () => {
    const { db } = database();
    const { member, devices } = await memberWithDevices(db, "en", [{ showDetails: true }]);
    const push = pushServiceHandlers({ failing: [devices[0]!.endpoint] });
    server.use(push.handler);
    const asked: unknown[] = [];
    const handler = pushJobHandler(env, async (_db, ids) => (asked.push(ids), "Changed: the meeting point"));
    await enqueueJob(db, {
      kind: PUSH_JOB_KIND,
      key: "push:n2",
      runAt: new Date(),
      payload: { memberId: member.id, noticeId: "n2" },
    });

    await new Scheduler(db, { handlers: { [PUSH_JOB_KIND]: handler } }).runDue();

    expect(asked).toEqual([{ memberId: member.id, noticeId: "n2" }]);
    expect(JSON.parse(devices[0]!.decrypt(push.received[0]!.body)).body).toBe("Changed: the meeting point");
    const job = await db.selectFrom("jobs").selectAll().where("key", "=", "push:n2").executeTakeFirstOrThrow();
    expect(job).toMatchObject({ done_at: null, attempts: 1, last_error: "push_not_delivered" });
    expect(await subscriptionCount(db, member.id)).toBe(1);
  });
});

describe("a device's subscription", () => {
  test("is turned on, asked about, changed and turned off only by the member who owns it", async () => {
    const { db } = database();
    const { member, devices } = await memberWithDevices(db, "nb", [{ showDetails: false }]);
    const { member: other } = await memberWithDevices(db, "nb", []);
    const endpoint = devices[0]!.endpoint;

    expect(await deviceStatus(db, other, { endpoint })).toEqual({ subscribed: false, showDetails: false });
    expect(await setDeviceDetails(db, other, { endpoint, showDetails: true })).toBe(false);
    expect(await unsubscribeDevice(db, other, { endpoint })).toBe(false);

    expect(await setDeviceDetails(db, member, { endpoint, showDetails: true })).toBe(true);
    expect(await deviceStatus(db, member, { endpoint })).toEqual({ subscribed: true, showDetails: true });
    expect(await unsubscribeDevice(db, member, { endpoint })).toBe(true);
    expect(await subscriptionCount(db, member.id)).toBe(0);
  });

  test("moves to the member who turned push on last in the same browser (a shared phone)", async () => {
    const { db } = database();
    const { member: first, devices } = await memberWithDevices(db, "nb", [{ showDetails: true }]);
    const { member: second } = await memberWithDevices(db, "nb", []);
    await subscribeDevice(db, second, { ...devices[0]!, showDetails: false });
    expect(await subscriptionCount(db, first.id)).toBe(0);
    expect(await deviceStatus(db, second, { endpoint: devices[0]!.endpoint })).toEqual({
      subscribed: true,
      showDetails: false,
    });
  });

  test("is forgotten on every device when she signs out everywhere, and only hers", async () => {
    const { db } = database();
    const { member } = await memberWithDevices(db, "nb", [{ showDetails: false }, { showDetails: true }]);
    const { member: other } = await memberWithDevices(db, "en", [{ showDetails: false }]);
    await endAllSessionsOf(db, { memberId: member.id });
    expect(await subscriptionCount(db, member.id)).toBe(0);
    expect(await subscriptionCount(db, other.id)).toBe(1);
  });

  test("is deleted with the member's account", async () => {
    const { db } = database();
    const { member } = await memberWithDevices(db, "nb", [{ showDetails: false }, { showDetails: true }]);
    await deleteMemberAccount(db, member.id);
    expect(await db.selectFrom("push_subscriptions").select("id").execute()).toEqual([]);
  });
});

describe("the VAPID keys", () => {
  test("are made once and kept, so every instance signs with the same pair", async () => {
    const { db } = database();
    const first = await vapidKeys(db, env);
    const rows = await db.selectFrom("app_secrets").select("name").where("name", "=", "vapid-keys").execute();
    expect(rows).toHaveLength(1);
    expect(Buffer.from(first.publicKey, "base64url")).toHaveLength(65);
    // Another instance (another Kysely handle on the same rows) reads the same pair.
    const another = await vapidKeys(
      db.withPlugin({ transformQuery: (args) => args.node, transformResult: async (args) => args.result }),
      env,
    );
    expect(another).toEqual(first);
  });

  test("come from the environment when it gives them", async () => {
    const { db } = database();
    const given = {
      VAPID_PUBLIC_KEY: createTestDevice().p256dh,
      VAPID_PRIVATE_KEY: Buffer.alloc(32, 7).toString("base64url"),
    };
    expect(await vapidKeys(db, given)).toEqual({
      publicKey: given.VAPID_PUBLIC_KEY,
      privateKey: given.VAPID_PRIVATE_KEY,
    });
    expect(await db.selectFrom("app_secrets").select("name").where("name", "=", "vapid-keys").execute()).toEqual([]);
  });
});

describe("a deactivated member", () => {
  test("is sent nothing, whatever devices she had", async () => {
    const { db } = database();
    const { member } = await memberWithDevices(db, "nb", [{ showDetails: false }]);
    await db
      .updateTable("members")
      .set({ deactivated_at: new Date().toISOString() })
      .where("id", "=", member.id)
      .execute();
    const push = pushServiceHandlers();
    server.use(push.handler);
    expect(await sendPushToMember(db, { memberId: member.id, noticeId: "n1" }, env)).toEqual({
      sent: 0,
      removed: 0,
      failed: 0,
    });
    expect(push.received).toHaveLength(0);
  });
});
