// Signed webhooks against a real receiver on loopback that verifies every signature with `standardwebhooks`:
// endpoints added in the console (secret shown once), exactly one event per change, retries run by the Cron Trigger
// (`wrangler dev --test-scheduled`: GET /__scheduled), the delivery log, and replay with the same event id.
import type { Page } from "@playwright/test";
import { type Receiver, startReceiver } from "../test/webhook-receiver";
import { BASE_URL, OPERATOR, WEBHOOK_PORT } from "./config";
import { expect, hydrated, signIn, test } from "./fixtures";
import { createVerifiedUser, postAuth } from "./operator-helpers";
import { addMember, createAccount, createOrganization } from "./org-helpers";

// Receivers on fixed ports: the tests of this file run in order, in one worker.
test.describe.configure({ mode: "serial" });

let platform: Receiver;
let organization: Receiver;
test.beforeAll(async () => {
  platform = await startReceiver({ port: WEBHOOK_PORT });
  organization = await startReceiver({ port: WEBHOOK_PORT + 1 });
});
test.afterAll(async () => {
  await platform.close();
  await organization.close();
});

/** Runs the Cron Trigger once, as Cloudflare would every minute. */
async function runCron() {
  const response = await fetch(`${BASE_URL}/__scheduled`);
  expect(response.status).toBe(200);
}

/** Adds an endpoint through the console's dialog and gives the receiver the secret it shows once. */
async function addEndpoint(page: Page, listPath: string, receiver: Receiver, events: string[]) {
  await page.goto(listPath);
  await hydrated(page);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add endpoint" });
  await dialog.getByLabel("URL").fill(receiver.url);
  for (const event of events) await dialog.getByRole("checkbox", { name: new RegExp(`^${event}`) }).check();
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  const secret = await dialog.getByTestId("webhook-secret").textContent();
  expect(secret).toMatch(/^whsec_/);
  receiver.setSecret(secret ?? "");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("table", { name: "Webhook endpoints" })).toContainText(receiver.url);
}

const about = (userId: string) => (data: Record<string, unknown>) => (data.user as { id?: string })?.id === userId;

test("a ban delivers one signed webhook; a receiver failing three times gets it on the fourth attempt; replay resends it", async ({
  page,
  clientIp,
}) => {
  test.slow(); // mail round trip, retries a second apart, a dozen page loads
  const target = await createVerifiedUser("hooked", clientIp);
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await addEndpoint(page, "/admin/webhooks", platform, ["user.banned", "user.unbanned"]);

  const ban = await postAuth(page, "/admin/ban-user", { userId: target.id, banReason: "Webhook test (ticket 77)" });
  expect(ban.status).toBe(200);
  // Delivered right after the response (ctx.waitUntil); the cron finds nothing more to send.
  await expect.poll(() => platform.deliveries("user.banned", about(target.id)).length).toBe(1);
  await runCron();
  await runCron();
  const [banned] = platform.deliveries("user.banned", about(target.id));
  expect(platform.received.filter((r) => r.id === banned?.id)).toHaveLength(1);
  expect(banned?.data).toEqual({ user: { id: target.id }, expiresAt: null });

  // The receiver fails the next three deliveries of user.unbanned; the cron retries until the fourth succeeds.
  platform.failNext(3, "user.unbanned");
  expect((await postAuth(page, "/admin/unban-user", { userId: target.id })).status).toBe(200);
  await expect
    .poll(
      async () => {
        await runCron();
        return platform.deliveries("user.unbanned", about(target.id)).map((r) => r.answered);
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toEqual([500, 500, 500, 204]);
  const unbannedId = platform.deliveries("user.unbanned", about(target.id))[0]?.id ?? "";
  expect(new Set(platform.deliveries("user.unbanned", about(target.id)).map((r) => r.id))).toEqual(
    new Set([unbannedId]),
  );

  // The delivery log says the same: one delivery, succeeded, four attempts.
  await page.getByRole("table", { name: "Webhook endpoints" }).getByRole("link", { name: platform.url }).click();
  const log = page.getByRole("table", { name: "Deliveries" });
  const row = log.getByRole("row").filter({ hasText: unbannedId });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("succeeded");
  await expect(row.locator("summary")).toHaveText("4");

  // Replay: a new delivery of the same event, with the same webhook-id.
  await row.getByRole("button", { name: `Replay user.unbanned ${unbannedId}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Replay" }).click();
  await expect
    .poll(() => platform.deliveries("user.unbanned", about(target.id)).filter((r) => r.answered === 204).length)
    .toBe(2);
  expect(platform.deliveries("user.unbanned", about(target.id)).every((r) => r.id === unbannedId)).toBe(true);
  await page.reload();
  await expect(
    page.getByRole("table", { name: "Deliveries" }).getByRole("row").filter({ hasText: unbannedId }),
  ).toHaveCount(2);
});

test("removing a member delivers one signed webhook to the organization's endpoint", async ({ page, clientIp }) => {
  test.slow(); // two accounts by mail, then the console
  const owner = await createAccount(clientIp, "Hook Owner");
  const member = await createAccount(clientIp, "Hook Member");
  const org = await createOrganization(owner, "Hooked Org");
  const membership = await addMember(owner, org.id, member, "member");

  // A plain member holds no webhook permission: the page does not exist for them (404, like another tenant's).
  await signIn(page, member.email, member.password);
  const refused = await page.goto(`/org/${org.slug}/webhooks`);
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This page does not exist" })).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, owner.email, owner.password);
  await addEndpoint(page, `/org/${org.slug}/webhooks`, organization, ["member.removed"]);
  const removed = await owner.client.organization.removeMember({
    memberIdOrEmail: membership.id,
    organizationId: org.id,
  });
  expect(removed.error).toBeNull();
  await expect.poll(() => organization.deliveries("member.removed", about(member.userId)).length).toBe(1);
  await runCron();
  const [event] = organization.deliveries("member.removed", about(member.userId));
  expect(event?.data).toEqual({
    organization: { id: org.id },
    user: { id: member.userId },
    role: "member",
    left: false,
  });
  expect(organization.received.filter((r) => r.id === event?.id)).toHaveLength(1);
});
