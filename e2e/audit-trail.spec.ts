// The operator's audit trail as people read it: sentences, from → to, the real target, details on demand.
import { OPERATOR } from "./config";
import { expect, otherIp, signIn, test, uniqueEmail } from "./fixtures";
import { addMember, createAccount, createOrganization } from "./org-helpers";

test("the trail names an invitee without an account, reads a role change as from → to, and folds the ids away", async ({
  page,
  clientIp,
}) => {
  const owner = await createAccount(clientIp, "Trail Owner");
  const member = await createAccount(otherIp(clientIp, 1), "Trail Member");
  const org = await createOrganization(owner, "Trail Works");
  const memberRow = await addMember(owner, org.id, member, "member");
  const invitee = uniqueEmail("trail-invitee");
  const invited = await owner.client.organization.inviteMember({
    organizationId: org.id,
    email: invitee,
    role: "member",
  });
  expect(invited.error).toBeNull();
  const promoted = await owner.client.organization.updateMemberRole({
    organizationId: org.id,
    memberId: memberRow.id,
    role: "admin",
  });
  expect(promoted.error).toBeNull();

  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto(`/admin/audit?org=${org.slug}`);
  const trail = page.getByRole("table", { name: "Audit trail" });

  const invitation = trail.getByRole("row").filter({ hasText: "invitation.create" }).filter({ hasText: invitee });
  await expect(invitation).toContainText("Invited");
  await expect(invitation).toContainText(invitee);
  await expect(invitation).toContainText("invitee, no account");
  await expect(invitation).not.toContainText("(deleted)");
  // The member was invited too, and has an account: their invitation links to it.
  const memberInvitation = trail
    .getByRole("row")
    .filter({ hasText: "invitation.create" })
    .filter({ hasText: member.email });
  await expect(memberInvitation.getByRole("link", { name: member.email })).toBeVisible();
  await expect(memberInvitation).not.toContainText("no account");

  const roleChange = trail.getByRole("row").filter({ hasText: "member.role.update" });
  await expect(roleChange).toContainText("Changed a role: member → admin");
  await expect(roleChange).toContainText(member.email);
  await expect(roleChange).toContainText(owner.email);

  // The ids wait behind "Details", each with a copy button.
  const details = roleChange.getByText("Details", { exact: true });
  await expect(roleChange.getByRole("button", { name: "Copy Event ID" })).toBeHidden();
  await details.click();
  await expect(roleChange.getByRole("button", { name: "Copy Target ID" })).toBeVisible();
  await expect(roleChange).toContainText(member.userId);

  // One filter bar: the action multi-select narrows to role changes only.
  await page.getByRole("button", { name: "Action" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Changed a role", exact: true }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/action=member\.role\.update/);
  await expect(trail.getByRole("row").filter({ hasText: "invitation.create" })).toHaveCount(0);
  await expect(trail.getByRole("row").filter({ hasText: "member.role.update" })).toHaveCount(1);
});
