// A stand-in for a browser's push service (RFC 8030) and the browser behind it: a subscription
// with a key pair made here, and the decryption the browser would do (RFC 8291, aes128gcm), so a
// test reads exactly what a phone would show. Written from the RFCs, not with the library that
// encrypts, so the two cannot share a mistake.
import { createDecipheriv, createECDH, createHmac, randomBytes } from "node:crypto";
import { http, HttpResponse } from "msw";

export interface TestDevice {
  endpoint: string;
  p256dh: string;
  auth: string;
  decrypt(body: Buffer): string;
}

let counter = 0;

/** A browser's push subscription, with the private key only the browser would hold. */
export function createTestDevice(host = "fcm.googleapis.com"): TestDevice {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  const endpoint = `https://${host}/fcm/send/test-device-${++counter}-${randomBytes(6).toString("hex")}`;
  return {
    endpoint,
    p256dh: ecdh.getPublicKey().toString("base64url"),
    auth: auth.toString("base64url"),
    decrypt: (body) => decryptAes128gcm(body, ecdh.getPrivateKey(), ecdh.getPublicKey(), auth),
  };
}

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** RFC 8291 §3.4 and RFC 8188: one record, padding delimiter 0x02. */
export function decryptAes128gcm(body: Buffer, uaPrivate: Buffer, uaPublic: Buffer, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);

  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(uaPrivate);
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const prkKey = hmac(authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic, Buffer.from([1])]);
  const ikm = hmac(prkKey, keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "latin1")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "latin1")).subarray(0, 12);

  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error("not the last record of an aes128gcm body");
  return padded.subarray(0, end).toString("utf8");
}

export interface ReceivedPush {
  endpoint: string;
  headers: Headers;
  body: Buffer;
}

/**
 * msw handlers for push services: every push is recorded; an endpoint in `gone` answers 410 (the
 * browser unsubscribed), one in `failing` 503.
 */
export function pushServiceHandlers(options: { gone?: string[]; failing?: string[] } = {}) {
  const received: ReceivedPush[] = [];
  const handler = http.post(/^https:\/\/[^/]+\/.*/, async ({ request }) => {
    const body = Buffer.from(await request.arrayBuffer());
    received.push({ endpoint: request.url, headers: request.headers, body });
    if (options.gone?.includes(request.url)) return new HttpResponse(null, { status: 410 });
    if (options.failing?.includes(request.url)) return new HttpResponse(null, { status: 503 });
    return new HttpResponse(null, { status: 201 });
  });
  return { handler, received };
}
