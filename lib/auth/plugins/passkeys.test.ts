// Passkeys over better-auth's HTTP handler, answered by a software authenticator (test/webauthn.ts) and verified by
// the real passkey plugin: registration behind a fresh sign-in, sign-in, what refuses it and what does not, last use,
// step-up, the second factor after a password, and the audit rows.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, passkey as passkeyTable, session as sessionTable, user as userTable } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";
import { type PasskeyBrowser, passkeyBrowser } from "@/test/passkey-browser";
import { softAuthenticator } from "@/test/webauthn";
import { LOCKOUT_MAX_FAILURES } from "./account-lockout";
import { lastUsedAt } from "./passkey-policy";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

let counter = 0;
async function newUser(role: "user" | "admin" = "user") {
  counter += 1;
  const email = `passkey-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: { name: `Pat ${counter}`, email, password: PASSWORD, role, data: { emailVerified: true } },
  });
  return { id: user.id, email };
}

/** A signed-in browser of a new user, and the authenticator holding the passkey it added. */
async function userWithPasskey(name = "Laptop") {
  const user = await newUser();
  const browser = passkeyBrowser(h);
  expect((await browser.signInWithPassword(user.email, PASSWORD)).status).toBe(200);
  const authenticator = softAuthenticator({ origin: h.baseURL });
  const added = await browser.register(authenticator, name);
  expect(added.status).toBe(200);
  const row = (await added.json()) as { id: string };
  return { user, browser, authenticator, passkeyId: row.id };
}

async function auditRows(userId: string, action: string) {
  return h.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.targetUserId, userId), eq(auditEvent.action, action)));
}

/** What the browser's current session proved at sign-in (plugins/sign-in-methods.ts): an organization policy reads it. */
async function signInMethodsOf(browser: PasskeyBrowser) {
  const current = await browser.session();
  const [row] = await h.db
    .select({ methods: sessionTable.signInMethods })
    .from(sessionTable)
    .where(eq(sessionTable.id, current?.session.id ?? ""));
  return row?.methods?.split(",") ?? [];
}

async function ageSession(browser: PasskeyBrowser, minutes: number) {
  const session = await browser.session();
  await h.db
    .update(sessionTable)
    .set({ createdAt: new Date(Date.now() - minutes * 60_000) })
    .where(eq(sessionTable.id, session?.session.id ?? ""));
}

describe("adding a passkey", () => {
  it("needs a sign-in from the last 15 minutes, keeps the name and records the addition", async () => {
    const user = await newUser();
    const browser = passkeyBrowser(h);
    await browser.signInWithPassword(user.email, PASSWORD);
    await ageSession(browser, 16);
    const authenticator = softAuthenticator({ origin: h.baseURL });
    await expectRefused(await browser.register(authenticator, "Stale"), {
      code: "FRESH_SIGN_IN_REQUIRED",
      status: 403,
    });

    const fresh = passkeyBrowser(h);
    await fresh.signInWithPassword(user.email, PASSWORD);
    const options = await fresh.call("GET", "/passkey/generate-register-options?name=Work%20laptop");
    const offered = (await options.json()) as { user: { name: string }; authenticatorSelection: object };
    // The browser's passkey chooser shows the account, not the passkey's name.
    expect(offered.user.name).toBe(user.email);
    expect(offered.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    const created = authenticator.register(offered as never);
    const verified = await fresh.call("POST", "/passkey/verify-registration", {
      response: created,
      name: " Work  laptop ",
    });
    expect(verified.status).toBe(200);
    const [row] = await h.db.select().from(passkeyTable).where(eq(passkeyTable.userId, user.id));
    expect(row).toMatchObject({ name: "Work laptop", deviceType: "singleDevice", backedUp: false });
    expect(await auditRows(user.id, "user.passkey.add")).toHaveLength(1);
  });

  it("refuses an authenticator that did not verify the user, and a response signed for another origin", async () => {
    const user = await newUser();
    const browser = passkeyBrowser(h);
    await browser.signInWithPassword(user.email, PASSWORD);
    const careless = softAuthenticator({ origin: h.baseURL, userVerified: false });
    await expectRefused(await browser.register(careless), { code: "PASSKEY_USER_NOT_VERIFIED", status: 401 });
    const phished = softAuthenticator({ origin: "https://gatehouse.example.evil" });
    // The plugin answers a response it cannot verify with 500 and this code.
    await expectRefused(await browser.register(phished), "FAILED_TO_VERIFY_REGISTRATION");
    expect(await h.db.select().from(passkeyTable).where(eq(passkeyTable.userId, user.id))).toHaveLength(0);
  });

  it("refuses a name with text-direction characters", async () => {
    const { browser, passkeyId } = await userWithPasskey();
    const renamed = await browser.call("POST", "/passkey/update-passkey", { id: passkeyId, name: "Laptop\u202Egpj" });
    await expectRefused(renamed, { code: "INVALID_NAME", status: 400 });
  });
});

describe("signing in with a passkey", () => {
  it("signs in without an email, records the last use and the sign-in", async () => {
    const { user, authenticator, passkeyId } = await userWithPasskey();
    expect(await lastUsedAt(h.db, passkeyId)).toBeNull();
    const stranger = passkeyBrowser(h);
    const { offered, response } = await stranger.authenticate(authenticator);
    expect(offered).toMatchObject({ userVerification: "required" });
    expect(response.status).toBe(200);
    expect((await stranger.session())?.user.id).toBe(user.id);
    expect(await lastUsedAt(h.db, passkeyId)).toBeInstanceOf(Date);
    const [row] = await auditRows(user.id, "user.sign_in.passkey");
    expect(row?.metadata).toMatchObject({ method: "passkey", passkeyId });
    // User verification is required, so the session holds two factors for an organization that allows passkeys.
    expect(await signInMethodsOf(stranger)).toEqual(["passkey_uv"]);
  });

  it("refuses an answer without user verification", async () => {
    const { authenticator } = await userWithPasskey();
    authenticator.set({ userVerified: false });
    const { response } = await passkeyBrowser(h).authenticate(authenticator);
    await expectRefused(response, { code: "PASSKEY_USER_NOT_VERIFIED", status: 401 });
  });

  it("is not locked out by wrong passwords: the way in stays open", async () => {
    const { user, authenticator } = await userWithPasskey();
    const guesser = passkeyBrowser(h);
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i += 1) await guesser.signInWithPassword(user.email, "wrong-password-1");
    // The owner, from another address (the guesser's is rate limited by now), is locked out of the password.
    await expectRefused(await passkeyBrowser(h).signInWithPassword(user.email, PASSWORD), {
      code: "ACCOUNT_LOCKED",
      status: 423,
    });
    const { response } = await passkeyBrowser(h).authenticate(authenticator);
    expect(response.status).toBe(200);
  });

  it("refuses a banned account and an unverified address, like a password sign-in", async () => {
    const banned = await userWithPasskey();
    await h.db.update(userTable).set({ banned: true, banReason: "Spam" }).where(eq(userTable.id, banned.user.id));
    await expectRefused((await passkeyBrowser(h).authenticate(banned.authenticator)).response, {
      code: "BANNED_USER",
      status: 403,
    });

    const unverified = await userWithPasskey();
    await h.db.update(userTable).set({ emailVerified: false }).where(eq(userTable.id, unverified.user.id));
    const { response } = await passkeyBrowser(h).authenticate(unverified.authenticator);
    await expectRefused(response, { code: "PASSKEY_EMAIL_NOT_VERIFIED", status: 403 });
  });

  it("is rate limited per client address", async () => {
    const { authenticator } = await userWithPasskey();
    const browser = passkeyBrowser(h);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await browser.authenticate(authenticator)).response.status);
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("a passkey confirms it's you", () => {
  it("gives a stale session a fresh sign-in of the same account, recorded as a step-up", async () => {
    const { user, browser, authenticator, passkeyId } = await userWithPasskey();
    await ageSession(browser, 30);
    await expectRefused(await browser.register(softAuthenticator({ origin: h.baseURL })), "FRESH_SIGN_IN_REQUIRED");
    const { offered, response } = await browser.authenticate(authenticator);
    // Only this account's passkeys are offered to a signed-in browser.
    expect(offered.allowCredentials).toHaveLength(1);
    expect(response.status).toBe(200);
    expect((await browser.register(softAuthenticator({ origin: h.baseURL }), "Second")).status).toBe(200);
    const [row] = await auditRows(user.id, "user.passkey.step_up");
    expect(row?.metadata).toMatchObject({ passkeyId });
  });

  it("refuses the passkey of another account", async () => {
    const mine = await userWithPasskey();
    const theirs = await userWithPasskey();
    const options = await mine.browser.call("GET", "/passkey/generate-authenticate-options");
    const answer = theirs.authenticator.authenticate((await options.json()) as { challenge: string });
    const response = await mine.browser.call("POST", "/passkey/verify-authentication", { response: answer });
    await expectRefused(response, { code: "PASSKEY_OF_ANOTHER_ACCOUNT", status: 403 });
    expect((await mine.browser.session())?.user.id).toBe(mine.user.id);
  });
});

describe("a passkey as the second factor", () => {
  it("answers the challenge after a password, offers only that account's passkeys, and ends the challenge", async () => {
    const { user, browser, authenticator } = await userWithPasskey();
    await h.auth.api.enableTwoFactor({ headers: browser.jar.headers(), body: { password: PASSWORD, method: "otp" } });
    const other = await userWithPasskey();

    const signIn = passkeyBrowser(h);
    const password = await signIn.json(await signIn.signInWithPassword(user.email, PASSWORD));
    expect(password).toMatchObject({ twoFactorRedirect: true });
    const { offered, response } = await signIn.authenticate(authenticator);
    expect(offered.allowCredentials).toEqual([
      expect.objectContaining({ id: authenticator.credentials[0]?.id.toString("base64url") }),
    ]);
    expect(offered.allowCredentials).not.toContainEqual(
      expect.objectContaining({ id: other.authenticator.credentials[0]?.id.toString("base64url") }),
    );
    expect(response.status).toBe(200);
    expect((await signIn.session())?.user.id).toBe(user.id);
    expect(signIn.jar.has("two_factor")).toBe(false);
    const [row] = await auditRows(user.id, "user.two_factor.verify");
    expect(row?.metadata).toMatchObject({ method: "passkey" });
    expect(await signInMethodsOf(signIn)).toEqual(["passkey_uv"]);
  });
});

describe("operators and passkeys", () => {
  it("an operator removes a user's passkey (fresh sign-in, audited, mailed); a two-factor reset removes them all", async () => {
    const operator = await newUser("admin");
    const desk = passkeyBrowser(h);
    await desk.signInWithPassword(operator.email, PASSWORD);
    const { user, passkeyId } = await userWithPasskey("Lost phone");
    const removed = await desk.call("POST", "/admin/remove-user-passkey", {
      userId: user.id,
      passkeyId,
      reason: "Lost",
    });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ success: true, mailed: true });
    expect(await h.db.select().from(passkeyTable).where(eq(passkeyTable.id, passkeyId))).toHaveLength(0);
    const [row] = await auditRows(user.id, "user.passkey.remove");
    expect(row).toMatchObject({ actorUserId: operator.id, reason: "Lost" });
    expect(row?.metadata).toMatchObject({ passkeyName: "Lost phone", byStaff: true });
    const mail = h.sink.messages().find((m) => m.to.includes(user.email) && /passkey was removed/i.test(m.subject));
    expect(mail?.text).toContain("Lost phone");

    const again = await desk.call("POST", "/admin/remove-user-passkey", { userId: user.id, passkeyId });
    await expectRefused(again, { code: "PASSKEY_NOT_FOUND", status: 404 });

    const second = await userWithPasskey();
    expect((await desk.call("POST", "/admin/reset-two-factor", { userId: second.user.id })).status).toBe(200);
    expect(await h.db.select().from(passkeyTable).where(eq(passkeyTable.userId, second.user.id))).toHaveLength(0);
  });

  it("a user cannot remove another user's passkey", async () => {
    const mine = await userWithPasskey();
    const theirs = await userWithPasskey();
    const removed = await mine.browser.call("POST", "/passkey/delete-passkey", { id: theirs.passkeyId });
    expect(removed.status).toBeGreaterThanOrEqual(400);
    expect(await h.db.select().from(passkeyTable).where(eq(passkeyTable.id, theirs.passkeyId))).toHaveLength(1);
    const own = await mine.browser.call("POST", "/passkey/delete-passkey", { id: mine.passkeyId });
    expect(own.status).toBe(200);
    expect(await auditRows(mine.user.id, "user.passkey.remove")).toHaveLength(1);
  });
});
