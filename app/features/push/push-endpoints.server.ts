// What a browser hands over when it subscribes (PushSubscription.toJSON()), checked before it is
// kept. The endpoint must belong to a known push service: the server posts to it, so a free
// address would let anyone make the server call hosts of their choosing.
import { z } from "zod";

/** Host names (or their parent domains) of the push services browsers use. */
export const PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com", // Chrome, Android browsers, Samsung Internet, Opera, Brave
  "android.googleapis.com", // older Chrome
  "updates.push.services.mozilla.com", // Firefox
  "push.apple.com", // Safari (web.push.apple.com)
  "notify.windows.com", // Edge (*.notify.windows.com)
] as const;

export function isPushServiceEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password || (url.port && url.port !== "443")) return false;
  const host = url.hostname.toLowerCase();
  return PUSH_SERVICE_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
}

const base64url = (bytes: number) =>
  z
    .string()
    .max(200)
    .refine((s) => /^[A-Za-z0-9_-]+={0,2}$/.test(s) && Buffer.from(s, "base64url").length === bytes);

export const subscriptionFields = {
  endpoint: z.string().max(1000).refine(isPushServiceEndpoint),
  /** the browser's P-256 public key, uncompressed (65 bytes) */
  p256dh: base64url(65).refine((s) => Buffer.from(s, "base64url")[0] === 4),
  /** the browser's auth secret (16 bytes) */
  auth: base64url(16),
};
