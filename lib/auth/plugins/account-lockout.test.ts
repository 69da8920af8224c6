// The per-account sign-in lockout through better-auth's own API and HTTP handler, over the real migrations in libsql.
import { APIError } from "better-auth/api";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, signInLockout, twoFactor } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";
import { ACCOUNT_LOCKED, LOCKOUT_MAX_FAILURES, lockedMessage, lockoutKey } from "./account-lockout";

let h: Harness;
const WRONG = "wrong-horse-99";
let counter = 0;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function createUser(role: "user" | "admin" | "support" = "user", emailVerified = true) {
  counter += 1;
  const email = `lock-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: { name: `Lee ${counter}`, email, password: PASSWORD, role, data: { emailVerified } },
  });
  return { id: user.id, email };
}

/** A sign-in attempt through the API; resolves to the refusal's code, or "OK". */
async function attempt(email: string, password: string) {
  return h.auth.api.signInEmail({ body: { email, password } }).then(
    () => "OK",
    (e: unknown) => {
      if (!(e instanceof APIError)) throw e;
      return String(e.body?.code);
    },
  );
}

/** A sign-in attempt over HTTP, as a browser or script at `ip` makes it. */
function httpSignIn(email: string, password: string, ip: string) {
  return h.auth.handler(
    new Request(`${h.baseURL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: h.baseURL, "cf-connecting-ip": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

async function failTimes(email: string, times: number) {
  const codes: string[] = [];
  for (let i = 0; i < times; i++) codes.push(await attempt(email, WRONG));
  return codes;
}

async function row(email: string) {
  const [found] = await h.db
    .select()
    .from(signInLockout)
    .where(eq(signInLockout.email, lockoutKey(email)));
  return found;
}

async function operatorHeaders() {
  const op = await createUser("admin");
  const { headers } = await h.signIn(op.email, { extra: { "cf-connecting-ip": "192.0.2.200" } });
  return { op, headers };
}

// Every attempt hashes a password (scrypt): on a busy machine a test of twenty attempts takes a while.
describe("per-account lockout", { timeout: 120_000 }, () => {
  it("10 wrong passwords from 10 addresses lock the account (the 10th is told); then even the right password gets the locked answer", async () => {
    const user = await createUser();
    const answers: { status: number; code: unknown; retry: string | null }[] = [];
    for (let i = 1; i <= LOCKOUT_MAX_FAILURES; i++) {
      const res = await httpSignIn(user.email, WRONG, `198.51.100.${i}`);
      const { code } = (await res.json()) as { code?: string };
      answers.push({ status: res.status, code, retry: res.headers.get("x-retry-after") });
    }
    expect(answers.slice(0, 9)).toEqual(Array(9).fill({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD", retry: null }));
    expect(answers[9]).toEqual({ status: 423, code: ACCOUNT_LOCKED, retry: expect.stringMatching(/^\d+$/) });

    const right = await httpSignIn(user.email, PASSWORD, "198.51.100.50");
    const wrong = await httpSignIn(user.email, WRONG, "198.51.100.51");
    expect(right.status).toBe(423);
    expect(right.headers.get("x-retry-after")).toMatch(/^\d+$/);
    expect(Number(right.headers.get("x-retry-after"))).toBeGreaterThan(14 * 60);
    const rightBody = await right.json();
    expect(rightBody).toEqual(await wrong.json());
    expect(rightBody).toMatchObject({
      code: ACCOUNT_LOCKED,
      message: "Too many failed sign-in attempts. Try again in 15 minutes or reset your password.",
    });
    expect(right.headers.getSetCookie()).toEqual([]);
    // Refused attempts while locked do not extend the lock.
    const locked = await row(user.email);
    expect(locked?.lockedUntil?.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
  });

  it("an address without an account is counted and locked exactly like one with an account", async () => {
    const ghost = "nobody-here@example.test";
    const codes = await failTimes(ghost, LOCKOUT_MAX_FAILURES + 2);
    expect(codes.slice(0, 9)).toEqual(Array(9).fill("INVALID_EMAIL_OR_PASSWORD"));
    expect(codes.slice(9)).toEqual([ACCOUNT_LOCKED, ACCOUNT_LOCKED, ACCOUNT_LOCKED]);
    const err = await expectRefused(h.auth.api.signInEmail({ body: { email: ghost, password: PASSWORD } }), {
      code: ACCOUNT_LOCKED,
      status: 423,
    });
    expect(err.message).toBe(lockedMessage(new Date(Date.now() + 15 * 60_000)));
  });

  it("a successful sign-in resets the count: 9 failures, success, 9 failures does not lock", async () => {
    const user = await createUser();
    expect(await failTimes(user.email, 9)).toEqual(Array(9).fill("INVALID_EMAIL_OR_PASSWORD"));
    expect(await attempt(user.email, PASSWORD)).toBe("OK");
    expect(await row(user.email)).toBeUndefined();
    expect(await failTimes(user.email, 9)).toEqual(Array(9).fill("INVALID_EMAIL_OR_PASSWORD"));
    expect(await attempt(user.email, PASSWORD)).toBe("OK");
  });

  it("the address is matched however it is written", async () => {
    const user = await createUser();
    await failTimes(user.email.toUpperCase(), LOCKOUT_MAX_FAILURES);
    expect(await attempt(user.email, PASSWORD)).toBe(ACCOUNT_LOCKED);
  });

  it("failures older than 15 minutes do not count, and an expired lock lets the right password in", async () => {
    const user = await createUser();
    await failTimes(user.email, 9);
    await h.db
      .update(signInLockout)
      .set({ windowStartedAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(signInLockout.email, lockoutKey(user.email)));
    expect(await attempt(user.email, WRONG)).toBe("INVALID_EMAIL_OR_PASSWORD");
    expect((await row(user.email))?.failures).toBe(1);

    await failTimes(user.email, 9);
    expect(await attempt(user.email, PASSWORD)).toBe(ACCOUNT_LOCKED);
    await h.db
      .update(signInLockout)
      .set({ lockedUntil: new Date(Date.now() - 1000), windowStartedAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(signInLockout.email, lockoutKey(user.email)));
    expect(await attempt(user.email, PASSWORD)).toBe("OK");
  });

  it("concurrent wrong passwords are all counted: attempts 1-9 get the plain answer, the rest the lock, and it holds", async () => {
    const user = await createUser();
    const codes = await Promise.all(Array.from({ length: 25 }, () => attempt(user.email, WRONG)));
    const checkedAndWrong = codes.filter((c) => c === "INVALID_EMAIL_OR_PASSWORD").length;
    expect(checkedAndWrong).toBe(LOCKOUT_MAX_FAILURES - 1);
    expect(codes.filter((c) => c === ACCOUNT_LOCKED)).toHaveLength(25 - checkedAndWrong);
    expect((await row(user.email))?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await attempt(user.email, PASSWORD)).toBe(ACCOUNT_LOCKED);
  });

  it("outcomes that are not a wrong password do not count (an unverified address with its right password)", async () => {
    const user = await createUser("user", false);
    for (let i = 0; i < LOCKOUT_MAX_FAILURES + 2; i++) {
      expect(await attempt(user.email, PASSWORD)).toBe("EMAIL_NOT_VERIFIED");
    }
    expect((await row(user.email))?.failures ?? 0).toBe(0);
  });

  it("a completed password reset lifts the lock", async () => {
    const user = await createUser();
    await failTimes(user.email, LOCKOUT_MAX_FAILURES);
    await h.auth.api.requestPasswordReset({ body: { email: user.email, redirectTo: "/reset-password" } });
    const mail = h.sink.messages().find((m) => m.to.includes(user.email) && /reset/i.test(m.subject));
    const token = mail?.text.match(/reset-password\/([\w-]+)/)?.[1];
    expect(token, "reset mail with a token").toBeTruthy();
    await h.auth.api.resetPassword({ body: { token: token as string, newPassword: "brand-new-pass-1" } });
    expect(await attempt(user.email, "brand-new-pass-1")).toBe("OK");
  });
});

describe("operator unlock", { timeout: 120_000 }, () => {
  it("an operator lifts the lock early (password and two-factor), recorded as user.unlock", async () => {
    const user = await createUser();
    await failTimes(user.email, LOCKOUT_MAX_FAILURES);
    await h.db.insert(twoFactor).values({
      id: `tf-${user.id}`,
      secret: "x",
      backupCodes: "x",
      userId: user.id,
      failedVerificationCount: 10,
      lockedUntil: new Date(Date.now() + 10 * 60_000),
    });
    const { op, headers } = await operatorHeaders();
    const result = await h.auth.api.unlockUser({ headers, body: { userId: user.id, reason: "Ticket 77" } });
    expect(result).toEqual({ success: true, wasLocked: true });
    expect(await row(user.email)).toBeUndefined();
    const [tf] = await h.db.select().from(twoFactor).where(eq(twoFactor.userId, user.id));
    expect(tf).toMatchObject({ failedVerificationCount: 0, lockedUntil: null });
    const [audit] = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "user.unlock"), eq(auditEvent.targetUserId, user.id)))
      .orderBy(desc(auditEvent.at));
    expect(audit).toMatchObject({ actorUserId: op.id, reason: "Ticket 77", ip: "192.0.2.200" });
    expect(audit?.metadata?.passwordLockedUntil).toBeTruthy();
    expect(await attempt(user.email, PASSWORD)).toBe("OK");
  });

  it("support staff and users cannot unlock, and the lock stays", async () => {
    const user = await createUser();
    await failTimes(user.email, LOCKOUT_MAX_FAILURES);
    for (const role of ["support", "user"] as const) {
      const other = await createUser(role);
      const { headers } = await h.signIn(other.email, { extra: { "cf-connecting-ip": "192.0.2.201" } });
      await expectRefused(
        h.auth.api.unlockUser({ headers, body: { userId: user.id } }),
        { code: "NOT_ALLOWED_TO_UNLOCK", status: 403 },
        role,
      );
    }
    expect(await attempt(user.email, PASSWORD)).toBe(ACCOUNT_LOCKED);
    const rows = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "user.unlock"), eq(auditEvent.targetUserId, user.id)));
    expect(rows).toEqual([]);
  });
});

describe("wrong current passwords of a signed-in session", () => {
  it("count toward the same lockout, on every endpoint that takes one; a locked account is refused there too", async () => {
    const user = await createUser();
    const { headers } = await h.signIn(user.email);
    const wrongly = [
      () => h.auth.api.verifyPassword({ headers, body: { password: WRONG } }),
      () => h.auth.api.changePassword({ headers, body: { currentPassword: WRONG, newPassword: "a-new-password-1" } }),
      () => h.auth.api.enableTwoFactor({ headers, body: { password: WRONG } }),
    ];
    const code = (call: () => Promise<unknown>) =>
      call().then(
        () => "OK",
        (e: APIError) => String(e.body?.code),
      );
    const codes: string[] = [];
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i += 1) {
      codes.push(await code(wrongly[i % wrongly.length] as () => Promise<unknown>));
      // An answer that is not about the password (no authenticator app yet) is not counted.
      if (i === 4)
        expect(await code(() => h.auth.api.getTOTPURI({ headers, body: { password: WRONG } }))).toBe(
          "TOTP_NOT_ENABLED",
        );
    }
    // Like sign-in: the tenth wrong password is already told the account is locked.
    expect(codes).toEqual([...Array(LOCKOUT_MAX_FAILURES - 1).fill("INVALID_PASSWORD"), ACCOUNT_LOCKED]);
    // Locked: the right password is refused on these endpoints and at sign-in alike.
    await expectRefused(h.auth.api.verifyPassword({ headers, body: { password: PASSWORD } }), ACCOUNT_LOCKED);
    expect(await attempt(user.email, PASSWORD)).toBe(ACCOUNT_LOCKED);
  });
});
