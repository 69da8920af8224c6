// Users see who looked: every impersonation of an account is listed on its security page with when, the staff role,
// the reason the staffer gave and how long it lasted, and never who the staffer was.
import type { Page } from "@playwright/test";
import { SUPPORT } from "./config";
import { expect, otherIp, signIn, test } from "./fixtures";
import { createAccount } from "./org-helpers";
import { staff } from "./security/helpers";

function history(page: Page) {
  return page.getByRole("table", { name: "Who signed in as you" });
}

test("a user sees each impersonation by support on the security page: role, reason and how long", async ({
  page,
  clientIp,
}) => {
  const user = await createAccount(clientIp, "Hana History");
  await signIn(page, user.email, user.password);
  await page.goto("/account/security");
  await expect(page.getByText("Nobody from support or operations has signed in as you.")).toBeVisible();

  // Support looks, says why, and stops.
  const support = await staff("support", otherIp(clientIp, 1));
  // The reason is ours (lib/auth/plugins/operator-policy.ts reads it); the SDK's type knows only better-auth's fields.
  const impersonate = (reason: string) => {
    const body: { userId: string; reason: string } = { userId: user.userId, reason };
    return support.client.admin.impersonateUser(body);
  };
  const stopped = "Checking the invoice export for ticket 4821";
  expect((await impersonate(stopped)).error).toBeNull();
  expect((await support.client.getSession()).data?.user.id).toBe(user.userId);
  expect((await support.client.admin.stopImpersonating()).error).toBeNull();

  await page.reload();
  const first = history(page).getByRole("row").filter({ hasText: stopped });
  await expect(first.getByRole("cell", { name: "Support", exact: true })).toBeVisible();
  await expect(first).toContainText(/Ended after \d+ (s|min)/);
  await first.locator("time").first().hover(); // the exact time on hover
  await expect(first.getByRole("tooltip").first()).toContainText(/\d{4}, \d{2}:\d{2}:\d{2} UTC/);
  await expect(page.getByText("Nobody from support or operations has signed in as you.")).toHaveCount(0);

  // A second look, still going: listed first, in progress.
  const ongoing = "Reproducing the missing avatar report";
  expect((await impersonate(ongoing)).error).toBeNull();
  await page.reload();
  const rows = history(page).getByRole("row");
  await expect(rows).toHaveCount(3); // the header and two impersonations
  await expect(rows.nth(1)).toContainText(ongoing);
  await expect(rows.nth(1)).toContainText("In progress");
  await expect(rows.nth(2)).toContainText(stopped);

  // The role, not the person: the staffer's name and address appear nowhere on the page.
  await expect(page.getByText(SUPPORT.email)).toHaveCount(0);
  await expect(page.getByText("Sam Support")).toHaveCount(0);
  expect((await support.client.admin.stopImpersonating()).error).toBeNull();
});
