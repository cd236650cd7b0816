import { describe, expect, it } from "vitest";
import { pendingTotpSecret } from "~/features/staff/staff-sign-in.server";
import { currentTotpCode, totpUri, verifyTotp } from "~/platform/totp.server";

const SECRET = "JBSWY3DPEHPK3PXP";
// A step boundary (step 59_856_480), so ±30 s is exactly one step either way.
const NOW = new Date("2026-11-26T12:00:00Z");
const STEP = NOW.getTime() / 30_000;
const secondsLater = (s: number) => new Date(NOW.getTime() + s * 1000);

describe("TOTP", () => {
  it("matches the RFC 6238 test vector for SHA1", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s, 8 digits 94287082 -> 6 digits 287082.
    const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(currentTotpCode(rfcSecret, new Date(59_000))).toBe("287082");
  });

  it("offers at set-up a 160-bit base32 secret, the same for one sign-in session and another for the next", () => {
    const secret = pendingTotpSecret("a".repeat(43));
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(pendingTotpSecret("a".repeat(43))).toBe(secret);
    expect(pendingTotpSecret("b".repeat(43))).not.toBe(secret);
  });

  it("builds an otpauth URI with the issuer, label and standard parameters", () => {
    const uri = new URL(totpUri({ secret: SECRET, label: "admin@example.org", issuer: "Møteplass" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.searchParams.get("secret")).toBe(SECRET);
    expect(uri.searchParams.get("issuer")).toBe("Møteplass");
    expect(uri.searchParams.get("algorithm")).toBe("SHA1");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(decodeURIComponent(uri.pathname)).toContain("admin@example.org");
  });

  it("accepts the current code once and returns its step", () => {
    const code = currentTotpCode(SECRET, NOW);
    expect(verifyTotp({ secret: SECRET, code, lastStep: null, now: NOW })).toEqual({ ok: true, step: STEP });
  });

  it("refuses the same code a second time within its step", () => {
    const code = currentTotpCode(SECRET, NOW);
    const first = verifyTotp({ secret: SECRET, code, lastStep: null, now: NOW });
    expect(first.ok).toBe(true);
    const lastStep = first.ok ? first.step : null;
    expect(verifyTotp({ secret: SECRET, code, lastStep, now: secondsLater(10) })).toEqual({ ok: false });
  });

  it("refuses a code from a step at or before the last accepted one", () => {
    const previous = currentTotpCode(SECRET, secondsLater(-30));
    expect(verifyTotp({ secret: SECRET, code: previous, lastStep: STEP, now: NOW })).toEqual({ ok: false });
    expect(verifyTotp({ secret: SECRET, code: previous, lastStep: STEP - 1, now: NOW })).toEqual({ ok: false });
  });

  it("accepts the next code after one was used", () => {
    const next = currentTotpCode(SECRET, secondsLater(30));
    expect(verifyTotp({ secret: SECRET, code: next, lastStep: STEP, now: secondsLater(30) })).toEqual({
      ok: true,
      step: STEP + 1,
    });
  });

  it("accepts codes one step early or late, but not two", () => {
    const late = currentTotpCode(SECRET, secondsLater(-30));
    const early = currentTotpCode(SECRET, secondsLater(30));
    expect(verifyTotp({ secret: SECRET, code: late, lastStep: null, now: NOW })).toEqual({ ok: true, step: STEP - 1 });
    expect(verifyTotp({ secret: SECRET, code: early, lastStep: null, now: NOW })).toEqual({ ok: true, step: STEP + 1 });

    const tooLate = currentTotpCode(SECRET, secondsLater(-60));
    const tooEarly = currentTotpCode(SECRET, secondsLater(60));
    expect(verifyTotp({ secret: SECRET, code: tooLate, lastStep: null, now: NOW })).toEqual({ ok: false });
    expect(verifyTotp({ secret: SECRET, code: tooEarly, lastStep: null, now: NOW })).toEqual({ ok: false });
  });

  it("ignores spaces in the code", () => {
    const code = currentTotpCode(SECRET, NOW);
    const spaced = ` ${code.slice(0, 3)} ${code.slice(3)} `;
    expect(verifyTotp({ secret: SECRET, code: spaced, lastStep: null, now: NOW })).toEqual({ ok: true, step: STEP });
  });

  it.each(["", "12345", "1234567", "12a456", "١٢٣٤٥٦", "123-456", "０１２３４５"])("refuses %j", (code) => {
    expect(verifyTotp({ secret: SECRET, code, lastStep: null, now: NOW })).toEqual({ ok: false });
  });

  it("refuses a wrong six-digit code", () => {
    const code = currentTotpCode(SECRET, NOW);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(verifyTotp({ secret: SECRET, code: wrong, lastStep: null, now: NOW })).toEqual({ ok: false });
  });
});
