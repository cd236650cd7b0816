import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type MetaFunction,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useMemo, type ReactNode } from "react";
import { TranslationProvider } from "~/i18n/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { QuickExit } from "~/components/QuickExit";
import { SiteFooter } from "~/components/SiteFooter";
import { SiteHeader } from "~/components/SiteHeader";
import {
  catalogScope,
  DEFAULT_LOCALE,
  direction,
  i18nFromCatalog,
  LOCALE_TAGS,
  type CatalogTree,
  type Locale,
} from "~/i18n/config";
import { catalogForPath } from "~/i18n/catalogs.server";
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
  // Only the reader's language, and staff strings only under /staff (decision 038).
  const catalog = catalogForPath(locale, new URL(request.url).pathname);
  return data(
    {
      locale,
      siteName: env().SITE_NAME,
      who,
      quickExitUrl: env().QUICK_EXIT_URL,
      catalog: catalog.catalog,
      catalogKey: catalog.key,
    },
    remember ? { headers: { "Set-Cookie": languageCookie(remember, env().SECURE_COOKIES) } } : undefined,
  );
}

/** Crossing into or out of /staff needs the other catalog; otherwise Remix's own rules. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || catalogScope(currentUrl.pathname) !== catalogScope(nextUrl.pathname);

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  const catalog = data?.catalog as CatalogTree | undefined;
  const catalogKey = data?.catalogKey ?? "none";
  const i18n = useMemo(() => i18nFromCatalog(locale, catalog ?? {}, catalogKey), [locale, catalog, catalogKey]);
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
        <TranslationProvider i18n={i18n}>
          {/* First in the tab order, before the skip link: leaving must take one key press. */}
          <QuickExit exitUrl={data?.quickExitUrl} />
          <SiteHeader siteName={data?.siteName ?? ""} who={data?.who ?? { kind: "anonymous" }} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </TranslationProvider>
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
