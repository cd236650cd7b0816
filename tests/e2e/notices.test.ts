// The whole path of a change to a member's phone, in Chromium against the production server:
// Solsikke turns notifications on at /notices, the Oslo coordinator moves the dinner she is going
// to through the staff pages, the scheduler inside the server sends the push, and the stand-in
// push service on 127.0.0.1 receives it; the test decrypts it as her phone would and reads only
// the neutral line. The notice is then on /notices, counted in the header.
import http from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { DEMO_MEMBER_PASSPHRASE } from "../../scripts/demo-data";
import { rsvpGoing } from "~/features/answers/answers.server";
import { addNotice } from "~/features/notices/notices.server";
import { resources } from "~/i18n/catalogs.server";
import { createTestDevice } from "../mocks/push-service";
import { withStandInPushService } from "./push-stand-in";
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningApp,
  screenshot,
  staffSignIn,
  startApp,
  waitForHydration,
  watchPage,
} from "./support";

const nb = resources.nb.translation;
const PRELOAD = fileURLToPath(new URL("./preload/push-service-stand-in.mjs", import.meta.url));
const NO_PROBLEMS = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };

interface Received {
  host: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let app: RunningApp;
let browser: Browser;
let standIn: http.Server;
const received: Received[] = [];

beforeAll(async () => {
  // The stand-in push service: it keeps what arrives and answers 201 Created, as FCM does.
  standIn = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        host: String(req.headers["x-push-host"]),
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(201).end();
    });
  });
  standIn.listen(0, "127.0.0.1");
  await once(standIn, "listening");
  const { port } = standIn.address() as AddressInfo;
  [app, browser] = await Promise.all([
    startApp({ seed: true, env: { NODE_OPTIONS: `--import ${PRELOAD}`, PUSH_STAND_IN_PORT: String(port) } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  standIn?.close();
});

async function memberSignIn(page: Page) {
  await page.goto(app.baseUrl + "/login", { waitUntil: "networkidle" });
  await waitForHydration(page);
  await page.getByLabel(nb.login.pseudonymLabel, { exact: true }).fill("Solsikke");
  await page.getByLabel(nb.login.passphraseLabel, { exact: true }).fill(DEMO_MEMBER_PASSPHRASE);
  await Promise.all([page.waitForURL(app.baseUrl + "/"), page.getByRole("button", { name: nb.login.submit }).click()]);
}

describe("a change reaches a member's phone", () => {
  test("a staff change of the time is pushed as the neutral line only, and the notice waits on /notices", async () => {
    const { db } = openDatabase(app.databasePath);
    const device = createTestDevice();
    const memberContext = await browser.newContext({
      viewport: PHONE,
      locale: "nb-NO",
      isMobile: true,
      hasTouch: true,
    });
    const staffContext = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    try {
      const solsikke = await db
        .selectFrom("members")
        .select(["id", "chapter_id"])
        .where("pseudonym", "=", "Solsikke")
        .executeTakeFirstOrThrow();
      const dinner = await db
        .selectFrom("activities")
        .select(["id", "title"])
        .where("title", "=", "Middag sammen")
        .where("chapter_id", "=", solsikke.chapter_id)
        .where("series_id", "is", null)
        .where("starts_at", ">", new Date().toISOString())
        .orderBy("starts_at")
        .executeTakeFirstOrThrow();
      const outcome = await rsvpGoing(
        db,
        { id: solsikke.id, chapterId: solsikke.chapter_id },
        { activityId: dinner.id, note: null, showPseudonym: false },
      );
      // The dinner is full: she waits for a place, and a change concerns her all the same.
      expect(outcome).toMatchObject({ ok: true, status: "waitlisted" });
      const unreadBefore = (
        await db
          .selectFrom("notices")
          .select("id")
          .where("member_id", "=", solsikke.id)
          .where("read_at", "is", null)
          .execute()
      ).length;

      // She turns notifications on for this phone, on /notices.
      await memberContext.grantPermissions(["notifications"], { origin: app.baseUrl });
      await withStandInPushService(memberContext, device);
      const member = await memberContext.newPage();
      const memberProblems = await watchPage(member, app.baseUrl);
      await memberSignIn(member);
      await member.goto(app.baseUrl + "/notices", { waitUntil: "networkidle" });
      await waitForHydration(member);
      const settings = member.getByRole("region", { name: nb.push.settings.title });
      await settings.getByRole("button", { name: nb.push.settings.turnOn }).click();
      await settings.getByText(nb.push.settings.isOn).waitFor();
      const before = received.length;

      // The coordinator moves the dinner an hour later, through the staff page.
      const staff = await staffContext.newPage();
      const staffProblems = await watchPage(staff, app.baseUrl);
      await staffSignIn(staff, app.baseUrl, { email: "oslo@example.org" });
      await staff.goto(`${app.baseUrl}/staff/activities/${dinner.id}`, { waitUntil: "networkidle" });
      await waitForHydration(staff);
      await staff.locator("#field-startTime").fill("18:00");
      await staff.locator("#field-endTime").fill("21:00");
      await staff.getByRole("button", { name: nb.staff.activity.save, exact: true }).click();
      await staff.getByText(nb.staff.activity.saved).waitFor();

      // The scheduler in the server sends it; the stand-in receives exactly one push for her phone.
      await vi.waitFor(() => expect(received.length).toBeGreaterThan(before), { timeout: 30_000, interval: 200 });
      await new Promise((resolve) => setTimeout(resolve, 2_500)); // a second push would come by now
      const pushes = received.slice(before);
      expect(pushes.map((p) => `https://${p.host}${p.path}`)).toEqual([device.endpoint]);
      expect(device.decrypt(pushes[0]!.body)).toBe('{"title":"Møteplass","body":"Du har en ny melding"}');
      expect(pushes[0]!.headers).toMatchObject({ ttl: "43200", urgency: "normal", topic: "notices" });

      // On her phone the notice is on /notices, and the header counts it.
      await member.goto(app.baseUrl + "/notices", { waitUntil: "networkidle" });
      await member.getByText(`${nb.notices.unread}: Tiden er endret: Middag sammen.`, { exact: false }).waitFor();
      const link = member.getByRole("link", { name: new RegExp(`^${nb.notices.headerLink}`) });
      await expect(link.locator(".count-badge").textContent()).resolves.toBe(String(unreadBefore + 1));
      expect(memberProblems).toEqual(NO_PROBLEMS);
      expect(staffProblems).toEqual(NO_PROBLEMS);

      // A few notices of other kinds, for the screenshots in three languages.
      const cafe = await db
        .selectFrom("activities")
        .innerJoin("rsvps", "rsvps.activity_id", "activities.id")
        .select("activities.id")
        .where("rsvps.member_id", "=", solsikke.id)
        .where("activities.title", "=", "Kafékveld")
        .executeTakeFirstOrThrow();
      const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
      await addNotice(db, { memberId: solsikke.id, kind: "reminder", activityId: cafe.id }, at(60));
      await addNotice(db, { memberId: solsikke.id, kind: "promoted", activityId: dinner.id }, at(120));
      await addNotice(
        db,
        { memberId: solsikke.id, kind: "offered", activityId: cafe.id, params: { expiresAt: at(-600).toISOString() } },
        at(1),
      );
      const old = await addNotice(db, { memberId: solsikke.id, kind: "cancelled", activityId: null }, at(300));
      await db
        .updateTable("notices")
        .set({ read_at: at(200).toISOString() })
        .where("id", "=", old)
        .execute();
      for (const lang of ["nb", "en", "ar"]) {
        await member.goto(`${app.baseUrl}/notices?lang=${lang}`, { waitUntil: "networkidle" });
        await waitForHydration(member);
        await member
          .getByRole("region", { name: resources[lang as "nb"].translation.push.settings.title })
          .getByText(resources[lang as "nb"].translation.push.settings.isOn)
          .waitFor();
        await screenshot(member, `notices-${lang}`);
      }
    } finally {
      await db.destroy();
      await memberContext.close();
      await staffContext.close();
    }
  }, 120_000);
});
