import { hashPassword as betterAuthHash } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, user } from "@/db/schema";
import { createHarness, type Harness } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";
import { hashPassword, parseHash, SCRYPT_PARAMS, verifyPassword } from "./password";

describe("password hashes", () => {
  it("writes the versioned scrypt format with the interactive parameters and a fresh salt", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$scrypt\$ln=14,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(parseHash(hash)).toMatchObject({ ln: SCRYPT_PARAMS.ln, r: 8, p: 1, keyLength: 64 });
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash);
  });

  it("verifies its own hashes, by the parameters stored in them", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword({ hash, password: "correct horse battery staple" })).toBe(true);
    expect(await verifyPassword({ hash, password: "correct horse battery stapler" })).toBe(false);
    // NFKC, as better-auth does: the same password typed with a compatibility character.
    const ligature = await hashPassword("ﬁle-cabinet-9");
    expect(await verifyPassword({ hash: ligature, password: "file-cabinet-9" })).toBe(true);
    // Another cost in the string is honoured (how a later version can raise it).
    const cheaper = (await hashPassword("pw-123456")).replace("ln=14", "ln=10");
    expect(await verifyPassword({ hash: cheaper, password: "pw-123456" })).toBe(false); // key made with ln=14
  });

  it("verifies better-auth's own (legacy) hashes through better-auth's verifier", async () => {
    const legacy = await betterAuthHash("legacy-password-1");
    expect(legacy).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await verifyPassword({ hash: legacy, password: "legacy-password-1" })).toBe(true);
    expect(await verifyPassword({ hash: legacy, password: "legacy-password-2" })).toBe(false);
  });

  it("refuses malformed strings and costs no request could afford", async () => {
    const hash = await hashPassword("pw-123456");
    for (const bad of [
      hash.replace("ln=14", "ln=30"),
      hash.replace("r=8", "r=999"),
      hash.replace("p=1", "p=0"),
      `${hash}$extra`,
      "$scrypt$ln=14,r=8,p=1$salt$short",
    ]) {
      expect(await verifyPassword({ hash: bad, password: "pw-123456" })).toBe(false);
    }
  });
});

describe("sign-in with both formats", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("stores new passwords in the new format and signs in with them", async () => {
    const body = { name: "New Hash", email: "new-hash@example.test", password: "fresh-password-1" };
    const { user: created } = await h.auth.api.createUser({ body: { ...body, data: { emailVerified: true } } });
    const [row] = await h.db.select().from(account).where(eq(account.userId, created.id));
    expect(row?.password).toMatch(/^\$scrypt\$ln=14,r=8,p=1\$/);
    const signedIn = await h.auth.api.signInEmail({ body: { email: body.email, password: body.password } });
    expect(signedIn.user.id).toBe(created.id);
  });

  it("signs in an account whose password better-auth hashed before this change", async () => {
    const body = { name: "Old Hash", email: "old-hash@example.test", password: "placeholder-1" };
    const { user: created } = await h.auth.api.createUser({ body: { ...body, data: { emailVerified: true } } });
    await h.db
      .update(account)
      .set({ password: await betterAuthHash("legacy-password-1") })
      .where(eq(account.userId, created.id));
    const signedIn = await h.auth.api.signInEmail({ body: { email: body.email, password: "legacy-password-1" } });
    expect(signedIn.user.id).toBe(created.id);
    await expectRefused(h.auth.api.signInEmail({ body: { email: body.email, password: "placeholder-1" } }), {
      code: "INVALID_EMAIL_OR_PASSWORD",
      status: 401,
    });
    await h.db.delete(user).where(eq(user.id, created.id));
  });
});
