// Abuse cases for the per-account lockout, the rate limits of server actions and the step-up of sensitive changes,
// against the built worker. Each asserts the safe outcome and that nothing changed.
import type { Page } from "@playwright/test";
import { authenticator, secretFromUri } from "../../test/totp";
import { BASE_URL, OPERATOR, SINK_URL } from "../config";
import { expect, formError, hydrated, signIn, test } from "../fixtures";
import { EDITS_LOCAL_D1, executeOnLocalD1 } from "../local-d1";
import { auditEventsFor, createVerifiedUser, type TestUser } from "../operator-helpers";
import { createSdkClient } from "../sdk-client";

const LOCKED = /^Too many failed sign-in attempts\. Try again in 1[45] minutes or reset your password\.$/;

/** A client address of its own for each attempt: the lockout counts per account, whatever the address. */
function address(clientIp: string, n: number) {
  return clientIp.replace(/^198\.51\./, `172.${16 + (n % 16)}.`);
}

function sdk(clientIp: string, n: number) {
  return createSdkClient({ baseURL: BASE_URL, clientIp: address(clientIp, n) });
}

/** One password sign-in from its own address; the error (null on success). */
async function attempt(clientIp: string, n: number, email: string, password: string) {
  const { error } = await sdk(clientIp, n).client.signIn.email({ email, password });
  return error ? { status: error.status, code: error.code, message: error.message } : null;
}

/** Makes the session behind a token look as if it was signed in `minutes` ago. */
async function ageSession(token: string, minutes: number) {
  if (!/^[\w-]+$/.test(token)) throw new Error(`unexpected session token ${token}`);
  await executeOnLocalD1(`UPDATE session SET created_at = ${Date.now() - minutes * 60_000} WHERE token = '${token}'`);
}

/** The session token a cookie value carries (`<token>.<signature>`, URL-encoded). */
function tokenOf(cookieValue: string | undefined) {
  const token = decodeURIComponent(cookieValue ?? "").split(".")[0];
  if (!token) throw new Error("no session cookie");
  return token;
}

async function browserSessionToken(page: Page) {
  const cookies = await page.context().cookies();
  return tokenOf(cookies.find((c) => c.name.endsWith("better-auth.session_token"))?.value);
}

/** A verified user made an operator by the seeded operator (so these tests never touch the shared one's sessions). */
async function createOperator(clientIp: string, prefix: string): Promise<TestUser> {
  const user = await createVerifiedUser(prefix, clientIp);
  const { client } = sdk(clientIp, 90);
  expect((await client.signIn.email({ email: OPERATOR.email, password: OPERATOR.password })).error).toBeNull();
  expect((await client.admin.setRole({ userId: user.id, role: "admin" })).error).toBeNull();
  return user;
}

async function mailCount(to: string) {
  const res = await fetch(`${SINK_URL}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: unknown[] }).messages.length;
}

async function isBanned(clientIp: string, user: TestUser) {
  const error = await attempt(clientIp, 77, user.email, user.password);
  return error?.code === "BANNED_USER";
}

test.describe("per-account lockout", () => {
  test("ten wrong passwords from ten addresses lock the account; the right password then gets the same answer and no session", async ({
    page,
    clientIp,
  }) => {
    const user = await createVerifiedUser("locked", clientIp);
    for (let n = 1; n <= 9; n++) {
      expect(await attempt(clientIp, n, user.email, "not-the-password")).toMatchObject({
        status: 401,
        code: "INVALID_EMAIL_OR_PASSWORD",
      });
    }
    // The 10th wrong password is told at once that the account is now locked.
    const tenth = await attempt(clientIp, 10, user.email, "not-the-password");
    expect(tenth).toMatchObject({ status: 423, code: "ACCOUNT_LOCKED", message: expect.stringMatching(LOCKED) });
    const wrong = await attempt(clientIp, 11, user.email, "still-not-it");
    const right = sdk(clientIp, 12);
    const refused = await right.client.signIn.email({ email: user.email, password: user.password });
    expect(wrong).toMatchObject({ status: 423, code: "ACCOUNT_LOCKED", message: expect.stringMatching(LOCKED) });
    expect({ status: refused.error?.status, code: refused.error?.code, message: refused.error?.message }).toEqual(
      wrong,
    );
    expect((await right.client.getSession()).data).toBeNull();

    // The sign-in form says the same, in words.
    await page.goto("/sign-in");
    await hydrated(page);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toContainText(/Too many failed sign-in attempts\. Try again in 1[45] minutes/);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an address without an account gets exactly the answers of one with an account", async ({ clientIp }) => {
    const ghost = `ghost-${Date.now().toString(36)}@e2e.test`;
    const answers = [];
    for (let n = 1; n <= 11; n++) answers.push(await attempt(clientIp, n, ghost, "any-password-1"));
    expect(answers.slice(0, 9)).toEqual(
      Array(9).fill({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" }),
    );
    for (const answer of answers.slice(9)) {
      expect(answer).toMatchObject({ status: 423, code: "ACCOUNT_LOCKED", message: expect.stringMatching(LOCKED) });
    }
  });

  test("a successful sign-in resets the count: 9 failures, a success, 9 failures leave the account open", async ({
    clientIp,
  }) => {
    const user = await createVerifiedUser("reset", clientIp);
    for (let n = 1; n <= 9; n++) expect((await attempt(clientIp, n, user.email, "wrong-one-1"))?.status).toBe(401);
    expect(await attempt(clientIp, 10, user.email, user.password)).toBeNull();
    for (let n = 11; n <= 19; n++) expect((await attempt(clientIp, n, user.email, "wrong-two-2"))?.status).toBe(401);
    expect(await attempt(clientIp, 20, user.email, user.password)).toBeNull();
  });

  test("the operator sees 'Locked until', unlocks with confirmation, and the user signs in; it is in the trail", async ({
    page,
    clientIp,
  }) => {
    const user = await createVerifiedUser("unlockme", clientIp);
    for (let n = 1; n <= 10; n++) await attempt(clientIp, n, user.email, "not-the-password");
    expect((await attempt(clientIp, 11, user.email, user.password))?.code).toBe("ACCOUNT_LOCKED");

    await signIn(page, OPERATOR.email, OPERATOR.password);
    await page.goto(`/admin/users/${user.id}`);
    await hydrated(page);
    const access = page.locator("dl").filter({ hasText: "Two-factor" });
    await expect(access).toContainText(/Locked until \d+ \w+ \d{4}, \d\d:\d\d/);
    await page.getByRole("button", { name: "Unlock" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Unlock this account?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    // Until its exit animation ends the closed dialog stays in the page, and the page behind it is hidden from
    // assistive tech: "Unlock" would name the dialog's own button (CI clicked it, and unlocked through a cancelled
    // dialog's confirm).
    await expect(dialog).toBeHidden();
    expect((await attempt(clientIp, 12, user.email, user.password))?.code).toBe("ACCOUNT_LOCKED");

    await page.getByRole("button", { name: "Unlock" }).click();
    await dialog.getByRole("button", { name: "Unlock" }).click();
    await expect(page.getByText("Unlocked. They can sign in again now.")).toBeVisible();
    await expect(access).not.toContainText("Locked until");
    await expect(page.getByRole("button", { name: "Unlock" })).toHaveCount(0);
    expect(await attempt(clientIp, 13, user.email, user.password)).toBeNull();
    const trail = await auditEventsFor(page, user.id);
    expect(trail.find((event) => event.action === "user.unlock")).toMatchObject({ actorEmail: OPERATOR.email });
  });
});

test.describe("server actions held to the HTTP limits", () => {
  test("a resend over /send-verification-email's limit is refused with the wait, and no mail goes out", async ({
    page,
    clientIp,
  }) => {
    const user = await createVerifiedUser("unverified", clientIp);
    const { client } = sdk(clientIp, 91);
    expect((await client.signIn.email({ email: OPERATOR.email, password: OPERATOR.password })).error).toBeNull();
    expect((await client.admin.updateUser({ userId: user.id, data: { emailVerified: false } })).error).toBeNull();

    // Five requests from this browser's address spend the endpoint's budget (5 a minute); the sixth gets a hint.
    const send = () =>
      fetch(`${BASE_URL}/api/auth/send-verification-email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE_URL, "cf-connecting-ip": clientIp },
        body: JSON.stringify({ email: `nobody-${Date.now()}@e2e.test` }),
      });
    for (let i = 0; i < 5; i++) expect((await send()).status).toBe(200);
    const over = await send();
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("x-retry-after"))).toBeGreaterThan(0);

    const before = await mailCount(user.email);
    await signIn(page, OPERATOR.email, OPERATOR.password);
    await page.goto(`/admin/users/${user.id}`);
    await hydrated(page);
    await page.getByRole("button", { name: "Resend verification" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Send link" }).click();
    await expect(dialog.getByTestId("form-error")).toHaveText(/^Too many requests\. Try again in \d+ seconds\.$/);
    expect(await mailCount(user.email)).toBe(before);
    const trail = await auditEventsFor(page, user.id);
    expect(trail.filter((event) => event.action === "user.verification.resend")).toEqual([]);
  });
});

test.describe("step-up for sensitive changes", { tag: EDITS_LOCAL_D1 }, () => {
  test("a fresh operator bans without being asked to confirm", async ({ page, clientIp }) => {
    const operator = await createOperator(clientIp, "freshop");
    const target = await createVerifiedUser("banfresh", clientIp);
    await signIn(page, operator.email, operator.password);
    await page.goto(`/admin/users/${target.id}`);
    await hydrated(page);
    await page.getByRole("button", { name: "Ban user" }).click();
    const ban = page.getByRole("dialog", { name: `Ban ${target.email}` });
    await ban.getByLabel("Reason").fill("Spam reports, ticket 12");
    await ban.getByRole("radio", { name: "1 day" }).check();
    await ban.getByRole("button", { name: "Ban" }).click();
    await expect(page.getByText(/^Banned \(1 day\)/)).toBeVisible();
    await expect(page.getByRole("dialog", { name: "Confirm it's you" })).toHaveCount(0);
    expect(await isBanned(clientIp, target)).toBe(true);
  });

  test("a stale operator must confirm it's them: cancel and a wrong password change nothing, the password bans", async ({
    page,
    clientIp,
  }) => {
    const operator = await createOperator(clientIp, "staleop");
    const target = await createVerifiedUser("banstale", clientIp);
    await signIn(page, operator.email, operator.password);
    await ageSession(await browserSessionToken(page), 16);
    const staleCookie = (await page.context().cookies()).find((c) => c.name.endsWith("better-auth.session_token"));
    await page.goto(`/admin/users/${target.id}`);
    await hydrated(page);

    const ban = page.getByRole("dialog", { name: `Ban ${target.email}` });
    const confirmIt = page.getByRole("dialog", { name: "Confirm it's you" });
    await page.getByRole("button", { name: "Ban user" }).click();
    await ban.getByLabel("Reason").fill("Spam reports, ticket 13");
    await ban.getByRole("radio", { name: "1 day" }).check();
    await ban.getByRole("button", { name: "Ban" }).click();
    await expect(confirmIt).toBeVisible();
    await confirmIt.getByRole("button", { name: "Cancel" }).click();
    await expect(ban.getByTestId("form-error")).toContainText("needs a sign-in from the last 15 minutes");
    expect(await isBanned(clientIp, target)).toBe(false);

    await ban.getByRole("button", { name: "Ban" }).click();
    await confirmIt.getByLabel("Password").fill("not-my-password");
    await confirmIt.getByRole("button", { name: "Confirm" }).click();
    await expect(confirmIt.getByTestId("form-error")).toHaveText("Wrong email or password.");
    expect(await isBanned(clientIp, target)).toBe(false);

    await confirmIt.getByLabel("Password").fill(operator.password);
    await confirmIt.getByRole("button", { name: "Confirm" }).click();
    await expect(confirmIt).toHaveCount(0);
    await expect(page.getByText(/^Banned \(1 day\)/)).toBeVisible();
    expect(await isBanned(clientIp, target)).toBe(true);
    // The stale session the confirmation replaced is over: its cookie, if copied, signs nobody in.
    const replaced = await fetch(`${BASE_URL}/api/auth/get-session?disableCookieCache=true`, {
      headers: { cookie: `${staleCookie?.name}=${staleCookie?.value}`, "cf-connecting-ip": clientIp },
    });
    expect(await replaced.json()).toBeNull();
  });

  test("a stale operator with two-factor confirms with password and authenticator code (or a backup code), then the role changes", async ({
    page,
    clientIp,
  }) => {
    const operator = await createOperator(clientIp, "totpop");
    const target = await createVerifiedUser("rolestale", clientIp);
    const { client } = sdk(clientIp, 92);
    expect((await client.signIn.email({ email: operator.email, password: operator.password })).error).toBeNull();
    const enabled = await client.twoFactor.enable({ password: operator.password });
    if (!enabled.data || !("totpURI" in enabled.data)) throw new Error(`enable failed: ${enabled.error?.message}`);
    const app = authenticator(secretFromUri(enabled.data.totpURI));
    expect((await client.twoFactor.verifyTotp({ code: await app.nextCode() })).error).toBeNull();

    // The browser signs in with both factors, then its session grows old.
    await page.goto("/sign-in");
    await hydrated(page);
    await page.getByLabel("Email").fill(operator.email);
    await page.getByLabel("Password").fill(operator.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/two-factor/);
    await hydrated(page);
    await page.getByLabel("Authentication code").fill(await app.nextCode());
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).not.toHaveURL(/\/two-factor/);
    await ageSession(await browserSessionToken(page), 30);

    await page.goto(`/admin/users/${target.id}`);
    await hydrated(page);
    await page.getByLabel("Change role").selectOption({ label: "Support" });
    await page.getByRole("button", { name: "Save role" }).click();
    const confirmIt = page.getByRole("dialog", { name: "Confirm it's you" });
    await confirmIt.getByLabel("Password").fill(operator.password);
    await confirmIt.getByRole("button", { name: "Confirm" }).click();
    await expect(confirmIt.getByLabel("Authentication code")).toBeVisible();
    const { data: pending } = await client.admin.getUser({ query: { id: target.id } });
    expect(pending?.role).toBe("user");
    await confirmIt.getByLabel("Authentication code").fill(await app.nextCode());
    await confirmIt.getByRole("button", { name: "Confirm" }).click();
    await expect(confirmIt).toHaveCount(0);
    await expect(page.getByText("Role set to support.")).toBeVisible();
    const { data: changed } = await client.admin.getUser({ query: { id: target.id } });
    expect(changed?.role).toBe("support");

    // Later, without the phone: a backup code finishes the confirmation instead.
    await ageSession(await browserSessionToken(page), 30);
    await page.reload();
    await hydrated(page);
    await page.getByLabel("Change role").selectOption({ label: "User" });
    await page.getByRole("button", { name: "Save role" }).click();
    await confirmIt.getByLabel("Password").fill(operator.password);
    await confirmIt.getByRole("button", { name: "Confirm" }).click();
    await confirmIt.getByRole("button", { name: "Use a backup code instead" }).click();
    await confirmIt.getByLabel("Backup code").fill(enabled.data.backupCodes[0] ?? "");
    await confirmIt.getByRole("button", { name: "Confirm" }).click();
    await expect(confirmIt).toHaveCount(0);
    await expect(page.getByText("Role set to user.")).toBeVisible();
    expect((await client.admin.getUser({ query: { id: target.id } })).data?.role).toBe("user");
  });

  test("over HTTP a stale session is refused with FRESH_SIGN_IN_REQUIRED and nothing changes", async ({ clientIp }) => {
    const operator = await createOperator(clientIp, "sdkop");
    const target = await createVerifiedUser("sdktarget", clientIp);
    const stale = sdk(clientIp, 93);
    expect((await stale.client.signIn.email({ email: operator.email, password: operator.password })).error).toBeNull();
    await ageSession(tokenOf([...stale.cookies()].find(([name]) => name.endsWith("session_token"))?.[1]), 16);

    const role = await stale.client.admin.setRole({ userId: target.id, role: "admin" });
    expect(role.error).toMatchObject({ status: 403, code: "FRESH_SIGN_IN_REQUIRED" });
    const password = await stale.client.admin.setUserPassword({ userId: target.id, newPassword: "taken-over-123" });
    expect(password.error).toMatchObject({ status: 403, code: "FRESH_SIGN_IN_REQUIRED" });
    const removed = await stale.client.admin.removeUser({ userId: target.id });
    expect(removed.error).toMatchObject({ status: 403, code: "FRESH_SIGN_IN_REQUIRED" });

    const { data } = await stale.client.admin.getUser({ query: { id: target.id } });
    expect(data?.role).toBe("user");
    expect(await attempt(clientIp, 94, target.email, target.password)).toBeNull();
  });

  test("the user's own password change asks a stale session to confirm it's them first", async ({ page, clientIp }) => {
    const user = await createVerifiedUser("ownpw", clientIp);
    await signIn(page, user.email, user.password);
    await ageSession(await browserSessionToken(page), 16);
    await page.goto("/account/security");
    await hydrated(page);
    await page.getByRole("button", { name: "Change password…" }).click();
    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill(user.password);
    await form.getByLabel("New password", { exact: true }).fill("a-brand-new-pass-9");
    await form.getByLabel("Repeat the new password").fill("a-brand-new-pass-9");
    await form.getByRole("button", { name: "Change password" }).click();
    const confirmIt = page.getByRole("dialog", { name: "Confirm it's you" });
    await expect(confirmIt).toBeVisible();
    expect(await attempt(clientIp, 95, user.email, user.password)).toBeNull();

    await confirmIt.getByLabel("Password").fill(user.password);
    await confirmIt.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText(/^Password changed\./)).toBeVisible();
    expect(await attempt(clientIp, 96, user.email, "a-brand-new-pass-9")).toBeNull();
  });
});
