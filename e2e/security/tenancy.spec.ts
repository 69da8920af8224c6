// Abuse cases: one tenant against another, members against their own organization's rules, invitations misused,
// and races. Every case checks the refusal and that nothing changed, through better-auth's client SDK over HTTP.
import { expect, test, uniqueEmail } from "../fixtures";
import { type Account, addMember, createAccount, createOrganization, uniqueSlug } from "../org-helpers";

/** Two organizations: A (owner, admin, member) and B (owner, member), each with a pending invitation and a team. */
async function twoTenants(clientIp: string) {
  const [ownerA, adminA, memberA, ownerB, memberB] = await Promise.all([
    createAccount(clientIp, "Ann Owner"),
    createAccount(clientIp, "Abe Admin"),
    createAccount(clientIp, "Amy Member"),
    createAccount(clientIp, "Bea Owner"),
    createAccount(clientIp, "Ben Member"),
  ]);
  const a = await createOrganization(ownerA, "Tenant A", uniqueSlug("tenant-a"));
  const b = await createOrganization(ownerB, "Tenant B", uniqueSlug("tenant-b"));
  const adminMembership = await addMember(ownerA, a.id, adminA, "admin");
  const memberMembership = await addMember(ownerA, a.id, memberA, "member");
  const memberBMembership = await addMember(ownerB, b.id, memberB, "member");
  const invitationB = await ownerB.client.organization.inviteMember({
    organizationId: b.id,
    email: uniqueEmail("pending-b"),
    role: "member",
  });
  const teamB = await ownerB.client.organization.createTeam({ organizationId: b.id, name: "B Team" });
  return {
    ownerA,
    adminA,
    memberA,
    ownerB,
    memberB,
    a,
    b,
    adminMembership,
    memberMembership,
    memberBMembership,
    invitationB: invitationB.data,
    teamB: teamB.data,
  };
}

/** Organization B as its owner sees it: name, members with roles, invitations, teams. */
async function snapshotB(ownerB: Account, orgId: string) {
  const [org, invitations, teams] = await Promise.all([
    ownerB.client.organization.getFullOrganization({ query: { organizationId: orgId } }),
    ownerB.client.organization.listInvitations({ query: { organizationId: orgId } }),
    ownerB.client.organization.listTeams({ query: { organizationId: orgId } }),
  ]);
  return {
    name: org.data?.name,
    slug: org.data?.slug,
    members: org.data?.members.map((m) => `${m.userId}:${m.role}`).sort(),
    invitations: invitations.data?.map((i) => `${i.email}:${i.status}`).sort(),
    teams: teams.data?.map((t) => t.name).sort(),
  };
}

test.describe("cross-tenant", () => {
  test("an admin of A can neither read nor change B through B's ids", async ({ clientIp }) => {
    test.setTimeout(90_000);
    const t = await twoTenants(clientIp);
    const before = await snapshotB(t.ownerB, t.b.id);
    const admin = t.adminA.client.organization;

    // Reads.
    expect((await admin.listMembers({ query: { organizationId: t.b.id } })).data ?? null).toBeNull();
    expect((await admin.getFullOrganization({ query: { organizationId: t.b.id } })).data ?? null).toBeNull();
    expect((await admin.listInvitations({ query: { organizationId: t.b.id } })).data ?? null).toBeNull();
    expect((await admin.listTeams({ query: { organizationId: t.b.id } })).data ?? null).toBeNull();
    // Writes.
    const rename = await admin.update({ organizationId: t.b.id, data: { name: "Owned by A" } });
    expect(rename.error?.status).toBe(400);
    const invite = await admin.inviteMember({ organizationId: t.b.id, email: uniqueEmail("spy"), role: "admin" });
    expect(invite.error?.status).toBe(400);
    const team = await admin.createTeam({ organizationId: t.b.id, name: "Trojan" });
    expect(team.error?.status).toBe(403);
    const remove = await admin.removeMember({ organizationId: t.b.id, memberIdOrEmail: t.memberB.email });
    expect(remove.error?.status).toBe(400);

    expect(await snapshotB(t.ownerB, t.b.id)).toEqual(before);
  });

  test("an owner of A cannot use A's organization id to act on B's member, invitation or team", async ({
    clientIp,
  }) => {
    test.setTimeout(90_000);
    const t = await twoTenants(clientIp);
    const before = await snapshotB(t.ownerB, t.b.id);
    const owner = t.ownerA.client.organization;

    const role = await owner.updateMemberRole({
      organizationId: t.a.id,
      memberId: t.memberBMembership.id,
      role: "admin",
    });
    expect(role.error?.status).toBe(403);
    const remove = await owner.removeMember({ organizationId: t.a.id, memberIdOrEmail: t.memberBMembership.id });
    expect(remove.error?.status).toBe(400);
    const cancel = await owner.cancelInvitation({ invitationId: t.invitationB?.id ?? "" });
    expect(cancel.error?.status).toBe(400);
    const teamRename = await owner.updateTeam({
      teamId: t.teamB?.id ?? "",
      data: { name: "Renamed by A", organizationId: t.a.id },
    });
    expect(teamRename.error?.status).toBe(400);
    const teamDelete = await owner.removeTeam({ teamId: t.teamB?.id ?? "", organizationId: t.a.id });
    expect(teamDelete.error?.status).toBe(400);
    const deleteB = await owner.delete({ organizationId: t.b.id });
    expect(deleteB.error?.status).toBe(400);

    expect(await snapshotB(t.ownerB, t.b.id)).toEqual(before);
  });

  test("a non-member cannot make B their active organization or join B's team", async ({ clientIp }) => {
    test.setTimeout(90_000);
    const t = await twoTenants(clientIp);
    const before = await snapshotB(t.ownerB, t.b.id);
    const active = await t.memberA.client.organization.setActive({ organizationId: t.b.id });
    expect(active.error?.status).toBe(403);
    const session = await t.memberA.client.getSession({ query: { disableCookieCache: true } });
    expect(session.data?.session.activeOrganizationId ?? null).not.toBe(t.b.id);
    const join = await t.ownerA.client.organization.addTeamMember({
      teamId: t.teamB?.id ?? "",
      userId: t.memberA.userId,
    });
    expect(join.error?.status).toBe(400);
    const teamMembers = await t.ownerB.client.organization.listTeamMembers({ query: { teamId: t.teamB?.id ?? "" } });
    expect(teamMembers.data?.map((m) => m.userId) ?? []).not.toContain(t.memberA.userId);
    expect(await snapshotB(t.ownerB, t.b.id)).toEqual(before);
  });
});

test.describe("role escalation", () => {
  test("a plain member cannot promote themself nor demote the owner", async ({ clientIp }) => {
    test.setTimeout(90_000);
    const t = await twoTenants(clientIp);
    const members = () => t.ownerA.client.organization.listMembers({ query: { organizationId: t.a.id } });
    const before = (await members()).data?.members.map((m) => `${m.userId}:${m.role}`).sort();
    const self = await t.memberA.client.organization.updateMemberRole({
      organizationId: t.a.id,
      memberId: t.memberMembership.id,
      role: "owner",
    });
    expect(self.error?.status).toBe(403);
    const ownerRow = (await members()).data?.members.find((m) => m.userId === t.ownerA.userId);
    const demote = await t.memberA.client.organization.updateMemberRole({
      organizationId: t.a.id,
      memberId: ownerRow?.id ?? "",
      role: "member",
    });
    expect(demote.error?.status).toBe(403);
    expect((await members()).data?.members.map((m) => `${m.userId}:${m.role}`).sort()).toEqual(before);
  });

  test("an admin cannot make themself or anyone else an owner, nor remove the owner", async ({ clientIp }) => {
    test.setTimeout(90_000);
    const t = await twoTenants(clientIp);
    const members = () => t.ownerA.client.organization.listMembers({ query: { organizationId: t.a.id } });
    const before = (await members()).data?.members.map((m) => `${m.userId}:${m.role}`).sort();
    const self = await t.adminA.client.organization.updateMemberRole({
      organizationId: t.a.id,
      memberId: t.adminMembership.id,
      role: "owner",
    });
    expect(self.error?.status).toBe(403);
    const other = await t.adminA.client.organization.updateMemberRole({
      organizationId: t.a.id,
      memberId: t.memberMembership.id,
      role: "owner",
    });
    expect(other.error?.status).toBe(403);
    const removeOwner = await t.adminA.client.organization.removeMember({
      organizationId: t.a.id,
      memberIdOrEmail: t.ownerA.email,
    });
    expect(removeOwner.error?.status).toBe(400);
    expect((await members()).data?.members.map((m) => `${m.userId}:${m.role}`).sort()).toEqual(before);
  });

  test("an admin cannot create a custom role with a permission they do not hold", async ({ clientIp }) => {
    test.setTimeout(90_000);
    const t = await twoTenants(clientIp);
    const created = await t.adminA.client.$fetch("/organization/create-role", {
      method: "POST",
      body: { organizationId: t.a.id, role: "shadow-owner", permission: { organization: ["delete"] } },
    });
    expect(created.error?.status).toBe(403);
    const roles = await t.ownerA.client.$fetch<Array<{ role: string }>>("/organization/list-roles", {
      method: "GET",
      query: { organizationId: t.a.id },
    });
    expect((roles.data ?? []).map((r) => r.role)).not.toContain("shadow-owner");
  });

  test("a plain user cannot give themself a platform role or read the user list", async ({ clientIp }) => {
    const t = await createAccount(clientIp, "Una User");
    const setRole = await t.client.admin.setRole({ userId: t.userId, role: "admin" });
    expect(setRole.error?.status).toBe(403);
    const viaProfile = await t.client.updateUser({ role: "admin" } as unknown as { name: string });
    expect(viaProfile.error?.status).toBe(400);
    const list = await t.client.admin.listUsers({ query: {} });
    expect(list.error?.status).toBe(403);
    const me = await t.client.getSession({ query: { disableCookieCache: true } });
    expect(me.data?.user.role).toBe("user");
  });
});

test.describe("invitation misuse", () => {
  test("an invitation cannot be accepted by another account, even one who knows its id", async ({ clientIp }) => {
    test.setTimeout(90_000);
    const [owner, invitee, thief] = await Promise.all([
      createAccount(clientIp, "Ivo Owner"),
      createAccount(clientIp, "Ida Invitee"),
      createAccount(clientIp, "Tom Thief"),
    ]);
    const org = await createOrganization(owner, "Invite Only", uniqueSlug("invonly"));
    const invitation = await owner.client.organization.inviteMember({
      organizationId: org.id,
      email: invitee.email,
      role: "admin",
    });
    const id = invitation.data?.id ?? "";
    expect((await thief.client.organization.acceptInvitation({ invitationId: id })).error?.status).toBe(403);
    expect((await thief.client.organization.rejectInvitation({ invitationId: id })).error?.status).toBe(403);
    const members = await owner.client.organization.listMembers({ query: { organizationId: org.id } });
    expect(members.data?.members.map((m) => m.userId)).not.toContain(thief.userId);
    const still = await owner.client.organization.listInvitations({ query: { organizationId: org.id } });
    expect(still.data?.find((i) => i.id === id)?.status).toBe("pending");
  });

  test("a cancelled or declined invitation cannot be accepted afterwards, and an accepted one not twice", async ({
    clientIp,
  }) => {
    test.setTimeout(90_000);
    const [owner, one, two, three] = await Promise.all([
      createAccount(clientIp, "Cal Owner"),
      createAccount(clientIp, "Cy Cancelled"),
      createAccount(clientIp, "Di Declined"),
      createAccount(clientIp, "Al Accepted"),
    ]);
    const org = await createOrganization(owner, "Closed Doors", uniqueSlug("closed"));
    const invite = async (who: Account) =>
      (await owner.client.organization.inviteMember({ organizationId: org.id, email: who.email, role: "member" })).data
        ?.id ?? "";
    const [cancelled, declined, accepted] = [await invite(one), await invite(two), await invite(three)];
    expect((await owner.client.organization.cancelInvitation({ invitationId: cancelled })).error).toBeNull();
    expect((await two.client.organization.rejectInvitation({ invitationId: declined })).error).toBeNull();
    expect((await three.client.organization.acceptInvitation({ invitationId: accepted })).error).toBeNull();
    // Now leave, and try the same accepted invitation again.
    expect((await three.client.organization.leave({ organizationId: org.id })).error).toBeNull();

    expect((await one.client.organization.acceptInvitation({ invitationId: cancelled })).error?.status).toBe(400);
    expect((await two.client.organization.acceptInvitation({ invitationId: declined })).error?.status).toBe(400);
    expect((await three.client.organization.acceptInvitation({ invitationId: accepted })).error?.status).toBe(400);
    const members = await owner.client.organization.listMembers({ query: { organizationId: org.id } });
    expect(members.data?.members.map((m) => m.userId)).toEqual([owner.userId]);
  });

  test("a member without the right cannot cancel or resend someone else's invitation", async ({ clientIp }) => {
    test.setTimeout(90_000);
    const t = await twoTenants(clientIp);
    const invited = await t.ownerA.client.organization.inviteMember({
      organizationId: t.a.id,
      email: uniqueEmail("guest-a"),
      role: "member",
    });
    const id = invited.data?.id ?? "";
    expect((await t.memberA.client.organization.cancelInvitation({ invitationId: id })).error?.status).toBe(403);
    const resend = await t.memberA.client.organization.inviteMember({
      organizationId: t.a.id,
      email: invited.data?.email ?? "",
      role: "admin",
      resend: true,
    });
    expect(resend.error?.status).toBe(403);
    const list = await t.ownerA.client.organization.listInvitations({ query: { organizationId: t.a.id } });
    expect(list.data?.find((i) => i.id === id)).toMatchObject({ status: "pending", role: "member" });
  });
});

test.describe("races", () => {
  test("two owners removing each other at once leave at least one owner", async ({ clientIp }) => {
    test.setTimeout(90_000);
    const [first, second] = await Promise.all([
      createAccount(clientIp, "Fay First"),
      createAccount(clientIp, "Sid Second"),
    ]);
    const org = await createOrganization(first, "Two Crowns", uniqueSlug("crowns"));
    const secondMembership = await addMember(first, org.id, second, "admin");
    expect(
      (
        await first.client.organization.updateMemberRole({
          organizationId: org.id,
          memberId: secondMembership.id,
          role: "owner",
        })
      ).error,
    ).toBeNull();
    await Promise.all([
      first.client.organization.removeMember({ organizationId: org.id, memberIdOrEmail: second.email }),
      second.client.organization.removeMember({ organizationId: org.id, memberIdOrEmail: first.email }),
      first.client.organization.leave({ organizationId: org.id }),
      second.client.organization.leave({ organizationId: org.id }),
    ]);
    const left = await Promise.all([
      first.client.organization.listMembers({ query: { organizationId: org.id } }),
      second.client.organization.listMembers({ query: { organizationId: org.id } }),
    ]);
    const members = left.find((r) => r.data)?.data?.members ?? [];
    expect(members.filter((m) => m.role.split(",").includes("owner")).length).toBeGreaterThanOrEqual(1);
  });

  test("the same address invited five times at once gives one pending invitation", async ({ clientIp }) => {
    const owner = await createAccount(clientIp, "Rae Racer");
    const org = await createOrganization(owner, "Race Track", uniqueSlug("race"));
    const email = uniqueEmail("raced");
    await Promise.all(
      Array.from({ length: 5 }, () =>
        owner.client.organization.inviteMember({ organizationId: org.id, email, role: "member" }),
      ),
    );
    const list = await owner.client.organization.listInvitations({ query: { organizationId: org.id } });
    expect(list.data?.filter((i) => i.email === email && i.status === "pending")).toHaveLength(1);
  });
});
