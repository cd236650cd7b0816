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
    // An ordinary browser tab: the address bar and "Leave quickly" work as everywhere else.
    display: "browser",
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
