import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account, auditEvent, invitation, session as sessionTable, user as userTable } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";

let h: Harness;
let counter = 0;

async function createUser(role: "admin" | "user" = "user") {
  counter += 1;
  const email = `owner-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: { name: `Owner ${counter}`, email, password: PASSWORD, role, data: { emailVerified: true } },
  });
  return { id: user.id, email };
}

async function headersOf(email: string) {
  return (await h.signIn(email)).headers;
}

async function organizationOf(ownerId: string, name: string) {
  counter += 1;
  const org = await h.auth.api.createOrganization({ body: { name, slug: `org-${counter}`, userId: ownerId } });
  if (!org) throw new Error("no organization");
  return org;
}

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe("deleting a user", () => {
  it("is refused while they are an organization's only owner, naming it, and nothing of theirs is removed", async () => {
    const operator = await createUser("admin");
    const owner = await createUser();
    const org = await organizationOf(owner.id, "Sole Owned");
    await h.auth.api.signInEmail({ body: { email: owner.email, password: PASSWORD } });
    const opHeaders = await headersOf(operator.email);

    const error = await expectRefused(h.auth.api.removeUser({ headers: opHeaders, body: { userId: owner.id } }), {
      code: "USER_IS_ONLY_OWNER",
      status: 409,
    });
    expect(error.body).toMatchObject({
      organizations: [{ id: org.id, name: "Sole Owned" }],
      message: expect.stringContaining("Sole Owned"),
    });
    // Refused before better-auth removed anything: the sessions and the password account are still there.
    expect(await h.db.select().from(userTable).where(eq(userTable.id, owner.id))).toHaveLength(1);
    expect(await h.db.select().from(sessionTable).where(eq(sessionTable.userId, owner.id))).not.toHaveLength(0);
    expect(await h.db.select().from(account).where(eq(account.userId, owner.id))).toHaveLength(1);
    const [row] = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "user.delete.denied"), eq(auditEvent.targetUserId, owner.id)));
    expect(row).toMatchObject({ actorUserId: operator.id, metadata: { code: "USER_IS_ONLY_OWNER" } });
  });

  it("goes ahead once another member is an owner, and hands their invitations to that owner", async () => {
    const operator = await createUser("admin");
    const owner = await createUser();
    const heir = await createUser();
    const org = await organizationOf(owner.id, "Handed Over");
    await h.auth.api.addMember({ body: { userId: heir.id, role: "owner", organizationId: org.id } });
    const ownerHeaders = await headersOf(owner.email);
    const invited = await h.auth.api.createInvitation({
      headers: ownerHeaders,
      body: { email: "newcomer@example.test", role: "member", organizationId: org.id },
    });

    await h.auth.api.removeUser({ headers: await headersOf(operator.email), body: { userId: owner.id } });

    const [kept] = await h.db.select().from(invitation).where(eq(invitation.id, invited.id));
    expect(kept).toMatchObject({ status: "pending", inviterId: heir.id });
    const [row] = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "invitation.reassign"), eq(auditEvent.organizationId, org.id)));
    expect(row).toMatchObject({ actorUserId: operator.id, targetUserId: heir.id, metadata: { from: owner.id } });
  });

  it("cancels, with an audit row, the pending invitations of an organization no owner is left to take", async () => {
    const operator = await createUser("admin");
    const admin = await createUser();
    const owner = await createUser();
    const org = await organizationOf(owner.id, "Ownerless Later");
    await h.auth.api.addMember({ body: { userId: admin.id, role: "admin", organizationId: org.id } });
    const invited = await h.auth.api.createInvitation({
      headers: await headersOf(admin.email),
      body: { email: "orphan@example.test", role: "member", organizationId: org.id },
    });
    // The organization lost its owner some other way (a row from before the owner rules); then the admin who
    // invited is deleted.
    await h.db.delete(userTable).where(eq(userTable.id, owner.id));

    await h.auth.api.removeUser({ headers: await headersOf(operator.email), body: { userId: admin.id } });
    const [row] = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "invitation.cancel"), eq(auditEvent.organizationId, org.id)))
      .orderBy(desc(auditEvent.at));
    expect(row).toMatchObject({
      actorUserId: operator.id,
      metadata: { invitationId: invited.id, reason: "inviter deleted" },
    });
  });
});
