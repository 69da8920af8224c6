import { test as base, expect, type Page } from "@playwright/test";
import { CLIENT_IP_OFFSET, SINK_URL } from "./config";

let counter = 0;

/**
 * Each test speaks from its own client address (the `cf-connecting-ip` header Cloudflare sets in production), so
 * the per-address rate limits stay meaningful without one test's sign-ins counting against another's.
 */
export const test = base.extend<{ clientIp: string }>({
  clientIp: [
    async ({ context }, use, testInfo) => {
      counter += 1;
      const ip = `198.51.${(testInfo.workerIndex + CLIENT_IP_OFFSET) % 250}.${counter % 250}`;
      await context.setExtraHTTPHeaders({ "cf-connecting-ip": ip });
      await use(ip);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Another valid client address derived from a test's own (n picks which), for a second device or helper traffic with
 * rate-limit buckets of its own. It must stay a valid IP: better-auth puts every unparseable address in one shared
 * bucket, so appending digits to an address made unrelated tests throttle each other.
 */
export function otherIp(clientIp: string, n: number) {
  return clientIp.replace(/^198\.51\./, `10.${n % 250}.`);
}

/** A unique address at the test domain, so tests never collide and can run in parallel. */
export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.test`;
}

/** Makes the mail sink refuse (or accept again) mail to one address. */
export async function setMailFailure(to: string, fail: boolean) {
  if (fail) await fetch(`${SINK_URL}/api/fail`, { method: "POST", body: JSON.stringify({ to }) });
  else await fetch(`${SINK_URL}/api/fail`, { method: "DELETE" });
}

/** Signs in through the form and waits for the console. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await hydrated(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Sign in");
}

/** The message a form shows above its fields (scoped: Next's route announcer is an alert too). */
export function formError(page: Page) {
  return page.getByTestId("form-error");
}

/**
 * Waits until React has hydrated the page's forms and buttons. A click or typing before that is lost: a Radix menu
 * trigger does nothing yet, and React resets controlled inputs when it takes them over.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const interactive = [...document.querySelectorAll("form, button")];
    return (
      interactive.length > 0 && interactive.every((el) => Object.keys(el).some((k) => k.startsWith("__reactProps")))
    );
  });
}
