// The service worker: registered only when a member turns push on for this device, and
// unregistered when she turns it off (decision 031). It shows pushes and opens /notices; nothing
// else. It has no fetch handler and no cache: pages never pass through it and none is kept, so
// nothing of the site stays on a shared phone but the neutral notification itself.
"use strict";

const NOTICES = "/notices";
// One tag for every notification: the lock screen holds at most one of ours, and a repeated push
// replaces the one before instead of adding a second.
const TAG = "notice";
// Shown if a push arrives without a readable payload (the site's name is in the payload).
const FALLBACK_TITLE = "\u00a0";

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("push", (event) => {
  let title = FALLBACK_TITLE;
  let body = "";
  try {
    const data = event.data ? event.data.json() : {};
    if (typeof data.title === "string" && data.title) title = data.title.slice(0, 60);
    if (typeof data.body === "string") body = data.body.slice(0, 160);
  } catch {
    // Not ours to read: show the neutral fallback, as every push must show something.
  }
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      icon: "/icon-192.png",
      tag: TAG,
      renotify: true,
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openNotices());
});

// The quick exit asks us to take our notifications off the screen; the subscription stays.
self.addEventListener("message", (event) => {
  if (event.data === "close-notifications") {
    event.waitUntil(
      self.registration.getNotifications().then((shown) => {
        for (const notification of shown) notification.close();
      }),
    );
  }
});

async function openNotices() {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    if (new URL(client.url).origin !== self.location.origin) continue;
    const focused = await client.focus();
    return focused.navigate(NOTICES);
  }
  return self.clients.openWindow(NOTICES);
}
