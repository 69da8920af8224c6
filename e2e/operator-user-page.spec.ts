// The operator's user page, control by control: what each one changes is checked from the user's side too.
import type { Page } from "@playwright/test";
import { authenticator, secretFromUri } from "../test/totp";
import { BASE_URL, OPERATOR, SINK_URL } from "./config";
import { expect, hydrated, otherIp, signIn, test, uniqueEmail } from "./fixtures";
import { extractLink, waitForMail } from "./mail";
import { createVerifiedUser, openAuditFor } from "./operator-helpers";
import { createSdkClient } from "./sdk-client";

/** Opens an operator confirmation and confirms it. */
async function confirm(page: Page, button: string | RegExp, confirmLabel: string) {
  await page.getByRole("button", { name: button }).first().click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: confirmLabel }).click();
  await expect(dialog).toBeHidden();
}

/** The user's own session as the server sees it now (never from a cookie cache). */
async function liveSession(client: ReturnType<typeof createSdkClient>["client"]) {
  const { data } = await client.getSession({ query: { disableCookieCache: true } });
  return data;
}

test("an operator creates a user with a password, verifies them, ends their sessions, sets a password and deletes them", async ({
  page,
  clientIp,
}) => {
  test.setTimeout(120_000);
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  const email = uniqueEmail("managed");
  await dialog.getByLabel("Name").fill("Manny Managed");
  await dialog.getByLabel("Email", { exact: true }).fill(email);
  await dialog.getByRole("radio", { name: "Set a password now" }).check();
  await dialog.getByLabel("New password").fill("first-password-123");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name: "Manny Managed", level: 1 })).toBeVisible();
  await expect(page.getByText("Not verified")).toBeVisible();

  // Resend the verification link: it arrives.
  const beforeResend = new Date();
  await confirm(page, "Resend verification", "Send link");
  await expect(page.getByText(`A new verification link was sent to ${email}.`)).toBeVisible();
  await waitForMail(SINK_URL, email, { subject: /verify your email/i, after: beforeResend });
  // Mark verified: the badge goes, and the user can sign in (sign-in needs a verified address).
  await confirm(page, "Mark email verified", "Mark verified");
  await expect(page.getByText("Email address marked as verified.")).toBeVisible();
  await expect(page.getByText("Not verified")).toHaveCount(0);

  const phone = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 51) });
  const laptop = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 52) });
  for (const device of [phone, laptop]) {
    expect((await device.client.signIn.email({ email, password: "first-password-123" })).error).toBeNull();
  }

  // End one session, then all of them.
  await page.reload();
  const endButtons = page.getByRole("button", { name: /^End session from / });
  await expect(endButtons).toHaveCount(2);
  await confirm(page, /^End session from /, "End session");
  await expect(page.getByText("Session ended.")).toBeVisible();
  await expect(endButtons).toHaveCount(1);
  const stillIn = [await liveSession(phone.client), await liveSession(laptop.client)].filter(Boolean);
  expect(stillIn).toHaveLength(1);
  await confirm(page, "Sign out everywhere", "Sign out everywhere");
  await expect(page.getByText("Every session of this user was ended.")).toBeVisible();
  expect(await liveSession(phone.client)).toBeNull();
  expect(await liveSession(laptop.client)).toBeNull();

  // Set a password: the old one stops working, the new one works.
  await page.getByRole("button", { name: "Set password" }).click();
  const passwordDialog = page.getByRole("dialog", { name: `Set a password for ${email}` });
  await passwordDialog.getByLabel("New password").fill("second-password-456");
  await passwordDialog.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password set. Tell the user through a channel you trust.")).toBeVisible();
  expect((await phone.client.signIn.email({ email, password: "first-password-123" })).error?.status).toBe(401);
  expect((await phone.client.signIn.email({ email, password: "second-password-456" })).error).toBeNull();

  // Delete, once the address is typed.
  await page.getByRole("button", { name: "Delete user" }).click();
  const deleteDialog = page.getByRole("dialog", { name: `Delete ${email}?` });
  await expect(deleteDialog.getByRole("button", { name: "Delete for good" })).toBeDisabled();
  await deleteDialog.getByLabel(`Type ${email} to confirm`).fill(email);
  await deleteDialog.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByText(`${email} was deleted.`)).toBeVisible();
  expect(await liveSession(phone.client)).toBeNull();
  expect((await laptop.client.signIn.email({ email, password: "second-password-456" })).error?.status).toBe(401);

  // Each step is in the trail, by this operator.
  const audit = await openAuditFor(page, email);
  for (const action of [
    "user.create",
    "user.verification.resend",
    "user.email.verify",
    "user.password.set",
    "user.sessions.revoke",
    "session.revoke",
    "user.delete",
  ]) {
    await expect(audit.getByRole("row").filter({ hasText: action }).first(), action).toContainText(OPERATOR.email);
  }
});

test("a user created with a mailed link sets their own password from it", async ({ page, browser, clientIp }) => {
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  const email = uniqueEmail("linked");
  await dialog.getByLabel("Name").fill("Lee Linked");
  await dialog.getByLabel("Email", { exact: true }).fill(email);
  await dialog.getByRole("radio", { name: "Email them a link to set one" }).check();
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name: "Lee Linked", level: 1 })).toBeVisible();
  await expect(page.getByText(`${email} was created and emailed a link to set a password.`)).toBeVisible();

  const mail = await waitForMail(SINK_URL, email, { subject: /reset your .* password/i });
  const context = await browser.newContext({ extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, 53) } });
  const user = await context.newPage();
  await user.goto(extractLink(mail, "/api/auth/reset-password"));
  await expect(user.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await hydrated(user);
  await user.getByLabel("New password", { exact: true }).fill("my-own-password-789");
  await user.getByLabel("Repeat the new password").fill("my-own-password-789");
  await user.getByRole("button", { name: "Set new password" }).click();
  await expect(user.getByTestId("form-success")).toContainText("Your password was changed");
  await context.close();
  const sdk = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 54) });
  expect((await sdk.client.signIn.email({ email, password: "my-own-password-789" })).error).toBeNull();
});

test("resetting a user's two-factor removes it, ends their sessions and tells them by email", async ({
  page,
  clientIp,
}) => {
  const target = await createVerifiedUser("twofa", clientIp);
  const { client } = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 55) });
  expect((await client.signIn.email({ email: target.email, password: target.password })).error).toBeNull();
  const enabled = await client.twoFactor.enable({ password: target.password });
  if (!enabled.data || !("totpURI" in enabled.data)) throw new Error(`enable failed: ${enabled.error?.message}`);
  const app = authenticator(secretFromUri(enabled.data.totpURI));
  expect((await client.twoFactor.verifyTotp({ code: await app.nextCode() })).error).toBeNull();
  expect(await liveSession(client)).not.toBeNull();

  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto(`/admin/users/${target.id}`);
  // The account card's row (the audit rows below also speak of two-factor).
  const access = page.locator('dt:text-is("Two-factor") + dd');
  await expect(access).toContainText("On");
  const before = new Date();
  await confirm(page, "Reset two-factor", "Reset two-factor");
  await expect(
    page.getByText("Two-factor authentication was removed, their sessions ended, and they were told by email."),
  ).toBeVisible();
  await expect(access).toContainText("Off");
  await expect(page.getByRole("button", { name: "Reset two-factor" })).toHaveCount(0);

  expect(await liveSession(client)).toBeNull();
  await waitForMail(SINK_URL, target.email, { subject: /two-factor authentication was reset/i, after: before });
  // The password alone signs them in again: no second factor is asked.
  const again = await client.signIn.email({ email: target.email, password: target.password });
  expect(again.error).toBeNull();
  expect(again.data && "twoFactorRedirect" in again.data).toBe(false);

  const audit = await openAuditFor(page, target.email);
  await expect(audit.getByRole("row").filter({ hasText: "user.two_factor.reset" }).first()).toContainText(
    OPERATOR.email,
  );
});
