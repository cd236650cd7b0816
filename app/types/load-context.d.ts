// What server/app.ts hands every loader and action as `context`.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** the per-request CSP nonce */
    cspNonce: string;
    /** the client address (TRUST_PROXY honoured); read it with clientAddress(context), for rate limits only */
    clientAddress: string;
  }
}
