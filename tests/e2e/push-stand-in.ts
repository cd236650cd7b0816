// Chromium here has no push service: PushManager is answered by a stand-in whose endpoint and keys
// the test holds (tests/mocks/push-service.ts createTestDevice), for push.test.ts and notices.test.ts.
// Like a real subscription, it outlives a page load (kept in the page's localStorage).
import type { BrowserContext } from "playwright-core";

export async function withStandInPushService(
  context: BrowserContext,
  device: { endpoint: string; p256dh: string; auth: string },
) {
  await context.addInitScript((given) => {
    const FLAG = "__standInPushSubscribed";
    const make = () =>
      ({
        endpoint: given.endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: null },
        toJSON: () => ({
          endpoint: given.endpoint,
          expirationTime: null,
          keys: { p256dh: given.p256dh, auth: given.auth },
        }),
        unsubscribe: async () => (localStorage.removeItem(FLAG), true),
      }) as unknown as PushSubscription;
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
      (window as unknown as { __serverKey: string }).__serverKey = btoa(String.fromCharCode(...key))
        .replace(/\+/g, "-")
        .replace(/\//g, "_")
        .replace(/=+$/, "");
      localStorage.setItem(FLAG, "1");
      return make();
    };
    PushManager.prototype.getSubscription = async function () {
      return localStorage.getItem(FLAG) ? make() : null;
    };
  }, device);
}
