// `npm run demo:totp`: the current sign-in code for the demo staff accounts.
import { currentTotpCode } from "~/platform/totp.server";
import { DEMO_TOTP_SECRET } from "./demo-data";

const now = new Date();
const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
console.log(`${currentTotpCode(DEMO_TOTP_SECRET, now)}  (${secondsLeft} s left)`);
console.log("Each code works once: if this one was just used, wait for the next.");
