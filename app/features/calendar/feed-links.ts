// Feed links as people add them to a calendar app.
/** The https and webcal:// forms of a feed link (webcal:// opens the calendar app on phones). */
export function feedLinks(origin: string, token: string) {
  const https = `${origin}/calendar/${token}.ics`;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}
