// A page about something that does not exist, or that the viewer may not see, answers with a real 404 status (not a
// streamed 200 carrying the not-found message): crawlers, monitors and scripts believe the status, people the page.
import type { Page } from "@playwright/test";
import { OPERATOR, SUPPORT } from "../config";
import { expect, signIn, test } from "../fixtures";
import { addMember, createAccount, createOrganization, uniqueSlug } from "../org-helpers";

const notFoundHeading = (page: Page) => page.getByRole("heading", { level: 1, name: "This page does not exist" });

/** Opens `path` and checks both what the browser was told (the status) and what the person sees. */
async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(notFoundHeading(page), path).toBeVisible();
}

async function expectFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(notFoundHeading(page), path).toHaveCount(0);
}

/** An organization with an owner, a plain member and a team; an outsider; and a team of another organization. */
async function organizationWithTeam(clientIp: string) {
  const [owner, member, outsider] = await Promise.all([
    createAccount(clientIp, "Stella Owner"),
    createAccount(clientIp, "Milo Member"),
    createAccount(clientIp, "Otto Outsider"),
  ]);
  const org = await createOrganization(owner, "Status Org", uniqueSlug("status"));
  await addMember(owner, org.id, member, "member");
  const team = await owner.client.organization.createTeam({ organizationId: org.id, name: "Status Team" });
  expect(team.error).toBeNull();
  const elsewhere = await createOrganization(outsider, "Other Org", uniqueSlug("other"));
  const otherTeam = await outsider.client.organization.createTeam({ organizationId: elsewhere.id, name: "Far Team" });
  expect(otherTeam.error).toBeNull();
  return { owner, member, outsider, org, teamId: team.data?.id ?? "", otherTeamId: otherTeam.data?.id ?? "" };
}

test("staff get 404 for a user or an organization that does not exist, and 200 for one that does", async ({
  page,
  clientIp,
}) => {
  const someone = await createAccount(clientIp, "Rita Real");
  const org = await createOrganization(someone, "Real Org", uniqueSlug("real"));
  await signIn(page, SUPPORT.email, SUPPORT.password);
  await expectFound(page, `/admin/users/${someone.userId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Rita Real" })).toBeVisible();
  await expectNotFound(page, "/admin/users/no-such-user");
  await expectNotFound(page, `/admin/users/${someone.userId}x`);
  await expectFound(page, `/admin/organizations/${org.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Real Org" })).toBeVisible();
  await expectNotFound(page, "/admin/organizations/no-such-organization");
});

test("an operator gets 404 for a missing user too, with the console still around it", async ({ page }) => {
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await expectNotFound(page, "/admin/users/does-not-exist");
  // The 404 keeps the shell: the operator can navigate on.
  await expect(page.getByRole("navigation", { name: "Console" }).first()).toBeVisible();
});

test("someone who is not staff gets 404 for every admin page, existing user or not", async ({ page, clientIp }) => {
  const plain = await createAccount(clientIp, "Paula Plain");
  await signIn(page, plain.email, plain.password);
  for (const path of [
    "/admin",
    "/admin/users",
    `/admin/users/${plain.userId}`,
    "/admin/users/no-such-user",
    "/admin/organizations",
    "/admin/organizations/no-such-organization",
    "/admin/audit",
  ]) {
    await expectNotFound(page, path);
  }
});

test("a member gets 404 for a missing organization, a missing team, another organization's team and settings", async ({
  page,
  clientIp,
}) => {
  test.slow(); // a dozen page loads on a shared machine
  const { member, org, teamId, otherTeamId } = await organizationWithTeam(clientIp);
  await signIn(page, member.email, member.password);
  await expectFound(page, `/org/${org.slug}/teams/${teamId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Status Team" })).toBeVisible();
  for (const path of ["", "/members", "/teams", "/teams/anything", "/settings", "/roles", "/invitations", "/audit"]) {
    await expectNotFound(page, `/org/no-such-organization${path}`);
  }
  await expectNotFound(page, `/org/${org.slug}/teams/no-such-team`);
  // A real team id of another organization is looked up inside this one only.
  await expectNotFound(page, `/org/${org.slug}/teams/${otherTeamId}`);
  // A plain member has no settings page: the same 404 as a page that does not exist.
  await expectNotFound(page, `/org/${org.slug}/settings`);
});

test("someone outside the organization gets 404 for each of its pages, its team included", async ({
  page,
  clientIp,
}) => {
  const { outsider, org, teamId } = await organizationWithTeam(clientIp);
  await signIn(page, outsider.email, outsider.password);
  for (const path of ["", "/members", "/teams", `/teams/${teamId}`, "/settings"]) {
    await expectNotFound(page, `/org/${org.slug}${path}`);
  }
  await expect(page.getByText("Status Team")).toHaveCount(0);
});

test("a wrong invitation link answers 404 and says the invitation was not found", async ({ page }) => {
  for (const id of ["no-such-invitation", "x".repeat(65)]) {
    const response = await page.goto(`/accept-invitation/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Invitation not found" })).toBeVisible();
    await expect(page.getByTestId("invitation-state")).toContainText("This invitation link is not valid");
  }
});
