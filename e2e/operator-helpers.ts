// Helpers for the operator console specs: verified users made through the real sign-up flow, and the audit trail
// read back through the console's JSON API.
import type { Page } from "@playwright/test";
import { BASE_URL, SINK_URL } from "./config";
import { expect, uniqueEmail } from "./fixtures";
import { extractLink, waitForMail } from "./mail";
import { createSdkClient } from "./sdk-client";

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

/** Signs a new user up with better-auth's client SDK and verifies the address through the mailed link. */
export async function createVerifiedUser(prefix: string, clientIp: string): Promise<TestUser> {
  const { client } = createSdkClient({ baseURL: BASE_URL, clientIp });
  const email = uniqueEmail(prefix);
  const name = `${prefix[0]?.toUpperCase()}${prefix.slice(1)} ${email.split("@")[0]?.split("-").pop()}`;
  const password = "a-strong-password-1";
  const signUp = await client.signUp.email({ name, email, password });
  expect(signUp.error).toBeNull();
  const id = signUp.data?.user.id;
  if (!id) throw new Error("sign-up returned no user id");
  const mail = await waitForMail(SINK_URL, email, { subject: /verify your email/i });
  const verified = await fetch(extractLink(mail, "/api/auth/verify-email"), {
    redirect: "manual",
    // This test's own address: requests without one share a single rate-limit bucket across the whole suite.
    headers: { "cf-connecting-ip": clientIp },
  });
  expect(verified.status).toBeLessThan(400);
  return { id, name, email, password };
}

export interface BrowserResponse {
  status: number;
  body: Record<string, unknown> | null;
}

/** A same-origin fetch from the page, as its own script would make it: the browser's cookies, its Origin. */
export async function browserFetch(page: Page, path: string, body?: unknown): Promise<BrowserResponse> {
  return page.evaluate(
    async ([url, payload]) => {
      const response = await fetch(url, {
        method: payload === undefined ? "GET" : "POST",
        headers: payload === undefined ? undefined : { "content-type": "application/json" },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await response.text();
      let json: Record<string, unknown> | null = null;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = null;
      }
      return { status: response.status, body: json };
    },
    [path, body] as const,
  );
}

/** POST to a better-auth endpoint from the page. */
export function postAuth(page: Page, path: string, data: unknown) {
  return browserFetch(page, `/api/auth${path}`, data);
}

export interface AuditEventJson {
  action: string;
  actorEmail: string | null;
  reason: string | null;
  targetUserId: string | null;
}

/** The audit events about a user, newest first, as the JSON API returns them to staff. */
export async function auditEventsFor(page: Page, targetUserId: string): Promise<AuditEventJson[]> {
  const response = await browserFetch(page, `/api/admin/audit-events?targetUserId=${encodeURIComponent(targetUserId)}`);
  expect(response.status).toBe(200);
  return (response.body?.events ?? []) as AuditEventJson[];
}

/** Opens /admin/audit filtered to one target and returns the table. */
export async function openAuditFor(page: Page, email: string) {
  await page.goto(`/admin/audit?target=${encodeURIComponent(email)}`);
  await expect(page.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();
  return page.getByRole("table", { name: "Audit trail" });
}
