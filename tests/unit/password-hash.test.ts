import {
  hashPassword,
  legacyScryptHashForTests,
  PRODUCTION_HASH_PARAMS,
  setHashParamsForTests,
  verifyPassword,
} from "~/platform/password.server";
import { TEST_HASH_PARAMS } from "../setup/unit";

describe("password hashes", () => {
  afterEach(() => setHashParamsForTests(TEST_HASH_PARAMS));

  it("uses Argon2id at OWASP's 19 MiB, two passes, one lane in production, stored in the hash", async () => {
    expect(PRODUCTION_HASH_PARAMS).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    setHashParamsForTests(PRODUCTION_HASH_PARAMS);
    const hash = await hashPassword("en lang og god frase");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword("en lang og god frase", hash)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword("en annen frase", hash)).toEqual({ ok: false, needsRehash: false });
  });

  it("salts every hash, so the same passphrase never gives the same hash", async () => {
    expect(await hashPassword("samme frase")).not.toBe(await hashPassword("samme frase"));
  });

  it("asks for a new hash when the stored one has other parameters than today's", async () => {
    const old = await hashPassword("en lang og god frase");
    setHashParamsForTests({ ...TEST_HASH_PARAMS, memoryCost: 512 });
    expect(await verifyPassword("en lang og god frase", old)).toEqual({ ok: true, needsRehash: true });
  });

  it("verifies old scrypt hashes and always asks for an Argon2id one instead", async () => {
    const old = await legacyScryptHashForTests("en lang og god frase", { N: 2 ** 10, r: 8, p: 1 });
    expect(await verifyPassword("en lang og god frase", old)).toEqual({ ok: true, needsRehash: true });
    expect((await verifyPassword("feil frase", old)).ok).toBe(false);
  });

  it("refuses a stored value in no known format", async () => {
    expect(await verifyPassword("x", "plain text")).toEqual({ ok: false, needsRehash: false });
    expect(await verifyPassword("x", "")).toEqual({ ok: false, needsRehash: false });
  });
});
