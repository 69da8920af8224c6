// Helpers for the account-area specs: verified users made over the HTTP API, TOTP enrolment, the two-factor page.
import type { Page } from "@playwright/test";
import { authenticator, secretFromUri } from "../test/totp";
import { BASE_URL, SINK_URL } from "./config";
import { expect, hydrated, otherIp, uniqueEmail } from "./fixtures";

export { otherIp };

import { extractLink, waitForMail } from "./mail";
import { createSdkClient } from "./sdk-client";

export const PASSWORD = "account-area-pass-1";

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

/** A new account, signed up and verified by mail through better-auth's client SDK. */
export async function createVerifiedUser(clientIp: string, prefix: string): Promise<TestUser> {
  const { client } = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 200) });
  const user = {
    name: `${prefix[0]?.toUpperCase()}${prefix.slice(1)} Tester`,
    email: uniqueEmail(prefix),
    password: PASSWORD,
  };
  const signUp = await client.signUp.email(user);
  expect(signUp.error).toBeNull();
  const mail = await waitForMail(SINK_URL, user.email, { subject: /verify your email/i });
  const verified = await fetch(extractLink(mail, "/api/auth/verify-email"), {
    redirect: "manual",
    // This test's own address: requests without one share a single rate-limit bucket across the whole suite.
    headers: { "cf-connecting-ip": clientIp },
  });
  expect(verified.status).toBeLessThan(400);
  return user;
}

/** Sets up TOTP over the HTTP API (for specs about what comes after enrolment); returns the authenticator. */
export async function enrolTotpOverHttp(user: TestUser, clientIp: string) {
  const { client } = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 201) });
  expect((await client.signIn.email({ email: user.email, password: user.password })).error).toBeNull();
  const enabled = await client.twoFactor.enable({ password: user.password });
  if (!enabled.data || !("totpURI" in enabled.data)) throw new Error(`enable failed: ${enabled.error?.message}`);
  const app = authenticator(secretFromUri(enabled.data.totpURI));
  expect((await client.twoFactor.verifyTotp({ code: await app.nextCode() })).error).toBeNull();
  return { app, backupCodes: enabled.data.backupCodes };
}

/** Opens a console page and waits until its forms can be used. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
}

/** Password sign-in that expects the second-factor challenge. */
export async function signInToChallenge(page: Page, user: TestUser) {
  await page.goto("/sign-in");
  await hydrated(page);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/two-factor/);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await hydrated(page);
}

/** Submits a code on the challenge page. */
export async function submitCode(page: Page, code: string, options: { label?: string; trust?: boolean } = {}) {
  await page.getByLabel(options.label ?? "Authentication code").fill(code);
  if (options.trust) await page.getByLabel("Trust this device for 30 days").check();
  await page.getByRole("button", { name: "Verify" }).click();
}

/** Signs out through the account menu. */
export async function signOutFromMenu(page: Page, name: string) {
  await hydrated(page);
  await page.getByRole("button", { name: `Account menu for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The console's home page after a completed sign-in. */
export async function expectConsole(page: Page, name: string) {
  await expect(page.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();
}
