// Hostile input against the built worker: direction-override and control-character names, very long names, markup
// in an organization name (pages and mail), SQL-looking searches. Each case checks the safe outcome and that
// nothing changed (no account, name unchanged, no script ran, no extra rows).
import type { Page } from "@playwright/test";
import { BASE_URL, OPERATOR, SINK_URL } from "../config";
import { expect, hydrated, otherIp, signIn, test, uniqueEmail } from "../fixtures";
import { waitForMail } from "../mail";
import { addMember, createAccount, createOrganization, uniqueSlug } from "../org-helpers";
import { createSdkClient } from "../sdk-client";

const RLO = "\u202e";
const UNSAFE_MESSAGE = "Remove control and text-direction characters.";
/** Markup that would run or load something if any page or mail put it in as HTML. */
const MARKUP_NAME = `<script>window.__pwned=1</script>"><img src=x onerror=window.__pwned=2>`;
const SQLISH = ["' OR 1=1 --", "%' OR '1'='1", '" OR ""="', "'; DROP TABLE user; --"];

async function mailCount(to: string) {
  const res = await fetch(`${SINK_URL}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: unknown[] }).messages.length;
}

/** Neither script in MARKUP_NAME ran and no element came from it. */
async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // The name is in the page's data (as a JSON string), never a script of its own.
  const injected = await page
    .locator("script")
    .evaluateAll((els) => els.filter((el) => el.textContent?.trim() === "window.__pwned=1").length);
  expect(injected).toBe(0);
}

test.describe("names with control and direction characters", () => {
  test("sign-up through the SDK refuses a direction override or a line break, and makes no account", async ({
    clientIp,
  }) => {
    const { client } = createSdkClient({ baseURL: BASE_URL, clientIp });
    for (const name of [`Eve${RLO}nimda`, "Line\nBreak", "Iso\u2067late\u2069", "Nul\u0000l"]) {
      const email = uniqueEmail("bidi");
      const result = await client.signUp.email({ name, email, password: "a-strong-password-1" });
      expect(result.error?.status, JSON.stringify(name)).toBe(400);
      expect(result.error?.message).toBe(`Name: ${UNSAFE_MESSAGE}`);
      expect(await mailCount(email)).toBe(0);
    }
  });

  test("the sign-up form refuses a direction override with a clear message and sends nothing", async ({ page }) => {
    const email = uniqueEmail("bidi-form");
    await page.goto("/sign-up");
    await hydrated(page);
    await page.getByLabel("Name").fill(`Eve${RLO}nimda`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-strong-password-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(UNSAFE_MESSAGE)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up$/);
    expect(await mailCount(email)).toBe(0);
  });

  test("the profile form refuses a direction override and keeps the name; a clean name is stored normalized", async ({
    page,
    clientIp,
  }) => {
    const user = await createAccount(clientIp, "Profile Keeper");
    await signIn(page, user.email, user.password);
    await page.goto("/account/profile");
    await hydrated(page);
    const form = page.getByRole("form", { name: "Your details" });
    await form.getByLabel("Name").fill(`Profile${RLO}Keeper`);
    await form.getByRole("button", { name: "Save profile" }).click();
    await expect(form.getByText(UNSAFE_MESSAGE)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: "Your details" }).getByLabel("Name")).toHaveValue("Profile Keeper");
    expect((await user.client.getSession({ query: { disableCookieCache: true } })).data?.user.name).toBe(
      "Profile Keeper",
    );

    await hydrated(page);
    await form.getByLabel("Name").fill("  Ade\u0301le    Keeper ");
    await form.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Profile saved.")).toBeVisible();
    expect((await user.client.getSession({ query: { disableCookieCache: true } })).data?.user.name).toBe(
      "Ad\u00e9le Keeper",
    );
  });

  test("organization and team names with a direction override are refused over the SDK; nothing is created", async ({
    clientIp,
  }) => {
    const owner = await createAccount(clientIp, "Org Namer");
    const slug = uniqueSlug("bidi");
    const created = await owner.client.organization.create({ name: `Acme${RLO}gnp.exe`, slug });
    expect(created.error?.status).toBe(400);
    expect(created.error?.message).toBe(`Organization name: ${UNSAFE_MESSAGE}`);
    expect((await owner.client.organization.checkSlug({ slug })).data?.status).toBe(true);

    const org = await createOrganization(owner, "Plain Org");
    const team = await owner.client.organization.createTeam({ name: `Ops${RLO}`, organizationId: org.id });
    expect(team.error?.status).toBe(400);
    const teams = await owner.client.organization.listTeams({ query: { organizationId: org.id } });
    expect(teams.data ?? []).toEqual([]);
    const renamed = await owner.client.organization.update({ organizationId: org.id, data: { name: "Plain\nOrg" } });
    expect(renamed.error?.status).toBe(400);
    const full = await owner.client.organization.getFullOrganization({ query: { organizationId: org.id } });
    expect(full.data?.name).toBe("Plain Org");
  });
});

test.describe("very long names", () => {
  test("a 10,000-character name is refused with the limit, over the SDK and in the profile form", async ({
    page,
    clientIp,
  }) => {
    const user = await createAccount(clientIp, "Long Name");
    const long = "n".repeat(10_000);
    const update = await user.client.updateUser({ name: long });
    expect(update.error?.status).toBe(400);
    expect(update.error?.message).toBe("Name: Use at most 100 characters.");
    const signUp = await createSdkClient({ baseURL: BASE_URL, clientIp }).client.signUp.email({
      name: long,
      email: uniqueEmail("long"),
      password: "a-strong-password-1",
    });
    expect(signUp.error?.message).toBe("Name: Use at most 100 characters.");

    await signIn(page, user.email, user.password);
    await page.goto("/account/profile");
    await hydrated(page);
    const form = page.getByRole("form", { name: "Your details" });
    await form.getByLabel("Name").fill(long);
    await form.getByRole("button", { name: "Save profile" }).click();
    await expect(form.getByText("Use at most 100 characters.")).toBeVisible();
    expect((await user.client.getSession({ query: { disableCookieCache: true } })).data?.user.name).toBe("Long Name");
  });
});

test.describe("markup in an organization name", () => {
  test("shows as text on the console's pages and on the invitation page, and runs nothing", async ({
    page,
    browser,
    clientIp,
  }) => {
    const owner = await createAccount(clientIp, "Markup Owner");
    const org = await createOrganization(owner, MARKUP_NAME, uniqueSlug("markup"));
    expect(org.name).toBe(MARKUP_NAME);
    const invitation = await owner.client.organization.inviteMember({
      organizationId: org.id,
      email: uniqueEmail("markup-invitee"),
      role: "member",
    });
    expect(invitation.error).toBeNull();

    await signIn(page, owner.email, owner.password);
    await page.goto(`/org/${org.slug}/members`);
    await expect(page.getByTestId("org-name")).toHaveText(MARKUP_NAME);
    await expectInert(page);
    await page.goto(`/org/${org.slug}/settings`);
    await hydrated(page);
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(MARKUP_NAME);
    await expectInert(page);

    const context = await browser.newContext({ extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, 57) } });
    const anonymous = await context.newPage();
    await anonymous.goto(`/accept-invitation/${invitation.data?.id}`);
    await expect(anonymous.getByRole("heading", { name: `Join ${MARKUP_NAME}` })).toBeVisible();
    await expectInert(anonymous);
    await context.close();
  });

  test("shows as text in the invitation mail, whose subject stays one line", async ({ clientIp }) => {
    const owner = await createAccount(clientIp, "Mail Markup");
    const org = await createOrganization(owner, MARKUP_NAME, uniqueSlug("mailmarkup"));
    const email = uniqueEmail("mail-markup");
    const invitation = await owner.client.organization.inviteMember({ organizationId: org.id, email, role: "member" });
    expect(invitation.error).toBeNull();

    const mail = await waitForMail(SINK_URL, email, { subject: /invited you to/ });
    expect(mail.subject).toBe(`Mail Markup invited you to ${MARKUP_NAME} on Gatehouse`);
    expect(mail.html).not.toContain("<script>window.__pwned");
    expect(mail.html).not.toMatch(/<img[^>]*src="?x/);
    expect(mail.html).toContain(
      "&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=window.__pwned=2&gt;",
    );
    expect(mail.text).toContain(`Mail Markup invited you to join ${MARKUP_NAME} on Gatehouse as a member.`);
    expect(mail.to).toEqual([email]);
  });
});

test.describe("SQL-looking search input", () => {
  test("the operator's user search returns no extra rows", async ({ page, clientIp }) => {
    const target = await createAccount(clientIp, "Sql Target");
    await signIn(page, OPERATOR.email, OPERATOR.password);
    for (const search of SQLISH) {
      await page.goto(`/admin/users?search=${encodeURIComponent(search)}`);
      await expect(page.getByText("No users match these filters."), search).toBeVisible();
      await expect(page.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(2); // header + empty
    }
    // The same page finds a real match, and the users table is still there.
    await page.goto(`/admin/users?search=${encodeURIComponent(target.email)}`);
    await expect(
      page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: target.email }),
    ).toHaveCount(1);
  });

  test("an organization's member search returns no extra rows", async ({ page, clientIp }) => {
    const owner = await createAccount(clientIp, "Sql Owner");
    const member = await createAccount(otherIp(clientIp, 53), "Sql Member");
    const org = await createOrganization(owner, "Sql Org");
    await addMember(owner, org.id, member, "member");

    await signIn(page, owner.email, owner.password);
    for (const search of SQLISH) {
      await page.goto(`/org/${org.slug}/members?search=${encodeURIComponent(search)}`);
      await expect(page.getByText("No members match."), search).toBeVisible();
    }
    await page.goto(`/org/${org.slug}/members?search=${encodeURIComponent("Sql Member")}`);
    const rows = page.getByRole("table", { name: "Members" }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText(member.email);
  });
});
