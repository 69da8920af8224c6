// Passkeys in Chromium with its virtual authenticator (WebAuthn through the DevTools protocol) against the built
// worker: add, rename, sign in, remove; the second factor after a password; an operator's removal; step-up.
import type { Page } from "@playwright/test";
import {
  createVerifiedUser as createAccountUser,
  enrolTotpOverHttp,
  expectConsole,
  open,
  signOutFromMenu,
} from "./account";
import { OPERATOR, SINK_URL } from "./config";
import { expect, formError, hydrated, signIn, test } from "./fixtures";
import { EDITS_LOCAL_D1, executeOnLocalD1 } from "./local-d1";
import { waitForMail } from "./mail";
import { browserFetch, createVerifiedUser } from "./operator-helpers";
import { addVirtualAuthenticator } from "./passkeys";

/** Adds a passkey named `name` from /account/security (the browser's authenticator answers). */
async function addPasskey(page: Page, name: string) {
  await open(page, "/account/security");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a passkey" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole("list", { name: "Passkeys" }).getByRole("listitem").filter({ hasText: name }),
  ).toBeVisible();
}

async function signInWithPasskey(page: Page) {
  // Signing out lands on /sign-in already (a full load): going there again could cut that load short.
  if (!/\/sign-in/.test(page.url())) await page.goto("/sign-in");
  await page.waitForLoadState();
  await hydrated(page);
  await page.getByRole("button", { name: "Continue with a passkey" }).click();
}

test("add and rename a passkey, sign in from the email field's autofill, then remove it", async ({
  page,
  clientIp,
}) => {
  test.slow(); // two sign-ins and four changes
  const user = await createAccountUser(clientIp, "passkey");
  await signIn(page, user.email, user.password);
  const device = await addVirtualAuthenticator(page);
  await open(page, "/account/security");
  await expect(page.getByText("No passkeys yet.")).toBeVisible();

  await addPasskey(page, "Work laptop");
  expect(await device.credentials()).toHaveLength(1);
  const passkeys = page.getByRole("list", { name: "Passkeys" });
  await expect(passkeys.getByRole("listitem")).toHaveCount(1);
  await expect(passkeys.getByRole("listitem")).toContainText("never used");
  await expect(passkeys.getByRole("listitem")).toContainText("This device only");

  await page.getByRole("button", { name: "Rename Work laptop" }).click();
  const rename = page.getByRole("dialog", { name: "Rename passkey" });
  await rename.getByLabel("Name").fill("Laptop\u202Egpj");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename.getByText("Remove control and text-direction characters.")).toBeVisible();
  await rename.getByLabel("Name").fill("Laptop");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename).toHaveCount(0);
  await expect(passkeys.getByRole("listitem")).toContainText("Laptop");

  // The sign-in page asks for passkeys in the email field's autofill (conditional mediation); Chromium's virtual
  // authenticator answers such a request at once, as a person picking the passkey from the list would.
  await signOutFromMenu(page, user.name);
  await expectConsole(page, user.name);
  await open(page, "/account/security");
  await expect(passkeys.getByRole("listitem")).toContainText("last used");

  await page.getByRole("button", { name: "Remove Laptop" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove this passkey?" });
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("No passkeys yet.")).toBeVisible();

  // The device still holds the credential; the console no longer knows it, and says so.
  await signOutFromMenu(page, user.name);
  await expect(formError(page)).toContainText("This passkey is not registered here");
  await expect(page).toHaveURL(/\/sign-in/);
});

/**
 * A browser without conditional mediation: only a button starts a passkey sign-in. (Chromium's virtual authenticator
 * answers the sign-in page's autofill request at once, which would sign in before the test presses anything.)
 */
async function withoutAutofill(page: Page) {
  await page.addInitScript(() => {
    if (window.PublicKeyCredential) window.PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}

test("'Continue with a passkey' signs in where the browser offers no autofill", async ({ page, clientIp }) => {
  await withoutAutofill(page);
  const user = await createAccountUser(clientIp, "passkeybtn");
  await signIn(page, user.email, user.password);
  await addVirtualAuthenticator(page);
  await addPasskey(page, "Desk");
  await signOutFromMenu(page, user.name);
  await signInWithPasskey(page);
  await expectConsole(page, user.name);
});

test("a passkey answers the second factor after the password", async ({ page, clientIp }) => {
  await withoutAutofill(page);
  const user = await createAccountUser(clientIp, "passkey2fa");
  await signIn(page, user.email, user.password);
  await addVirtualAuthenticator(page);
  await addPasskey(page, "Phone");
  await enrolTotpOverHttp(user, clientIp);
  await signOutFromMenu(page, user.name);

  await page.goto("/sign-in");
  await hydrated(page);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/two-factor/);
  await hydrated(page);
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await expectConsole(page, user.name);
});

test("an operator removes a user's lost passkey; the user is told by email", async ({ page, browser, clientIp }) => {
  const user = await createVerifiedUser("lostkey", clientIp);
  await signIn(page, user.email, user.password);
  await addVirtualAuthenticator(page);
  await addPasskey(page, "Lost phone");

  const desk = await (await browser.newContext({ extraHTTPHeaders: { "cf-connecting-ip": clientIp } })).newPage();
  await signIn(desk, OPERATOR.email, OPERATOR.password);
  await desk.goto(`/admin/users/${user.id}`);
  await hydrated(desk);
  const theirs = desk.getByRole("list", { name: "Their passkeys" });
  await expect(theirs.getByRole("listitem")).toContainText("Lost phone");
  await desk.getByRole("button", { name: "Remove passkey Lost phone" }).click();
  await desk
    .getByRole("alertdialog", { name: "Remove this passkey?" })
    .getByRole("button", { name: "Remove passkey" })
    .click();
  await expect(desk.getByText("No passkeys.")).toBeVisible();

  const mail = await waitForMail(SINK_URL, user.email, { subject: /passkey was removed/i });
  expect(mail.text).toContain("Lost phone");
  const trail = await browserFetch(desk, `/api/admin/audit-events?targetUserId=${user.id}&action=user.passkey.remove`);
  expect(trail.status).toBe(200);
  expect(JSON.stringify(trail.body)).toContain("Lost phone");

  await open(page, "/account/security");
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
  await desk.context().close();
});

test("a passkey confirms it's you for a sensitive change", { tag: EDITS_LOCAL_D1 }, async ({ page, clientIp }) => {
  const user = await createAccountUser(clientIp, "passkeystep");
  await signIn(page, user.email, user.password);
  await addVirtualAuthenticator(page);
  await addPasskey(page, "Laptop");
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("better-auth.session_token"));
  const token = decodeURIComponent(cookie?.value ?? "").split(".")[0] ?? "";
  expect(token).toMatch(/^[\w-]+$/);
  await executeOnLocalD1(`UPDATE session SET created_at = ${Date.now() - 16 * 60_000} WHERE token = '${token}'`);

  await open(page, "/account/security");
  await page.getByRole("button", { name: "Change password…" }).click();
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password", { exact: true }).fill("a-new-password-42");
  await form.getByLabel("Repeat the new password").fill("a-new-password-42");
  await form.getByRole("button", { name: "Change password" }).click();
  const confirmIt = page.getByRole("dialog", { name: "Confirm it's you" });
  await confirmIt.getByRole("button", { name: "Use a passkey instead" }).click();
  await expect(confirmIt).toHaveCount(0);
  await expect(page.getByText(/Password changed/)).toBeVisible();
});
