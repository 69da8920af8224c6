// The activity dashboards (issue 20), against the built worker: a scripted day of activity, then the numbers a person
// reads in the sections' table views. The platform test runs alone (tagged): every other spec signs people in, which
// would move the platform-wide numbers under it. The organization test owns its organization, so it runs with the rest.
import type { Page } from "@playwright/test";
import { BASE_URL, OPERATOR } from "./config";
import { expect, signIn, test } from "./fixtures";
import { EDITS_LOCAL_D1 } from "./local-d1";
import { createVerifiedUser, postAuth } from "./operator-helpers";
import { addMember, createAccount, createOrganization, ORG_TEST_PASSWORD, uniqueSlug } from "./org-helpers";
import { createSdkClient } from "./sdk-client";

const today = () => new Date().toISOString().slice(0, 10);

/** Today's numbers of one section, read from its table view (a day without activity has no row: zeros). */
async function todayIn(page: Page, section: string): Promise<Record<string, number>> {
  const region = page.getByRole("region", { name: section, exact: true });
  await region.getByText("Table view").click();
  const table = region.getByRole("table");
  await expect(table).toBeVisible();
  const headers = (await table.getByRole("columnheader").allInnerTexts()).map((t) => t.trim());
  const row = table.getByRole("row", { name: new RegExp(`^${today()}`) });
  const cells = (await row.count()) === 0 ? [] : await row.getByRole("cell").allInnerTexts();
  return Object.fromEntries(headers.slice(1).map((h, i) => [h, Number((cells[i] ?? "0").replace(/,/g, ""))]));
}

async function signInAgain(email: string, clientIp: string) {
  const sdk = createSdkClient({ baseURL: BASE_URL, clientIp });
  const result = await sdk.client.signIn.email({ email, password: ORG_TEST_PASSWORD });
  expect(result.error).toBeNull();
}

test("the operator dashboard shows a scripted day of sign-ups, sign-ins, a failed sign-in and a ban", {
  tag: EDITS_LOCAL_D1,
}, async ({ page, clientIp }) => {
  test.setTimeout(90_000);
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto("/admin?range=7");
  await expect(page.getByRole("heading", { name: "Activity, last 7 days" })).toBeVisible();
  const attention = page.getByRole("region", { name: "Needs attention" });
  await expect(attention.getByRole("link", { name: /^Operators without two-factor \d+\+?$/ })).toHaveAttribute(
    "href",
    "/admin/users?role=admin",
  );
  const before = {
    signUps: await todayIn(page, "Sign-ups"),
    signIns: await todayIn(page, "Sign-ins"),
    security: await todayIn(page, "Security events"),
  };

  const ada = await createVerifiedUser("ada", clientIp);
  const bob = await createVerifiedUser("bob", clientIp);
  for (const who of [ada, bob]) {
    const sdk = createSdkClient({ baseURL: BASE_URL, clientIp });
    expect((await sdk.client.signIn.email({ email: who.email, password: who.password })).error).toBeNull();
  }
  const wrong = createSdkClient({ baseURL: BASE_URL, clientIp });
  const refused = await wrong.client.signIn.email({ email: ada.email, password: "not-the-password-1" });
  expect(refused.error).toMatchObject({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" });
  const ban = await postAuth(page, "/admin/ban-user", { userId: bob.id, banReason: "Dashboard test" });
  expect(ban.status).toBe(200);

  await page.reload();
  expect(await todayIn(page, "Sign-ups")).toEqual({ "Sign-ups": (before.signUps["Sign-ups"] ?? 0) + 2 });
  const signIns = await todayIn(page, "Sign-ins");
  expect(signIns.Password).toBe((before.signIns.Password ?? 0) + 2);
  expect(signIns.Failed).toBe((before.signIns.Failed ?? 0) + 1);
  expect((await todayIn(page, "Security events")).Bans).toBe((before.security.Bans ?? 0) + 1);

  const audit = page.getByRole("region", { name: "Sign-ins", exact: true }).getByRole("link");
  await audit.click();
  await expect(page).toHaveURL(/\/admin\/audit\?action=user\.sign_in&period=7d/);
});

test("an organization's owner sees its members, sign-ins and invitations of the day; a plain member sees none", async ({
  page,
  browser,
  clientIp,
}) => {
  test.setTimeout(90_000);
  const owner = await createAccount(clientIp, "Olive Owner");
  const member = await createAccount(clientIp, "Milo Member");
  const org = await createOrganization(owner, "Activity Works", uniqueSlug("activity"));
  await addMember(owner, org.id, member, "member");
  // Both work in the organization, so their next sign-ins start there and count in it.
  for (const who of [owner, member]) {
    expect((await who.client.organization.setActive({ organizationId: org.id })).error).toBeNull();
  }
  await signInAgain(member.email, clientIp);
  await signIn(page, owner.email, owner.password);

  await page.goto(`/org/${org.slug}?range=7`);
  await expect(page.getByRole("heading", { name: "Activity, last 7 days" })).toBeVisible();
  expect(await todayIn(page, "Members")).toEqual({ Joined: 2, "Left or removed": 0 });
  expect(await todayIn(page, "Sign-ins of members")).toEqual({ Password: 2, Passkey: 0, Social: 0 });
  expect(await todayIn(page, "Active members")).toEqual({ "Daily active members": 2 });
  // Weekly and monthly: the two members, each once (the counts per last active day of migrations/0018).
  const signIns = page.getByRole("region", { name: "Sign-ins of members", exact: true });
  const figure = (label: string) =>
    signIns.getByRole("term").filter({ hasText: label }).locator("xpath=following-sibling::dd[1]");
  await expect(figure("Weekly active")).toHaveText("2");
  await expect(figure("Monthly active")).toHaveText("2");
  expect(await todayIn(page, "Invitations")).toEqual({ Sent: 1, Accepted: 1 });

  const memberPage = await browser.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { "cf-connecting-ip": clientIp },
  });
  const other = await memberPage.newPage();
  await signIn(other, member.email, member.password);
  await other.goto(`/org/${org.slug}`);
  await expect(other.getByRole("heading", { level: 1, name: "Activity Works" })).toBeVisible();
  await expect(other.getByRole("heading", { name: /Activity, last/ })).toHaveCount(0);
  await memberPage.close();
});
