// Organization API keys end to end: made on /org/<slug>/api-keys (the key shown once), used from outside with
// `Authorization: Bearer` against the built worker's /api/v1, held to their scopes, their rate limit and their
// organization, revoked in the console, and named as the actor in the organization's audit log.
import type { Page } from "@playwright/test";
import { BASE_URL, SINK_URL } from "./config";
import { expect, hydrated, signIn, test } from "./fixtures";
import { waitForMail } from "./mail";
import { addMember, createAccount, createOrganization } from "./org-helpers";

/** Makes a key on the organization's API keys page and answers the key the dialog shows once. */
async function createKeyInConsole(page: Page, slug: string, name: string, scopes: string[], rateLimit?: number) {
  await page.goto(`/org/${slug}/api-keys`);
  await hydrated(page);
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(name);
  for (const scope of scopes) await dialog.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).check();
  if (rateLimit !== undefined) await dialog.getByLabel("Requests per minute").fill(String(rateLimit));
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = (await dialog.getByTestId("api-key-secret").textContent()) ?? "";
  expect(key).toMatch(/^gatehouse_[A-Za-z]{64}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("table", { name: "API keys" })).toContainText(name);
  return key;
}

/** A call to the provisioning API as a machine client makes it: no cookie, no Origin, the key as bearer. */
async function api(clientIp: string, key: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${key}`,
      "cf-connecting-ip": clientIp,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = (await response.json()) as Record<string, unknown> & { error?: { code: string } };
  return { status: response.status, body, code: body.error?.code, headers: response.headers };
}

test("a members:read key lists members and cannot invite; revoked, it fails on its next use; the audit log names it", async ({
  page,
  clientIp,
}) => {
  test.slow(); // two accounts by mail, then the console
  const owner = await createAccount(clientIp, "Key Owner");
  const colleague = await createAccount(clientIp, "Key Colleague");
  const org = await createOrganization(owner, "Keyed Org");
  await addMember(owner, org.id, colleague, "member");

  // A plain member holds no apiKey permission: the page does not exist for them.
  await signIn(page, colleague.email, colleague.password);
  expect((await page.goto(`/org/${org.slug}/api-keys`))?.status()).toBe(404);
  await page.context().clearCookies();

  await signIn(page, owner.email, owner.password);
  const key = await createKeyInConsole(page, org.slug, "Directory sync", ["members:read"]);
  // Shown once: the list never carries the key, only its first characters.
  await expect(page.locator("body")).not.toContainText(key);
  await expect(page.getByRole("table", { name: "API keys" })).toContainText(key.slice(0, 16));
  const listed = await api(clientIp, key, "/members");
  expect(listed.status).toBe(200);
  const emails = (listed.body.data as Array<{ email: string }>).map((m) => m.email).sort();
  expect(emails).toEqual([owner.email, colleague.email].sort());

  const invite = await api(clientIp, key, "/invitations", {
    method: "POST",
    body: { email: "someone@e2e.test", role: "member" },
  });
  expect(invite).toMatchObject({ status: 403, code: "INSUFFICIENT_SCOPE" });

  // The list shows it was used, then revoking it (confirmed) stops it at once.
  await page.reload();
  await hydrated(page);
  const row = page.getByRole("row", { name: /Directory sync/ });
  await expect(row.getByRole("cell").nth(4)).not.toHaveText("Never");
  await row.getByRole("button", { name: "Revoke Directory sync" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("table", { name: "API keys" })).not.toContainText("Directory sync");
  expect(await api(clientIp, key, "/members")).toMatchObject({ status: 401, code: "INVALID_API_KEY" });

  await page.goto(`/org/${org.slug}/audit`);
  const read = page.getByRole("row", { name: /Listed members \(API\)/ });
  await expect(read).toContainText("Directory sync");
  await expect(read).toContainText("API key");
  await expect(page.getByRole("row", { name: /invitation\.create\.denied/ })).toContainText("Directory sync");
  await expect(page.getByRole("row", { name: /Revoked an API key/ })).toContainText(owner.email);
});

test("an invitations:write key invites: the mail arrives and the invitee joins through the normal accept flow", async ({
  page,
  clientIp,
}) => {
  test.slow();
  const owner = await createAccount(clientIp, "Invite Owner");
  const invitee = await createAccount(clientIp, "Invited Person");
  const org = await createOrganization(owner, "Inviting Org");
  await signIn(page, owner.email, owner.password);
  const key = await createKeyInConsole(page, org.slug, "HR onboarding", ["invitations:write"]);

  const sent = new Date();
  const created = await api(clientIp, key, "/invitations", {
    method: "POST",
    body: { email: invitee.email, role: "member" },
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ mailSent: true, invitation: { email: invitee.email, status: "pending" } });
  const invitationId = (created.body.invitation as { id: string }).id;
  const mail = await waitForMail(SINK_URL, invitee.email, {
    subject: /Invite Owner invited you to Inviting Org/,
    after: sent,
  });
  expect(mail.text).toContain(`/accept-invitation/${invitationId}`);

  const accepted = await invitee.client.organization.acceptInvitation({ invitationId });
  expect(accepted.error).toBeNull();
  expect(accepted.data?.member).toMatchObject({ organizationId: org.id, role: "member" });
});

test("a key of organization A cannot read or change organization B", async ({ page, clientIp }) => {
  test.slow();
  const ownerA = await createAccount(clientIp, "Tenant A");
  const ownerB = await createAccount(clientIp, "Tenant B");
  const memberB = await createAccount(clientIp, "Member B");
  const orgA = await createOrganization(ownerA, "Tenant A Org");
  const orgB = await createOrganization(ownerB, "Tenant B Org");
  const inB = await addMember(ownerB, orgB.id, memberB, "member");
  const invitationB = await ownerB.client.organization.inviteMember({
    organizationId: orgB.id,
    email: "pending-b@e2e.test",
    role: "member",
  });
  expect(invitationB.error).toBeNull();

  await signIn(page, ownerA.email, ownerA.password);
  const key = await createKeyInConsole(page, orgA.slug, "Everything", [
    "members:read",
    "members:write",
    "invitations:write",
    "audit:read",
  ]);
  const members = await api(clientIp, key, "/members");
  expect((members.body.data as Array<{ email: string }>).map((m) => m.email)).toEqual([ownerA.email]);
  expect(await api(clientIp, key, `/members/${inB.id}`, { method: "PATCH", body: { role: "admin" } })).toMatchObject({
    status: 404,
    code: "MEMBER_NOT_FOUND",
  });
  expect(await api(clientIp, key, `/members/${inB.id}`, { method: "DELETE" })).toMatchObject({
    status: 404,
    code: "MEMBER_NOT_FOUND",
  });
  expect(await api(clientIp, key, `/invitations/${invitationB.data?.id}`, { method: "DELETE" })).toMatchObject({
    status: 404,
    code: "INVITATION_NOT_FOUND",
  });
  const trail = await api(clientIp, key, "/audit-events?limit=100");
  expect(trail.status).toBe(200);
  const orgsSeen = JSON.stringify(trail.body.data);
  expect(orgsSeen).not.toContain(memberB.userId);
  expect(orgsSeen).not.toContain("pending-b@e2e.test");

  // B's member is untouched, and so is B's invitation.
  const stillB = await ownerB.client.organization.listMembers({ query: { organizationId: orgB.id } });
  expect(stillB.data?.members.find((m) => m.id === inB.id)?.role).toBe("member");
});

test("the per-key rate limit answers 429 with a retry hint", async ({ page, clientIp }) => {
  const owner = await createAccount(clientIp, "Limited Owner");
  const org = await createOrganization(owner, "Limited Org");
  await signIn(page, owner.email, owner.password);
  const key = await createKeyInConsole(page, org.slug, "Chatty script", ["members:read"], 3);
  for (let i = 0; i < 3; i += 1) expect((await api(clientIp, key, "/members")).status).toBe(200);
  const limited = await api(clientIp, key, "/members");
  expect(limited).toMatchObject({ status: 429, code: "RATE_LIMITED" });
  const wait = Number(limited.headers.get("retry-after"));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(60);
});
