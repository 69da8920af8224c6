// An organization that requires two-factor: the owner turns it on (after setting up their own), a member sees the
// banner during the grace period, then (the grace period moved into the past in the local D1) is sent to set it up,
// enrols with a real TOTP code and gets back in; their raw /organization/* calls are refused before that.
import { authenticator } from "../test/totp";
import { enrolTotpOverHttp } from "./account";
import { BASE_URL, SINK_URL } from "./config";
import { expect, hydrated, otherIp, signIn, test } from "./fixtures";
import { EDITS_LOCAL_D1, executeOnLocalD1 } from "./local-d1";
import { waitForMail } from "./mail";
import { addMember, createAccount, createOrganization, uniqueSlug } from "./org-helpers";

const DAY = 24 * 60 * 60 * 1000;

test("an owner requires two-factor; a member gets a grace period, then is sent to set it up and gets back in", {
  tag: EDITS_LOCAL_D1,
}, async ({ page, browser, clientIp }) => {
  test.setTimeout(150_000);
  const owner = await createAccount(clientIp, "Olga Strict");
  const org = await createOrganization(owner, "Strict Works", uniqueSlug("strict"));
  const mia = await createAccount(otherIp(clientIp, 31), "Mia Member");
  const membership = await addMember(owner, org.id, mia, "member");

  // Without a second factor of her own, the owner cannot require one.
  await signIn(page, owner.email, owner.password);
  await page.goto(`/org/${org.slug}/security`);
  await hydrated(page);
  const policy = page.getByRole("form", { name: "Two-factor policy" });
  await policy.getByRole("checkbox", { name: "Require two-factor authentication for every member" }).check();
  await policy.getByRole("button", { name: "Save policy" }).click();
  await expect(policy.getByTestId("form-error")).toContainText(
    "Set up two-factor authentication (authenticator app or email codes) on your own account before requiring it.",
  );

  await enrolTotpOverHttp(owner, clientIp);
  await policy.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Two-factor authentication is required in Strict Works")).toBeVisible();

  // The compliance view lists Mia (the owner has a factor now) and mails her a reminder.
  const without = page.getByRole("list", { name: "Members without two-factor" });
  await expect(without.getByRole("listitem")).toHaveCount(1);
  await expect(without).toContainText(mia.email);
  const before = new Date();
  await without.getByRole("button", { name: "Remind Mia Member" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send reminder" }).click();
  await expect(page.getByText(`Reminder sent to ${mia.email}.`)).toBeVisible();
  const reminder = await waitForMail(SINK_URL, mia.email, { subject: /requires two-factor/, after: before });
  expect(reminder.text).toContain("Strict Works requires two-factor authentication");

  // Mia, during the grace period: the banner with the days left, and everything still works.
  const miaContext = await browser.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, 32) },
  });
  try {
    const miaPage = await miaContext.newPage();
    await signIn(miaPage, mia.email, mia.password);
    await miaPage.goto(`/org/${org.slug}/members`);
    await expect(miaPage.getByTestId("two-factor-banner")).toContainText(
      "Strict Works requires two-factor authentication",
    );
    await expect(miaPage.getByTestId("two-factor-banner")).toContainText("within 7 days");
    const listed = await mia.client.organization.listMembers({ query: { organizationId: org.id } });
    expect(listed.error).toBeNull();

    // The grace period is over (moved into the past in the local D1: both its start and her joining).
    const past = Date.now() - 8 * DAY;
    await executeOnLocalD1(
      `UPDATE organization_policy SET two_factor_required_since = ${past} WHERE organization_id = '${org.id}'; ` +
        `UPDATE member SET created_at = ${past} WHERE id = '${membership.id}'`,
    );

    // Her raw calls are refused; leaving would still be open.
    const refused = await mia.client.organization.listMembers({ query: { organizationId: org.id } });
    expect(refused.error?.status).toBe(403);
    expect(refused.error?.code).toBe("ORGANIZATION_REQUIRES_TWO_FACTOR");
    const update = await mia.client.organization.getFullOrganization({ query: { organizationSlug: org.slug } });
    expect(update.error?.code).toBe("ORGANIZATION_REQUIRES_TWO_FACTOR");

    // Her pages send her to set it up, naming the organization.
    await miaPage.goto(`/org/${org.slug}/members`);
    await expect(miaPage).toHaveURL(new RegExp(`/account/security\\?required=${org.slug}`));
    const notice = miaPage.getByTestId("two-factor-required");
    await expect(notice).toContainText("Strict Works requires it since");
    await hydrated(miaPage);

    // She enrols with a real TOTP code and is back in.
    await miaPage.getByRole("button", { name: "Set up authenticator app" }).click();
    const dialog = miaPage.getByRole("dialog");
    await dialog.getByLabel("Password").fill(mia.password);
    await dialog.getByRole("button", { name: "Continue" }).click();
    const secret = (await dialog.getByTestId("totp-secret").textContent())?.replace(/\s+/g, "") ?? "";
    const app = authenticator(secret);
    await dialog.getByLabel("Code from the app").fill(await app.nextCode());
    await dialog.getByRole("button", { name: "Confirm and turn on" }).click();
    await dialog.getByRole("button", { name: "I have saved them" }).click();
    await expect(miaPage.getByTestId("two-factor-status")).toHaveText("On");
    await expect(notice).toBeHidden();

    await miaPage.goto(`/org/${org.slug}/members`);
    await expect(miaPage.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
    await expect(miaPage.getByTestId("two-factor-banner")).toHaveCount(0);

    // And she cannot turn it off while she is a member.
    await miaPage.goto("/account/security");
    await hydrated(miaPage);
    await miaPage.getByRole("button", { name: "Turn off two-factor" }).click();
    const off = miaPage.getByRole("dialog");
    await off.getByLabel("Password").fill(mia.password);
    await off.getByRole("button", { name: "Turn off" }).click();
    await expect(off).toContainText(
      "Strict Works requires two-factor authentication: it stays on while you are a member.",
    );
  } finally {
    await miaContext.close();
  }
});
