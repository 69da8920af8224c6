// Social sign-in against a real OpenID provider on loopback (oidc-provider, started by scripts/e2e-server.ts before
// the worker, which read its discovery document at start): first sign-up with the claims, the second factor after
// the provider, linking and unlinking, the refused links that protect existing accounts, and a tampered state.
import type { Page } from "@playwright/test";
import { createVerifiedUser, enrolTotpOverHttp, expectConsole, open, signOutFromMenu } from "./account";
import { BASE_URL, OIDC_ISSUER, OIDC_PROVIDER_NAME } from "./config";
import { expect, hydrated, signIn, test, uniqueEmail } from "./fixtures";
import { createSdkClient } from "./sdk-client";

const CONTINUE = `Continue with ${OIDC_PROVIDER_NAME}`;

/** The provider's own pages: its login (any password; the login names the account) and its consent. */
async function loginAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function continueWithProvider(page: Page, login: string) {
  await page.goto("/sign-in");
  await hydrated(page);
  await page.getByRole("button", { name: CONTINUE }).click();
  await loginAtProvider(page, login);
}

/** The name the test provider gives a login's account (test/oidc-provider.ts claimsOf). */
function idpName(email: string) {
  const local = email.split("@")[0] ?? "";
  const words = local.split(/[-._+]/).filter((part) => /^[a-z]+$/.test(part));
  return `${words.map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`).join(" ")} Example`;
}

test("signing up through the provider creates the account with the name and picture of its claims", async ({
  page,
}) => {
  const email = uniqueEmail("oidcnew");
  await page.goto("/sign-up");
  await hydrated(page);
  await page.getByRole("button", { name: `Sign up with ${OIDC_PROVIDER_NAME}` }).click();
  await loginAtProvider(page, email);
  await expectConsole(page, idpName(email));
  await open(page, "/account/profile");
  await expect(page.getByLabel("Avatar URL")).toHaveValue(/^https:\/\/avatars\.idp\.test\//);
  const methods = page.getByRole("list", { name: "Sign-in methods" });
  await expect(methods.getByRole("listitem")).toHaveCount(1);
  await expect(methods).toContainText(OIDC_PROVIDER_NAME);
  await expect(methods).toContainText("Your only way to sign in");

  // A first password makes a second way in (the sign-in is fresh: no "Confirm it's you").
  await page.getByRole("button", { name: "Set a password" }).click();
  const dialog = page.getByRole("dialog", { name: "Set a password" });
  await dialog.getByLabel("New password", { exact: true }).fill("first-password-42");
  await dialog.getByLabel("Confirm new password").fill("first-password-42");
  await dialog.getByRole("button", { name: "Set password" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(methods.getByRole("listitem")).toHaveCount(2);
  await expect(methods).toContainText("Email and password");
  await signOutFromMenu(page, idpName(email));
  await signIn(page, email, "first-password-42");
  await expectConsole(page, idpName(email));
});

test("an account with two-factor is asked for it after the provider too; its verified address links", async ({
  page,
  clientIp,
}) => {
  const user = await createVerifiedUser(clientIp, "oidc2fa");
  const { app } = await enrolTotpOverHttp(user, clientIp);
  await continueWithProvider(page, user.email);
  await expect(page).toHaveURL(/\/two-factor/);
  await hydrated(page);
  await page.getByLabel("Authentication code").fill(await app.nextCode());
  await page.getByRole("button", { name: "Verify" }).click();
  await expectConsole(page, user.name);
  await open(page, "/account/profile");
  await expect(page.getByRole("list", { name: "Sign-in methods" })).toContainText(OIDC_PROVIDER_NAME);
});

test("a provider that has not verified the address does not get into an existing account", async ({
  page,
  clientIp,
}) => {
  const user = await createVerifiedUser(clientIp, "oidcunverified");
  await continueWithProvider(page, `${user.email}!unverified`);
  await expect(page).toHaveURL(/\/sign-in\?.*error=account_not_linked/);
  await expect(
    page.getByRole("alert").filter({ hasText: "An account with this email address already exists" }),
  ).toBeVisible();
  await signIn(page, user.email, user.password);
  await open(page, "/account/profile");
  await expect(page.getByRole("list", { name: "Sign-in methods" }).getByRole("listitem")).toHaveCount(1);
});

test("an account registered with an address its owner never verified is not taken over through the provider", async ({
  page,
  clientIp,
}) => {
  // Someone registers the victim's address with a password of their own and never verifies it.
  const email = uniqueEmail("oidcsquat");
  const { client } = createSdkClient({ baseURL: BASE_URL, clientIp });
  expect((await client.signUp.email({ name: "Squatter", email, password: "squatter-pass-1" })).error).toBeNull();
  // The owner of the address signs in through their provider, which verified it: refused, nothing linked.
  await continueWithProvider(page, email);
  await expect(page).toHaveURL(/error=account_not_linked/);
  // The squatter's password still signs nobody in.
  const squatter = await client.signIn.email({ email, password: "squatter-pass-1" });
  expect(squatter.error?.code).toBe("EMAIL_NOT_VERIFIED");
});

test("link the provider from the profile, sign in with it, then unlink it", async ({ page, clientIp }) => {
  const user = await createVerifiedUser(clientIp, "oidclink");
  await signIn(page, user.email, user.password);
  await open(page, "/account/profile");
  await page.getByRole("button", { name: `Link ${OIDC_PROVIDER_NAME}` }).click();
  await loginAtProvider(page, user.email);
  await expect(page).toHaveURL(/\/account\/profile\?linked=1/);
  await expect(page.getByText("The account was linked.")).toBeVisible();
  const methods = page.getByRole("list", { name: "Sign-in methods" });
  await expect(methods.getByRole("listitem")).toHaveCount(2);

  // The provider remembers the person from the link: it sends them straight back, signed in.
  await signOutFromMenu(page, user.name);
  await hydrated(page);
  await page.getByRole("button", { name: CONTINUE }).click();
  await expectConsole(page, user.name);

  await open(page, "/account/profile");
  await page.getByRole("button", { name: `Unlink ${OIDC_PROVIDER_NAME}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Unlink" }).click();
  await expect(methods.getByRole("listitem")).toHaveCount(1);
  await expect(methods).toContainText("Your only way to sign in");
});

test("a callback whose state was tampered with is refused and signs nobody in", async ({ page }) => {
  await page.goto("/sign-in");
  await hydrated(page);
  // The authorization request the console makes, with its state changed by one character on the way.
  const started = await page.evaluate(async () => {
    const response = await fetch("/api/auth/sign-in/social", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "oidc", callbackURL: "/", disableRedirect: true }),
    });
    return (await response.json()) as { url: string };
  });
  const url = new URL(started.url);
  const state = url.searchParams.get("state") ?? "";
  url.searchParams.set("state", `${state.slice(0, -1)}${state.endsWith("A") ? "B" : "A"}`);
  await page.goto(url.toString());
  await loginAtProvider(page, uniqueEmail("oidctamper"));
  await expect(page).toHaveURL(/\/sign-in\?.*error=/);
  await expect(page.getByRole("alert").filter({ hasText: "This sign-in could not be completed" })).toBeVisible();
  const session = await page.evaluate(async () => (await fetch("/api/auth/get-session")).json());
  expect(session).toBeNull();
});
