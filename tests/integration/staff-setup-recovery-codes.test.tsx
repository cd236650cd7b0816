// Staff keep their recovery codes the way members do: the set-up page that shows them once also
// saves them as a file (a plain form, so it works without JavaScript).
import { renderToStaticMarkup } from "react-dom/server";
import { TranslationProvider } from "~/i18n/react";
import { i18nFor } from "~/i18n/catalogs.server";
import StaffLoginSetup from "~/routes/staff.login.setup";

const page = vi.hoisted(() => ({ actionData: undefined as unknown }));
vi.mock("@remix-run/react", async (importOriginal) => {
  const real = await importOriginal<typeof import("@remix-run/react")>();
  return {
    ...real,
    useLoaderData: () => ({ done: false }),
    useActionData: () => page.actionData,
    useNavigation: () => ({ state: "idle" }),
    Link: ({ to, children }: { to: string; children: React.ReactNode }) => <a href={to}>{children}</a>,
    Form: ({ children }: { children: React.ReactNode }) => <form method="post">{children}</form>,
  };
});

describe("the staff set-up page, once the second factor is set up", () => {
  it("shows the recovery codes with a form that saves them as a file", () => {
    const codes = ["AAAA-BBBB-CCCC-DDDD-EEEE", "FFFF-GGGG-HHHH-JJJJ-KKKK"];
    page.actionData = { errors: undefined, recoveryCodes: codes };
    const i18n = i18nFor("nb");
    const html = renderToStaticMarkup(
      <TranslationProvider i18n={i18n}>
        <StaffLoginSetup />
      </TranslationProvider>,
    );
    expect(html).toContain('action="/recovery-codes.txt"');
    for (const code of codes) expect(html).toContain(`<input type="hidden" name="code" value="${code}"/>`);
    expect(html).toContain(i18n.t("recovery.saveFile"));
  });
});
