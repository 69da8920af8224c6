import { expect, signIn, test } from "./fixtures";
import { addMember, createAccount, createOrganization, uniqueSlug } from "./org-helpers";

// The organization API as better-auth's own client SDK sees it: no console, no browser (except to look at escaping).

test("a member cannot promote themself, cannot invite, cannot read another organization's members", async ({
  clientIp,
}) => {
  const owner = await createAccount(clientIp, "Otto Owner");
  const member = await createAccount(clientIp, "Mia Member");
  const stranger = await createAccount(clientIp, "Stan Stranger");
  const org = await createOrganization(owner, "Tenant One");
  const other = await createOrganization(stranger, "Tenant Two");
  const membership = await addMember(owner, org.id, member, "member");

  const promote = await member.client.organization.updateMemberRole({
    organizationId: org.id,
    memberId: membership.id,
    role: "admin",
  });
  expect(promote.error?.status).toBe(403);
  const invite = await member.client.organization.inviteMember({
    organizationId: org.id,
    email: "someone@e2e.test",
    role: "member",
  });
  expect(invite.error?.status).toBe(403);
  const foreign = await member.client.organization.listMembers({ query: { organizationId: other.id } });
  expect(foreign.error?.status).toBe(403);
  expect(foreign.data).toBeNull();
  const foreignInvites = await member.client.organization.listInvitations({ query: { organizationId: other.id } });
  expect(foreignInvites.data ?? null).toBeNull();

  // Still a plain member of their own organization, who can read it.
  const own = await member.client.organization.listMembers({ query: { organizationId: org.id } });
  expect(own.data?.members.find((m) => m.userId === member.userId)?.role).toBe("member");
});

test("one invitation accepted twice in parallel yields exactly one membership", async ({ clientIp }) => {
  const owner = await createAccount(clientIp, "Pat Parallel");
  const invitee = await createAccount(clientIp, "Ike Invitee");
  const org = await createOrganization(owner, "Race Track");
  const invitation = await owner.client.organization.inviteMember({
    organizationId: org.id,
    email: invitee.email,
    role: "member",
  });
  const invitationId = invitation.data?.id ?? "";
  expect(invitationId).not.toBe("");

  const results = await Promise.all([
    invitee.client.organization.acceptInvitation({ invitationId }),
    invitee.client.organization.acceptInvitation({ invitationId }),
  ]);
  expect(results.filter((r) => r.error === null)).toHaveLength(1);
  expect(results.filter((r) => r.error !== null)[0]?.error?.status).toBe(400);

  const members = await owner.client.organization.listMembers({ query: { organizationId: org.id } });
  expect(members.data?.members.filter((m) => m.userId === invitee.userId)).toHaveLength(1);
  expect(members.data?.total).toBe(2);
});

test("an organization name containing markup is shown as text on the members and settings pages", async ({
  page,
  clientIp,
}) => {
  const owner = await createAccount(clientIp, "Xena Escape");
  const name = `<img src=x onerror="window.__pwned=1"><b>Bold</b> & Co`;
  const org = await createOrganization(owner, name, uniqueSlug("markup"));
  let dialogs = 0;
  page.on("dialog", () => {
    dialogs += 1;
  });

  await signIn(page, owner.email, owner.password);
  for (const path of ["members", "settings"]) {
    await page.goto(`/org/${org.slug}/${path}`);
    await expect(page.getByTestId("org-name")).toHaveText(name);
    await expect(page.locator("main img[src='x']")).toHaveCount(0);
    await expect(page.locator("main b", { hasText: "Bold" })).toHaveCount(0);
  }
  await expect(page.getByLabel("Name")).toHaveValue(name);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});
