import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, SINK_URL } from "./config";
import { expect, hydrated, otherIp, signIn, test, uniqueEmail } from "./fixtures";
import { extractLink, waitForMail } from "./mail";
import { addMember, createAccount, createOrganization, uniqueSlug } from "./org-helpers";

/** The console's 404 page (rendered inside the shell; the HTTP status is 200 once the shell has streamed). */
function notFound(page: Page) {
  return page.getByRole("heading", { name: "This page does not exist" });
}

/** Signs out through the account menu (enabled once the page is interactive). */
async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name: `Account menu for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

function row(page: Page, text: string) {
  return page.getByRole("row").filter({ hasText: text });
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

test("an invitation by mail: the invitee signs up from the link, joins, gets a new role and a team", async ({
  page,
  browser,
  clientIp,
}) => {
  test.setTimeout(120_000); // two people, three mails and a dozen pages on a shared machine
  const owner = await createAccount(clientIp, "Olga Owner");
  const org = await createOrganization(owner, "Invite Works", uniqueSlug("invite"));
  const inviteeEmail = uniqueEmail("ivy");

  await signIn(page, owner.email, owner.password);
  await page.goto(`/org/${org.slug}/invitations`);
  await page.getByLabel("Email addresses").fill(`${inviteeEmail}\nnot-an-address`);
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByText("Not an email address: not-an-address")).toBeVisible();
  await page.getByLabel("Email addresses").fill(inviteeEmail);
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(row(page, inviteeEmail)).toContainText("in 2 days");

  const mail = await waitForMail(SINK_URL, inviteeEmail, { subject: /invited you to Invite Works/ });
  const link = extractLink(mail, "/accept-invitation/");

  // The invitee, signed out, in a browser of their own.
  const context = await browser.newContext({ extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, 51) } });
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Invite Works" })).toBeVisible();
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee.getByLabel("Email")).toHaveValue(inviteeEmail);
  await invitee.getByLabel("Name").fill("Ivy Invitee");
  await invitee.getByLabel("Password").fill("ivy-password-123");
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const verification = await waitForMail(SINK_URL, inviteeEmail, { subject: /verify your email/i });
  await invitee.goto(extractLink(verification, "/api/auth/verify-email"));
  await expect(invitee.getByRole("heading", { name: "Email verified" })).toBeVisible();
  await invitee.getByRole("link", { name: "Continue to the console" }).click();
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  // Exact: the invitation page's own heading, "Join Invite Works", contains the name too.
  await expect(invitee.getByRole("heading", { level: 1, name: "Invite Works", exact: true })).toBeVisible();
  await expect(invitee.getByTestId("org-switcher-current").first()).toHaveText("Invite Works");
  await context.close();

  // The owner sees the new member, finds them by search, makes them an admin and puts them in a team.
  await page.goto(`/org/${org.slug}/members`);
  await expect(row(page, inviteeEmail)).toContainText("member");
  await page.getByRole("searchbox", { name: "Search by name or email" }).fill("ivy invitee");
  await expect(page).toHaveURL(/search=ivy/);
  await expect(page.getByRole("row")).toHaveCount(2); // header + Ivy
  await page.getByRole("button", { name: "Actions for Ivy Invitee" }).click();
  await page.getByRole("menuitem", { name: "Change role" }).click();
  await pick(page, "Role", "admin");
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(row(page, inviteeEmail)).toContainText("admin");

  await page.goto(`/org/${org.slug}/teams`);
  await expect(page.getByText("No teams yet.")).toBeVisible();
  await page.getByRole("button", { name: "New team" }).click();
  await page.getByLabel("Team name").fill("Platform");
  await page.getByRole("button", { name: "Create team" }).click();
  await page.getByRole("link", { name: "Platform" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Platform" })).toBeVisible();
  await pick(page, "Add a member", `Ivy Invitee (${inviteeEmail})`);
  await page.getByRole("button", { name: "Add to team" }).click();
  await expect(row(page, inviteeEmail)).toBeVisible();

  await page.goto(`/org/${org.slug}/members`);
  await expect(row(page, inviteeEmail)).toContainText("Platform");

  // Every step left its row in the organization's audit log.
  await page.goto(`/org/${org.slug}/audit`);
  for (const action of [
    "invitation.create",
    "invitation.accept",
    "member.role.update",
    "team.create",
    "team.member.add",
  ]) {
    await expect(page.getByRole("cell", { name: action })).toBeVisible();
  }
});

test("a plain member sees members and teams but not settings, roles or invitations", async ({ page }) => {
  await signIn(page, "carol@acme.test", DEMO_PASSWORD);
  await page.goto("/org/acme/members");
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(row(page, "alice@acme.test")).toContainText("owner");
  await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
  const nav = page.getByRole("navigation", { name: "Console" }).first();
  await expect(nav.getByRole("link", { name: "Teams" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Roles" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Invitations" })).toHaveCount(0);
  await page.goto("/org/acme/teams");
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  for (const area of ["settings", "roles", "invitations", "audit"]) {
    const response = await page.goto(`/org/acme/${area}`);
    await expect(notFound(page), area).toBeVisible();
    expect(response?.status(), area).toBe(404);
  }
});

test("a user of another organization gets 404 for every page of this one", async ({ page }) => {
  await signIn(page, "dave@globex.test", DEMO_PASSWORD);
  for (const path of [
    "",
    "/members",
    "/teams",
    "/settings",
    "/roles",
    "/invitations",
    "/audit",
    "/security",
    "/domains",
  ]) {
    const response = await page.goto(`/org/acme${path}`);
    await expect(notFound(page), path).toBeVisible();
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText("alice@acme.test")).toHaveCount(0);
  }
  // An organization that does not exist looks the same.
  const missing = await page.goto("/org/no-such-org/members");
  await expect(notFound(page)).toBeVisible();
  expect(missing?.status()).toBe(404);
});

test("a custom role made in the matrix is assigned and enforced by the API", async ({ page, clientIp }) => {
  const owner = await createAccount(clientIp, "Rhea Roles");
  const recruiter = await createAccount(clientIp, "Remy Recruiter");
  const org = await createOrganization(owner, "Role Play", uniqueSlug("roles"));
  await addMember(owner, org.id, recruiter, "member");

  await signIn(page, owner.email, owner.password);
  await page.goto(`/org/${org.slug}/roles`);
  await expect(page.getByText("No custom roles yet.")).toBeVisible();
  await page.getByRole("button", { name: "New role" }).click();
  await page.getByLabel("Role name").fill("recruiter");
  await page.getByRole("checkbox", { name: "Invitations: create" }).check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByTestId("role-recruiter")).toContainText("Invitations: create");

  await page.goto(`/org/${org.slug}/members`);
  await page.getByRole("button", { name: "Actions for Remy Recruiter" }).click();
  await page.getByRole("menuitem", { name: "Change role" }).click();
  await pick(page, "Role", "recruiter");
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(row(page, recruiter.email)).toContainText("recruiter");

  // The role grants invitations and nothing else.
  const allowed = await recruiter.client.organization.inviteMember({
    organizationId: org.id,
    email: uniqueEmail("candidate"),
    role: "member",
  });
  expect(allowed.error).toBeNull();
  const refused = await recruiter.client.organization.createTeam({ organizationId: org.id, name: "Not allowed" });
  expect(refused.error?.status).toBe(403);
  const removal = await recruiter.client.organization.removeMember({
    organizationId: org.id,
    memberIdOrEmail: owner.email,
  });
  expect(removal.error?.status).toBe(400);

  // A role still held cannot be deleted; the page says why.
  await page.goto(`/org/${org.slug}/roles`);
  await page.getByRole("button", { name: "Delete role recruiter" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("1 member holds this role");
  await page.getByRole("button", { name: "Delete role" }).click();
  await expect(page.getByTestId("form-error")).toContainText("still assigned to members");
});

test("create an organization from the switcher; the last active one comes back at the next sign-in", async ({
  page,
  clientIp,
}) => {
  const person = await createAccount(clientIp, "Sam Switcher");
  await signIn(page, person.email, person.password);
  const switcher = page.getByTestId("org-switcher").first();
  await expect(switcher).toContainText("Choose an organization");
  await switcher.click(); // enabled once the page is interactive
  await page.getByRole("menuitem", { name: "Create organization" }).click();
  await page.getByLabel("Name").fill("Acme");
  await expect(page.getByLabel("Slug")).toHaveValue("acme");
  await expect(page.getByTestId("slug-availability")).toContainText("/org/acme is taken");
  const name = `Switch ${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill(name);
  const slug = await page.getByLabel("Slug").inputValue();
  await expect(page.getByTestId("slug-availability")).toContainText(`/org/${slug} is available`);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(new RegExp(`/org/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await signOut(page, person.name);
  await signIn(page, person.email, person.password);
  await page.goto("/");
  await expect(page.getByTestId("org-switcher-current").first()).toHaveText(name);
});

test("the invitation link explains each state: another account, declined, cancelled, already accepted", async ({
  page,
  clientIp,
}) => {
  test.setTimeout(120_000);
  const owner = await createAccount(clientIp, "Lina Links");
  const guest = await createAccount(clientIp, "Gus Guest");
  const joiner = await createAccount(clientIp, "Jo Joiner");
  const org = await createOrganization(owner, "Link States", uniqueSlug("links"));
  const forGuest = await owner.client.organization.inviteMember({
    organizationId: org.id,
    email: guest.email,
    role: "member",
  });
  const toCancel = await owner.client.organization.inviteMember({
    organizationId: org.id,
    email: uniqueEmail("nobody"),
    role: "member",
  });
  await addMember(owner, org.id, joiner, "member");
  const accepted = (await owner.client.organization.listInvitations({ query: { organizationId: org.id } })).data?.find(
    (invitation) => invitation.email === joiner.email,
  );

  await signIn(page, owner.email, owner.password);
  // Cancelled from the pending list, with a confirmation.
  await page.goto(`/org/${org.slug}/invitations`);
  await page.getByRole("button", { name: `Cancel invitation to ${toCancel.data?.email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel invitation" }).click();
  // (While a dialog is open the page behind it is hidden from the accessibility tree: wait for it to close.)
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(page.getByText(`Invitation to ${toCancel.data?.email} cancelled`)).toBeVisible();
  await expect(row(page, toCancel.data?.email ?? "?")).toHaveCount(0);
  await page.goto(`/accept-invitation/${toCancel.data?.id}`);
  await expect(page.getByRole("heading", { name: "Invitation cancelled" })).toBeVisible();
  await page.goto(`/accept-invitation/${accepted?.id}`);
  await expect(page.getByRole("heading", { name: "Invitation already accepted" })).toBeVisible();

  // The owner opens the guest's link: wrong account, with a way to switch.
  await page.goto(`/accept-invitation/${forGuest.data?.id}`);
  await expect(page.getByTestId("invitation-state")).toContainText(`You are signed in as ${owner.email}`);
  await page.getByRole("button", { name: "Switch account" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(guest.email);
  await hydrated(page); // a field typed into before hydration is reset by React
  await page.getByLabel("Password").fill(guest.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Join Link States" })).toBeVisible();
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByRole("heading", { name: "Invitation declined" })).toBeVisible();
  const members = await owner.client.organization.listMembers({ query: { organizationId: org.id } });
  expect(members.data?.members.map((m) => m.userId)).not.toContain(guest.userId);
});

test("remove a member, transfer ownership in one step, leave, and delete with the slug typed", async ({
  page,
  clientIp,
}) => {
  test.setTimeout(120_000);
  const owner = await createAccount(clientIp, "Ada Owner");
  const heir = await createAccount(clientIp, "Hal Heir");
  const leaver = await createAccount(clientIp, "Lou Leaver");
  const org = await createOrganization(owner, "Short Lived", uniqueSlug("short"));
  await addMember(owner, org.id, heir, "member");
  await addMember(owner, org.id, leaver, "member");

  await signIn(page, owner.email, owner.password);
  // The only owner is not offered Leave, and is told what to do instead.
  await page.goto(`/org/${org.slug}/settings`);
  await expect(page.getByText("You are its only owner, so you cannot leave")).toBeVisible();
  await expect(page.getByRole("button", { name: "Leave organization" })).toHaveCount(0);
  await page.goto(`/org/${org.slug}/members`);
  await page.getByRole("button", { name: "Actions for Lou Leaver" }).click();
  await page.getByRole("menuitem", { name: "Remove from organization" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(row(page, leaver.email)).toHaveCount(0);

  await page.getByRole("button", { name: "Actions for Hal Heir" }).click();
  await page.getByRole("menuitem", { name: "Transfer ownership" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Transfer ownership" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(row(page, heir.email)).toContainText("owner");
  await expect(row(page, owner.email)).toContainText("admin");

  // Now an admin: no delete; leaving works.
  await page.goto(`/org/${org.slug}/settings`);
  await expect(page.getByRole("button", { name: "Delete organization" })).toHaveCount(0);
  await page.getByRole("button", { name: "Leave organization" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Leave organization" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/org/${org.slug}/members`);
  await expect(notFound(page)).toBeVisible();

  // The new owner deletes it, after typing its slug.
  await signOut(page, owner.name);
  await signIn(page, heir.email, heir.password);
  await page.goto(`/org/${org.slug}/settings`);
  await page.getByRole("button", { name: "Delete organization" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("button", { name: "Delete organization" })).toBeDisabled();
  await dialog.getByLabel(`Type ${org.slug} to confirm`).fill(org.slug);
  await dialog.getByRole("button", { name: "Delete organization" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/org/${org.slug}`);
  await expect(notFound(page)).toBeVisible();
});
