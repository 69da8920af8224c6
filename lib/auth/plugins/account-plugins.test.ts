// The account-area plugins through better-auth's own API (auth.api.*), over the real migrations in libsql.
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, secondFactorUse, verification } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { cookieJar, expectRefused } from "@/test/http";
import { authenticator, secretFromUri } from "@/test/totp";
import { claimFor, totpClaimExpiry } from "./second-factor-guard";
import { TRUST_DEVICE_LABEL_PREFIX } from "./trusted-devices";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

let counter = 0;
/** A verified user with TOTP two-factor enrolled; returns its authenticator and the backup codes. */
async function enrolledUser() {
  counter += 1;
  const email = `two-factor-${counter}@example.test`;
  await h.auth.api.createUser({
    body: { name: `Tess ${counter}`, email, password: PASSWORD, data: { emailVerified: true } },
  });
  const browser = cookieJar();
  const signIn = await h.auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  browser.take(signIn.headers);
  const enabled = await h.auth.api.enableTwoFactor({ headers: browser.headers(), body: { password: PASSWORD } });
  if (enabled.method !== "totp") throw new Error("expected a TOTP enrolment");
  const app = authenticator(secretFromUri(enabled.totpURI));
  const enrolmentCode = app.freshCode();
  const confirmed = await h.auth.api.verifyTOTP({
    headers: browser.headers(),
    body: { code: enrolmentCode },
    returnHeaders: true,
  });
  browser.take(confirmed.headers);
  const userId = confirmed.response.user.id;
  return { email, userId, app, enrolmentCode, backupCodes: enabled.backupCodes, browser };
}

/** A password sign-in that stops at the second-factor challenge; returns that browser's cookie jar. */
async function challenge(email: string, browser = cookieJar()) {
  const result = await h.auth.api.signInEmail({
    body: { email, password: PASSWORD },
    headers: browser.headers({ "user-agent": USER_AGENT }),
    returnHeaders: true,
  });
  browser.take(result.headers);
  return { browser, twoFactorRedirect: "twoFactorRedirect" in result.response && result.response.twoFactorRedirect };
}

describe("TOTP codes are refused once accepted (replay)", () => {
  it("a wrong code is refused, the right one signs in, and the same code is refused on the next challenge", async () => {
    const { email, app } = await enrolledUser();
    const first = await challenge(email);
    expect(first.twoFactorRedirect).toBe(true);

    const info = await h.auth.api.getTwoFactorChallenge({ headers: first.browser.headers() });
    expect(info).toEqual({ pending: true, methods: ["totp", "otp"], backupCodes: true, passkey: false });

    const right = app.freshCode();
    const wrong = right === "000000" ? "111111" : "000000";
    await expectRefused(
      h.auth.api.verifyTOTP({ headers: first.browser.headers(), body: { code: wrong } }),
      "INVALID_CODE",
    );
    const signedIn = await h.auth.api.verifyTOTP({ headers: first.browser.headers(), body: { code: right } });
    expect(signedIn.token).toBeTruthy();

    const second = await challenge(email);
    await expectRefused(
      h.auth.api.verifyTOTP({ headers: second.browser.headers(), body: { code: right } }),
      "TOTP_CODE_ALREADY_USED",
    );
    // Still the same challenge: a code that was never used gets through.
    const again = await h.auth.api.verifyTOTP({ headers: second.browser.headers(), body: { code: app.freshCode() } });
    expect(again.token).toBeTruthy();
  });

  it("the code that confirmed enrolment cannot sign in afterwards", async () => {
    const { email, enrolmentCode } = await enrolledUser();
    const { browser } = await challenge(email);
    await expectRefused(
      h.auth.api.verifyTOTP({ headers: browser.headers(), body: { code: enrolmentCode } }),
      "TOTP_CODE_ALREADY_USED",
    );
  });

  it("of concurrent submissions of one code on separate challenges, exactly one signs in", async () => {
    const { email, app } = await enrolledUser();
    const browsers = await Promise.all([1, 2, 3, 4].map(async () => (await challenge(email)).browser));
    const code = app.freshCode();
    const results = await Promise.allSettled(
      browsers.map((b) => h.auth.api.verifyTOTP({ headers: b.headers(), body: { code } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      await expectRefused(r.reason, "TOTP_CODE_ALREADY_USED");
    }
  });

  it("a right code refused for another reason (challenge locked after five wrong codes) is not burnt", async () => {
    const { email, app } = await enrolledUser();
    const { browser } = await challenge(email);
    const code = app.freshCode();
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      await expectRefused(h.auth.api.verifyTOTP({ headers: browser.headers(), body: { code: wrong } }), "INVALID_CODE");
    }
    await expectRefused(
      h.auth.api.verifyTOTP({ headers: browser.headers(), body: { code } }),
      "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE",
    );
    const fresh = await challenge(email);
    const signedIn = await h.auth.api.verifyTOTP({ headers: fresh.browser.headers(), body: { code } });
    expect(signedIn.token).toBeTruthy();
  });

  it("keeps a claim exactly as long as better-auth could accept the code", () => {
    const start = 1_700_000_010_000; // 10 s into a 30 s step
    const stepStart = Math.floor(start / 30_000) * 30_000;
    // Codes of the next step are accepted until the end of the step after it.
    expect(totpClaimExpiry(start).getTime()).toBe(stepStart + 3 * 30_000);
  });
});

describe("backup codes are single-use, even under concurrent submission", () => {
  it("one code, many simultaneous challenges: one sign-in, the rest refused; later reuse refused too", async () => {
    const { email, userId, backupCodes, app } = await enrolledUser();
    const code = backupCodes[0] as string;
    const browsers = await Promise.all([1, 2, 3, 4, 5].map(async () => (await challenge(email)).browser));
    const results = await Promise.allSettled(
      browsers.map((b) => h.auth.api.verifyBackupCode({ headers: b.headers(), body: { code } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      await expectRefused(r.reason, "BACKUP_CODE_ALREADY_USED");
    }

    const later = await challenge(email);
    await expectRefused(
      h.auth.api.verifyBackupCode({ headers: later.browser.headers(), body: { code } }),
      "BACKUP_CODE_ALREADY_USED",
    );
    // A wrong backup code is refused as wrong and claims nothing.
    await expectRefused(
      h.auth.api.verifyBackupCode({ headers: later.browser.headers(), body: { code: "nope1-nope2" } }),
      "INVALID_BACKUP_CODE",
    );
    const { key } = await claimFor("backup", userId, "nope1-nope2");
    expect(await h.db.select().from(secondFactorUse).where(eq(secondFactorUse.key, key))).toHaveLength(0);

    // Another unused code still works, and TOTP is unaffected.
    const other = await h.auth.api.verifyBackupCode({
      headers: later.browser.headers(),
      body: { code: backupCodes[1] as string },
    });
    expect(other.token).toBeTruthy();
    const next = await challenge(email);
    expect(
      (await h.auth.api.verifyTOTP({ headers: next.browser.headers(), body: { code: app.freshCode() } })).token,
    ).toBeTruthy();
  });
});

describe("trusted devices", () => {
  it("are labelled with the browser that asked, skip the challenge, and stop skipping once revoked", async () => {
    const { email, app } = await enrolledUser();
    const { browser } = await challenge(email);
    const verified = await h.auth.api.verifyTOTP({
      headers: browser.headers({ "user-agent": USER_AGENT }),
      body: { code: app.freshCode(), trustDevice: true },
      returnHeaders: true,
    });
    browser.take(verified.headers);

    const userId = verified.response.user.id;
    const trustedDevicesOf = () =>
      h.db
        .select()
        .from(verification)
        .where(and(like(verification.identifier, "trust-device-%"), eq(verification.value, userId)));
    const labelOf = async (identifier: string) => {
      const [row] = await h.db
        .select()
        .from(verification)
        .where(eq(verification.identifier, `${TRUST_DEVICE_LABEL_PREFIX}${identifier}`));
      return JSON.parse(row?.value ?? "{}") as unknown;
    };
    const [device] = await trustedDevicesOf();
    expect(await labelOf(device?.identifier ?? "")).toMatchObject({ userAgent: USER_AGENT });

    const trusted = await challenge(email, browser);
    expect(trusted.twoFactorRedirect).toBeFalsy();
    // better-auth rotates the device's identifier on each trusted sign-in; the new one is labelled too.
    const rotated = await trustedDevicesOf();
    expect(rotated).toHaveLength(1);
    expect(rotated[0]?.identifier).not.toBe(device?.identifier);
    expect(await labelOf(rotated[0]?.identifier ?? "")).toMatchObject({ userAgent: USER_AGENT });

    await h.db.delete(verification).where(eq(verification.id, rotated[0]?.id ?? ""));
    const revoked = await challenge(email, browser);
    expect(revoked.twoFactorRedirect).toBe(true);
  });
});

describe("turning two-factor off", () => {
  it("forgets every trusted device of the user, not only the current browser's", async () => {
    const { email, userId, app, browser: owner } = await enrolledUser();
    for (let i = 0; i < 2; i++) {
      const { browser } = await challenge(email);
      await h.auth.api.verifyTOTP({
        headers: browser.headers({ "user-agent": USER_AGENT }),
        body: { code: app.freshCode(), trustDevice: true },
      });
    }
    const mine = and(eq(verification.value, userId), like(verification.identifier, "trust-device-%"));
    const devices = await h.db.select().from(verification).where(mine);
    expect(devices).toHaveLength(2);
    const labelIds = devices.map((d) => `${TRUST_DEVICE_LABEL_PREFIX}${d.identifier}`);
    expect(await h.db.select().from(verification).where(inArray(verification.identifier, labelIds))).toHaveLength(2);

    await h.auth.api.disableTwoFactor({ headers: owner.headers(), body: { password: PASSWORD } });
    expect(await h.db.select().from(verification).where(mine)).toHaveLength(0);
    expect(await h.db.select().from(verification).where(inArray(verification.identifier, labelIds))).toHaveLength(0);
  });
});

describe("account notices", () => {
  it("records turning two-factor on, once, with the method (authenticator app or email codes)", async () => {
    const trail = (userId: string) =>
      h.db
        .select({ action: auditEvent.action, actor: auditEvent.actorUserId, metadata: auditEvent.metadata })
        .from(auditEvent)
        .where(and(eq(auditEvent.targetUserId, userId), like(auditEvent.action, "user.two_factor.%")));
    const { userId, email: totpEmail, app } = await enrolledUser();
    expect(await trail(userId)).toEqual([
      { action: "user.two_factor.enable", actor: userId, metadata: { method: "totp" } },
    ]);
    // Codes accepted after that (signing in) are not a second "turned on".
    const { browser } = await challenge(totpEmail);
    await h.auth.api.verifyTOTP({ headers: browser.headers(), body: { code: app.freshCode() } });
    expect(await trail(userId)).toHaveLength(1);

    counter += 1;
    const email = `otp-only-${counter}@example.test`;
    const { user } = await h.auth.api.createUser({
      body: { name: "Otto", email, password: PASSWORD, data: { emailVerified: true } },
    });
    const otpBrowser = cookieJar();
    otpBrowser.take(
      (await h.auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true })).headers,
    );
    await h.auth.api.enableTwoFactor({ headers: otpBrowser.headers(), body: { password: PASSWORD, method: "otp" } });
    expect(await trail(user.id)).toEqual([
      { action: "user.two_factor.enable", actor: user.id, metadata: { method: "otp" } },
    ]);
  });

  it("mails the owner when the password changes", async () => {
    const { browser, email } = await enrolledUser();
    await h.auth.api.changePassword({
      headers: browser.headers(),
      body: { currentPassword: PASSWORD, newPassword: "another-horse-2", revokeOtherSessions: true },
    });
    const mail = h.sink.messages().find((m) => m.to.includes(email) && /password was changed/i.test(m.subject));
    expect(mail?.text).toContain("Every other device signed in to your account was signed out.");
  });

  it("asks the current address to confirm before the new one gets its link", async () => {
    const { browser, email } = await enrolledUser();
    await h.auth.api.changeEmail({ headers: browser.headers(), body: { newEmail: "moved@example.test" } });
    expect(h.sink.messages().some((m) => m.to.includes("moved@example.test"))).toBe(false);
    const confirm = h.sink.messages().find((m) => m.to.includes(email) && /confirm the change/i.test(m.subject));
    expect(confirm?.text).toContain("moved@example.test");
    const link = confirm?.text.match(/http\S+\/verify-email\?\S+/)?.[0];
    expect(link, "the confirmation mail carries the link").toBeTruthy();

    // Confirmed from the current address: only now does the new address get the link that moves the account.
    const confirmed = await h.auth.handler(new Request(link as string, { headers: browser.headers() }));
    expect(confirmed.status).toBeLessThan(400);
    const verify = h.sink.messages().find((m) => m.to.includes("moved@example.test"));
    expect(verify?.subject).toMatch(/verify your email/i);
  });
});
