// A pending invitation's role changes (better-auth has no endpoint for it: the console cancels and invites again),
// the invitee gets a new link, the new link grants the new role and the old one no longer works.
import { SINK_URL } from "./config";
import { expect, hydrated, otherIp, signIn, test } from "./fixtures";
import { extractLink, waitForMail } from "./mail";
import { createAccount, createOrganization } from "./org-helpers";

test("an owner changes a pending invitation's role; the invitee's new link grants it", async ({ page, clientIp }) => {
  const owner = await createAccount(clientIp, "Role Owner");
  const invitee = await createAccount(otherIp(clientIp, 1), "Role Invitee");
  const org = await createOrganization(owner, "Role Works");
  const first = await owner.client.organization.inviteMember({
    organizationId: org.id,
    email: invitee.email,
    role: "member",
  });
  expect(first.error).toBeNull();
  const oldId = first.data?.id as string;

  await signIn(page, owner.email, owner.password);
  await page.goto(`/org/${org.slug}/invitations`);
  await hydrated(page);
  const before = new Date();
  await page.getByRole("button", { name: `Change role of the invitation to ${invitee.email}` }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel("New role").selectOption("admin");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(dialog).toBeHidden();
  const row = page
    .getByRole("table", { name: "Pending invitations" })
    .getByRole("row")
    .filter({ hasText: invitee.email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("admin");

  // The new link arrives; it grants admin. The old invitation is gone.
  const mail = await waitForMail(SINK_URL, invitee.email, { subject: /invited you to Role Works/, after: before });
  const newId = extractLink(mail, "/accept-invitation/").split("/accept-invitation/")[1]?.split(/[?#]/)[0] as string;
  expect(newId).not.toBe(oldId);
  const old = await invitee.client.organization.acceptInvitation({ invitationId: oldId });
  expect(old.error?.status).toBe(400);
  const accepted = await invitee.client.organization.acceptInvitation({ invitationId: newId });
  expect(accepted.error).toBeNull();
  expect(accepted.data?.member.role).toBe("admin");

  // The organization's trail says what happened, as from → to.
  await page.goto(`/org/${org.slug}/audit`);
  await expect(page.getByRole("table", { name: "Audit events" })).toContainText("Changed an invitation's role");
  await expect(page.getByRole("table", { name: "Audit events" })).toContainText("member → admin");
});
