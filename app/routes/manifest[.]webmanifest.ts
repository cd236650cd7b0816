// The web app manifest: what a phone shows under an icon on its home screen. Neutral by default
// and configurable (SITE_NAME, SITE_SHORT_NAME); the icon is an abstract shape.
import { env } from "~/platform/env.server";

export function loader() {
  const { SITE_NAME, SITE_SHORT_NAME } = env();
  const manifest = {
    name: SITE_NAME,
    short_name: SITE_SHORT_NAME,
    start_url: "/",
    scope: "/",
    // Standalone (decision 031): iPhone and iPad deliver push only to a site opened from the Home
    // Screen as an app. "Leave quickly" works the same there: the page goes blank and is replaced
    // by the neutral site, which the app window shows (and the app switcher remembers).
    display: "standalone",
    background_color: "#f6f4ef",
    theme_color: "#1d5c63",
    icons: [
      { src: "/favicon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
