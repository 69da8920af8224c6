import { BASE_URL, DEMO_PASSWORD, SINK_URL } from "./config";
import { expect, formError, hydrated, setMailFailure, signIn, test, uniqueEmail } from "./fixtures";
import { extractLink, waitForMail } from "./mail";

test("sign up, verify by mail, reach the console, sign out and sign back in", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Nora Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-strong-password");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  const mail = await waitForMail(SINK_URL, email, { subject: /verify your email/i });
  await page.goto(extractLink(mail, "/api/auth/verify-email"));
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
  await page.getByRole("link", { name: "Continue to the console" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Nora Newcomer" })).toBeVisible();
  await expect(page.getByText("You are not a member of any organization yet.")).toBeVisible();

  await hydrated(page); // the menu cannot open before React has taken over the page
  await page.getByRole("button", { name: "Account menu for Nora Newcomer" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F/);

  await signIn(page, email, "a-strong-password");
  await expect(page.getByRole("heading", { name: "Welcome, Nora Newcomer" })).toBeVisible();
});

test("an anonymous visitor is sent to sign in and lands back on the page asked for", async ({ page }) => {
  await page.goto("/account/profile");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fprofile/);
  await page.getByLabel("Email").fill("alice@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/profile$/);
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expect(page.getByText("alice@acme.test")).toBeVisible();
});

test("a next parameter pointing at another site is ignored", async ({ page }) => {
  await page.goto("/sign-in?next=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("Email").fill("bob@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Bob Baker" })).toBeVisible();
  expect(page.url()).toBe(`${BASE_URL}/`);
});

test.describe("bad input shows a clear message and keeps what was typed", () => {
  test("empty and malformed sign-up fields", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    await expect(page.getByText("Enter your email address.")).toBeVisible();

    await page.getByLabel("Name").fill("Wendy");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Wendy");
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  });

  test("duplicate email on sign-up: same answer as a new address, and the owner is told by mail", async ({ page }) => {
    const before = new Date();
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Alice Again");
    await page.getByLabel("Email").fill("alice@acme.test");
    await page.getByLabel("Password").fill("another-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    await expect(page.getByText("If that address already has an account")).toBeVisible();

    const mail = await waitForMail(SINK_URL, "alice@acme.test", { subject: /already have/i, after: before });
    await page.goto(extractLink(mail, "/sign-in"));
    await expect(page.getByLabel("Email")).toHaveValue("alice@acme.test");
  });

  test("wrong password on sign-in", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("carol@acme.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("Wrong email or password.");
    await expect(page.getByLabel("Email")).toHaveValue("carol@acme.test");
  });

  test("sign-in before the email is verified", async ({ page }) => {
    const email = uniqueEmail("unverified");
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Uma Unverified");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-strong-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-strong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toContainText("Verify your email address first");
  });
});

test("a failed verification mail loses nothing: the account exists and resending works", async ({ page }) => {
  const email = uniqueEmail("mailfail");
  await setMailFailure(email, true);
  try {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Mo Mailfail");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-strong-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(formError(page)).toContainText("we could not send the verification email");
  } finally {
    await setMailFailure(email, false);
  }
  const before = new Date();
  await page.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByTestId("form-success")).toContainText(`We sent a new link to ${email}`);
  const mail = await waitForMail(SINK_URL, email, { subject: /verify your email/i, after: before });
  await page.goto(extractLink(mail, "/api/auth/verify-email"));
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
});

test("forgot password: the mailed link sets a new password that then signs in", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("erin@globex.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("form-success")).toContainText("If an account exists for erin@globex.test");

  const mail = await waitForMail(SINK_URL, "erin@globex.test", { subject: /reset/i });
  await page.goto(extractLink(mail, "/api/auth/reset-password"));
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("Repeat the new password").fill("a-different-one");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await page.getByLabel("Repeat the new password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("form-success")).toContainText("Your password was changed");

  await signIn(page, "erin@globex.test", "a-brand-new-password");
  await expect(page.getByRole("heading", { name: "Welcome, Erin Evans" })).toBeVisible();
});
