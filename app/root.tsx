import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type MetaFunction,
} from "@remix-run/react";
import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { QuickExit } from "~/components/QuickExit";
import { SiteFooter } from "~/components/SiteFooter";
import { SiteHeader } from "~/components/SiteHeader";
import { DEFAULT_LOCALE, direction, i18nFor, LOCALE_TAGS, type Locale } from "~/i18n/config";
import { languageCookie, languageToRemember, localeFromRequest } from "~/platform/locale.server";
import { getViewer } from "~/features/sessions/viewer.server";
import { countUnreadNotices } from "~/features/notices/notices.server";
import { env } from "~/platform/env.server";
import { db } from "~/platform/db.server";
import { useNonce } from "~/platform/nonce";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
  // Without it, iOS makes a home-screen icon from a screenshot of the page.
  { rel: "apple-touch-icon", href: "/icon-192.png" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const viewer = await getViewer(request);
  // Only what the header needs: never more about the person than the page shows anyway.
  const who =
    viewer.kind === "member"
      ? ({
          kind: "member",
          name: viewer.member.pseudonym,
          // One indexed count per page: the header's unread notices.
          unreadNotices: await countUnreadNotices(db(), { memberId: viewer.member.id }),
        } as const)
      : viewer.kind === "staff"
        ? ({ kind: "staff", name: viewer.staff.displayName } as const)
        : ({ kind: "anonymous" } as const);
  const remember = languageToRemember(request);
  return data(
    { locale, siteName: env().SITE_NAME, who, quickExitUrl: env().QUICK_EXIT_URL },
    remember ? { headers: { "Set-Cookie": languageCookie(remember, env().SECURE_COOKIES) } } : undefined,
  );
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  const i18n = useMemo(() => i18nFor(locale), [locale]);
  return (
    <html lang={LOCALE_TAGS[locale]} dir={direction(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        {/* The name under a home-screen icon on iOS, which does not read the manifest. */}
        <meta name="apple-mobile-web-app-title" content={data?.siteName ?? ""} />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          {/* First in the tab order, before the skip link: leaving must take one key press. */}
          <QuickExit exitUrl={data?.quickExitUrl} />
          <SiteHeader siteName={data?.siteName ?? ""} who={data?.who ?? { kind: "anonymous" }} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.siteName ?? "" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
