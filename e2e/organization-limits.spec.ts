import type { Page } from "@playwright/test";
import { E2E_ORG_LIMITS, SINK_URL } from "./config";
import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { EDITS_LOCAL_D1, executeOnLocalD1 } from "./local-d1";
import { extractLink, waitForMail } from "./mail";
import { createAccount, createOrganization, uniqueSlug } from "./org-helpers";

function row(page: Page, text: string) {
  return page.getByRole("row").filter({ hasText: text });
}

/** Moves an invitation's expiry into the past in the worker's local D1 (the clock cannot be sped up in workerd). */
async function expireInvitation(invitationId: string) {
  if (!/^[\w-]+$/.test(invitationId)) throw new Error(`unexpected invitation id ${invitationId}`);
  await executeOnLocalD1(`UPDATE invitation SET expires_at = ${Date.now() - 60_000} WHERE id = '${invitationId}'`);
}

test("teams: the configured limit is explained, and a team can be renamed and deleted", async ({ page, clientIp }) => {
  const owner = await createAccount(clientIp, "Tess Teams");
  const org = await createOrganization(owner, "Team Limits", uniqueSlug("teams"));
  const names = ["Alpha", "Beta", "Gamma"].slice(0, E2E_ORG_LIMITS.teams);
  for (const name of names) {
    const { error } = await owner.client.organization.createTeam({ organizationId: org.id, name });
    expect(error).toBeNull();
  }

  await signIn(page, owner.email, owner.password);
  await page.goto(`/org/${org.slug}/teams`);
  await page.getByRole("button", { name: "New team" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Team name").fill("One too many");
  await dialog.getByRole("button", { name: "Create team" }).click();
  await expect(dialog).toContainText(`This organization has reached its limit of ${E2E_ORG_LIMITS.teams} teams.`);
  await expect(dialog.getByLabel("Team name")).toHaveValue("One too many");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row(page, "One too many")).toHaveCount(0);

  // Rename: the new name is shown and survives a reload.
  await page.getByRole("button", { name: "Actions for team Alpha" }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  await dialog.getByLabel("Team name").fill("Alpha Prime");
  await dialog.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Team renamed to Alpha Prime")).toBeVisible();
  await page.reload();
  await expect(row(page, "Alpha Prime")).toHaveCount(1);

  // Delete, after a confirmation; the freed place can be used again.
  await page.getByRole("button", { name: "Actions for team Beta" }).click();
  await page.getByRole("menuitem", { name: "Delete team" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete team" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(row(page, "Beta")).toHaveCount(0);
  await page.getByRole("button", { name: "New team" }).click();
  await dialog.getByLabel("Team name").fill("Delta");
  await dialog.getByRole("button", { name: "Create team" }).click();
  await expect(row(page, "Delta")).toHaveCount(1);

  const teams = await owner.client.organization.listTeams({ query: { organizationId: org.id } });
  expect(teams.data?.map((team) => team.name).sort()).toEqual(["Alpha Prime", "Delta", "Gamma"]);
});

test("pending invitations: past the limit each address says why and stays in the box", async ({ page, clientIp }) => {
  const owner = await createAccount(clientIp, "Ines Invites");
  const org = await createOrganization(owner, "Invitation Limits", uniqueSlug("invlimit"));
  const addresses = Array.from({ length: E2E_ORG_LIMITS.pendingInvitations + 1 }, (_, i) => uniqueEmail(`guest${i}`));

  await signIn(page, owner.email, owner.password);
  await page.goto(`/org/${org.slug}/invitations`);
  await page.getByLabel("Email addresses").fill(addresses.join("\n"));
  await page.getByRole("button", { name: "Send invitations" }).click();
  const last = addresses.at(-1) ?? "";
  await expect(page.getByText("One address was not invited:")).toBeVisible();
  await expect(page.getByText(`${last}: This organization has reached its limit of`)).toBeVisible();
  await expect(page.getByLabel("Email addresses")).toHaveValue(last);
  for (const sent of addresses.slice(0, -1)) await expect(row(page, sent)).toHaveCount(1);
  await expect(row(page, last)).toHaveCount(0);

  // Cancelling one frees a place: the address left in the box goes out.
  await page.getByRole("button", { name: `Cancel invitation to ${addresses[0]}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel invitation" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(row(page, last)).toHaveCount(1);
  await expect(page.getByLabel("Email addresses")).toHaveValue("");
});

test("an expired invitation: the link says so, accepting is refused, and a resend brings a working link", {
  tag: EDITS_LOCAL_D1,
}, async ({ page, clientIp }) => {
  test.setTimeout(90_000);
  const owner = await createAccount(clientIp, "Otto Expiry");
  const guest = await createAccount(clientIp, "Gale Late");
  const org = await createOrganization(owner, "Expiry Works", uniqueSlug("expiry"));
  const invited = await owner.client.organization.inviteMember({
    organizationId: org.id,
    email: guest.email,
    role: "member",
  });
  const invitationId = invited.data?.id ?? "";
  await expireInvitation(invitationId);

  const refused = await guest.client.organization.acceptInvitation({ invitationId });
  expect(refused.error?.status).toBe(400);

  await signIn(page, guest.email, guest.password);
  await page.goto(`/accept-invitation/${invitationId}`);
  await expect(page.getByRole("heading", { name: "Invitation expired" })).toBeVisible();
  await expect(page.getByTestId("invitation-state")).toContainText("Ask Otto Expiry to send it again.");
  await expect(page.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);

  // The owner sees it as expired and resends it; the new mail's link works.
  await page.context().clearCookies();
  await signIn(page, owner.email, owner.password);
  await page.goto(`/org/${org.slug}/invitations`);
  await expect(row(page, guest.email)).toContainText("Expired");
  const before = new Date();
  await page.getByRole("button", { name: `Resend invitation to ${guest.email}` }).click();
  await expect(page.getByText(`Invitation resent to ${guest.email}`)).toBeVisible();
  await expect(row(page, guest.email)).toContainText("in 2 days");
  const mail = await waitForMail(SINK_URL, guest.email, { subject: /invited you to Expiry Works/, after: before });
  const link = extractLink(mail, "/accept-invitation/");
  expect(link).not.toContain(invitationId);

  await page.context().clearCookies();
  await signIn(page, guest.email, guest.password);
  await page.goto(link);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  // Exact: the invitation page's own heading, "Join Expiry Works", contains the name too.
  await expect(page.getByRole("heading", { level: 1, name: "Expiry Works", exact: true })).toBeVisible();
  const members = await owner.client.organization.listMembers({ query: { organizationId: org.id } });
  expect(members.data?.members.map((m) => m.userId)).toContain(guest.userId);
});
