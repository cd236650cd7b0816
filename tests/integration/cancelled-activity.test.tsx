// A cancelled activity offers no calendar file and no promise of an address: the page a member
// sees (rendered from what the loader really answers) and the .ics route itself.
import { renderToStaticMarkup } from "react-dom/server";
import { TranslationProvider } from "~/i18n/react";
import { createSession, SESSION_POLICY, sessionCookieName } from "~/features/sessions/sessions.server";
import { i18nFor } from "~/i18n/catalogs.server";
import { loader as downloadLoader } from "~/routes/activities.$activityId.calendar[.ics]";
import ActivityPage, { loader as activityLoader } from "~/routes/activities.$activityId";
import { createActivity, createChapter, createGroup, createMember, createRsvp } from "../factories";
import { useTestDatabase } from "../setup/db";

const page = vi.hoisted(() => ({ data: undefined as unknown }));
vi.mock("@remix-run/react", async (importOriginal) => {
  const real = await importOriginal<typeof import("@remix-run/react")>();
  return {
    ...real,
    useLoaderData: () => page.data,
    useActionData: () => undefined,
    useNavigation: () => ({ state: "idle" }),
    Link: ({ to, children }: { to: string; children: React.ReactNode }) => <a href={to}>{children}</a>,
    Form: ({ children }: { children: React.ReactNode }) => <form method="post">{children}</form>,
  };
});

const database = useTestDatabase();
const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

async function memberAndActivity(status: "scheduled" | "cancelled", answer: "going" | null = null) {
  const db = database().db;
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id });
  const member = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] });
  const activity = await createActivity(db, {
    chapter_id: chapter.id,
    group_id: group.id,
    starts_at: inDays(3),
    address: "Hemmeligveien 7",
    status,
    cancelled_at: status === "cancelled" ? new Date().toISOString() : null,
  });
  if (answer) await createRsvp(db, { activity_id: activity.id, member_id: member.id, status: answer });
  const { token } = await createSession(db, { memberId: member.id }, SESSION_POLICY.memberSharedDevice);
  return { activity, cookie: `${sessionCookieName()}=${token}` };
}

async function renderPage(activityId: string, cookie: string) {
  const request = new Request(`http://localhost/activities/${activityId}`, { headers: { Cookie: cookie } });
  page.data = await activityLoader({ request, params: { activityId }, context: {} } as never);
  return renderToStaticMarkup(
    <TranslationProvider i18n={i18nFor("en")}>
      <ActivityPage />
    </TranslationProvider>,
  );
}

function download(activityId: string, cookie: string) {
  const request = new Request(`http://localhost/activities/${activityId}/calendar.ics`, {
    headers: { Cookie: cookie },
  });
  return downloadLoader({ request, params: { activityId }, context: {} } as never) as Promise<Response>;
}

describe("an activity page", () => {
  test("of a coming activity offers the calendar file and says when the address will be shown", async () => {
    const { activity, cookie } = await memberAndActivity("scheduled");
    const html = await renderPage(activity.id, cookie);
    expect(html).toContain(`/activities/${activity.id}/calendar.ics`);
    expect(html).toContain("You see the address when you have said you are coming.");
  });

  test("of a cancelled activity offers no calendar file and promises no address", async () => {
    const { activity, cookie } = await memberAndActivity("cancelled");
    const html = await renderPage(activity.id, cookie);
    expect(html).toContain("This activity is cancelled.");
    expect(html).not.toContain("calendar.ics");
    expect(html).not.toContain("You see the address when you have said you are coming.");
  });

  test("of a cancelled activity shows a member who was going neither the address nor the file", async () => {
    const { activity, cookie } = await memberAndActivity("cancelled", "going");
    const html = await renderPage(activity.id, cookie);
    expect(html).not.toContain("calendar.ics");
    expect(html).not.toContain("Hemmeligveien");
  });
});

describe("GET /activities/<id>/calendar.ics of a cancelled activity", () => {
  test("answers 404, exactly as for an activity that does not exist", async () => {
    const { activity, cookie } = await memberAndActivity("cancelled", "going");
    const cancelled = await download(activity.id, cookie);
    const missing = await download("00000000-0000-0000-0000-000000000000", cookie);
    expect(cancelled.status).toBe(404);
    expect(cancelled.headers.get("Content-Type")).toBe(missing.headers.get("Content-Type"));
    expect(await cancelled.text()).toBe(await missing.text());
  });

  test("while the same activity, not cancelled, downloads", async () => {
    const { activity, cookie } = await memberAndActivity("scheduled", "going");
    const response = await download(activity.id, cookie);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("BEGIN:VEVENT");
  });
});
