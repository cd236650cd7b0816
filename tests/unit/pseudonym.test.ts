import { checkPseudonym, pseudonymCaseKey, pseudonymKey } from "~/features/members/pseudonym";
import { checkPassphrase } from "~/features/members/passphrase";
import { isCommonPassword } from "~/platform/common-passwords.server";

describe("pseudonym rules", () => {
  it.each(["Solsikke", "Ås", "Nordlys 2", "ma-ri_a.k", "سارا", "سحر", "Cabdi", "میرا", "Ørn"])("accepts %s", (name) =>
    expect(checkPseudonym(name)).toEqual({ ok: true, pseudonym: name.normalize("NFC") }),
  );

  it("normalises to NFC and trims, so a decomposed å counts as one character", () => {
    const decomposed = "A\u030as"; // "Ås" written as A + combining ring
    const result = checkPseudonym(`  ${decomposed}  `);
    expect(result).toEqual({ ok: true, pseudonym: "Ås" });
  });

  it("counts visible characters, so 32 emoji-free graphemes pass and 33 do not", () => {
    expect(checkPseudonym("a".repeat(32)).ok).toBe(true);
    expect(checkPseudonym("a".repeat(33))).toEqual({ ok: false, error: "pseudonym.tooLong" });
  });

  it.each([
    ["", "pseudonym.required"],
    ["   ", "pseudonym.required"],
    ["a", "pseudonym.tooShort"],
    ["Sara\u202eevil", "pseudonym.invisible"],
    ["Sa\u200bra", "pseudonym.invisible"],
    ["Sa\u0000ra", "pseudonym.invisible"],
    ["Sara\u2066", "pseudonym.invisible"],
    ["<script>", "pseudonym.characters"],
    ["Sara😀", "pseudonym.characters"],
    ["a@b.no", "pseudonym.characters"],
  ])("refuses %j with %s", (name, error) => {
    expect(checkPseudonym(name)).toEqual({ ok: false, error });
  });

  it("gives look-alike pseudonyms the same key, whatever the case or script", () => {
    expect(pseudonymKey("Sara")).toBe(pseudonymKey("Ѕаrа")); // Cyrillic S, a, a
    expect(pseudonymKey("SARA")).toBe(pseudonymKey("sara"));
    expect(pseudonymKey("Sara")).not.toBe(pseudonymKey("Sana"));
  });

  it.each([
    ["\u0397iba", "Hiba", "Greek capital Eta"],
    ["\u039dora", "Nora", "Greek capital Nu"],
    ["\u039aari", "Kari", "Greek capital Kappa"],
    ["\u0395mma", "Emma", "Greek capital Epsilon"],
    ["\u0422ariq", "Tariq", "Cyrillic capital Te"],
    ["Zo\u0451", "Zo\u00eb", "Cyrillic io, which decomposes to e with diaeresis"],
    ["\u0391\u0399\u0395\u039d", "Aien", "only Greek capitals"],
    ["\u03bdera", "vera", "Greek small nu"],
  ])("gives %s the key of %s (%s), whatever the case", (lookAlike, original) => {
    for (const form of [original, original.toLowerCase(), original.toUpperCase()]) {
      expect(pseudonymKey(lookAlike)).toBe(pseudonymKey(form));
    }
  });

  it("keeps sign-in case-insensitive for Latin names, also where a capital looks like another letter", () => {
    for (const [a, b] of [
      ["Ingrid", "ingrid"],
      ["INGRID", "ingrid"],
      ["Maria", "MARIA"],
      ["Ørn", "ØRN"],
      ["Straße", "STRASSE"],
    ]) {
      expect(pseudonymKey(a!)).toBe(pseudonymKey(b!));
    }
  });

  it("gives case variants of any script one case key", () => {
    expect(pseudonymCaseKey("Наташа")).toBe(pseudonymCaseKey("НАТАША"));
    expect(pseudonymCaseKey("Ηλιος")).toBe(pseudonymCaseKey("ηλιος"));
    expect(pseudonymCaseKey("Ås")).toBe(pseudonymCaseKey("A\u030as"));
    expect(pseudonymCaseKey("Sara")).not.toBe(pseudonymCaseKey("Ѕаrа"));
  });

  it("keeps different names apart", () => {
    for (const [a, b] of [
      ["Sara", "Sana"],
      ["Ås", "As"],
      ["Nora", "Mora"],
      ["Hiba", "Hina"],
    ]) {
      expect(pseudonymKey(a!)).not.toBe(pseudonymKey(b!));
    }
  });

  it("refuses a letter with more combining marks than any script needs, and accepts real ones", () => {
    expect(checkPseudonym("Ab" + "\u0301".repeat(360))).toEqual({ ok: false, error: "pseudonym.tooManyMarks" });
    expect(checkPseudonym("Za\u0300\u0301\u0302\u0303")).toEqual({ ok: false, error: "pseudonym.tooManyMarks" });
    for (const name of ["Nguyễn", "Việt", "שָׁלוֹם", "مُحَمَّد", "नमस्ते", "Zoë"]) expect(checkPseudonym(name).ok).toBe(true);
  });
});

describe("passphrase rules", () => {
  const isCommon = isCommonPassword;

  it("accepts long passphrases with no composition rules", () => {
    expect(checkPassphrase("blå sykkel under treet", { isCommon })).toBeUndefined();
    expect(checkPassphrase("x".repeat(64) + " lang nok", { isCommon })).toBeUndefined();
  });

  it("refuses short, empty and huge ones", () => {
    expect(checkPassphrase("", { isCommon })).toBe("passphrase.required");
    expect(checkPassphrase("kort frase", { isCommon })).toBeUndefined();
    expect(checkPassphrase("kortfrase", { isCommon })).toBe("passphrase.tooShort");
    expect(checkPassphrase("y".repeat(1001), { isCommon })).toBe("passphrase.tooLong");
  });

  it("refuses common passwords, also with digits or symbols added at the end", () => {
    expect(checkPassphrase("1234567890", { isCommon })).toBe("passphrase.common");
    expect(checkPassphrase("qwertyuiop", { isCommon })).toBe("passphrase.common");
    expect(isCommonPassword("Password123!")).toBe(true);
    expect(isCommonPassword("fjellet havet og stille morgener")).toBe(false);
  });
});
