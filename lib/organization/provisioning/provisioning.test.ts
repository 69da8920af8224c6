// The provisioning API's operations hold the console's rules for the key's creator: invitations in better-auth's
// shape (accepted through its normal flow, mailed through our sender, limits and the grant rule), member changes
// that never leave the organization without an owner, and nothing of another organization.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, invitation, member, webhookEvent } from "@/db/schema";
import {
  createInvitationBodySchema,
  listMembersQuerySchema,
  updateMemberBodySchema,
} from "@/lib/validations/provisioning";
import { createHarness, type Harness } from "@/test/auth-harness";
import { apiRequest, createKey, createOrg, createUser, join, serve } from "@/test/provisioning";
import { listAuditEvents } from "./audit-events";
import { refusalOf } from "./call";
import { cancelInvitation, createInvitation, listInvitations } from "./invitations";
import { listMembers, removeMember, updateMemberRole } from "./members";
import { parseBody, parseId, parseQuery } from "./parse";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ ORG_MAX_PENDING_INVITATIONS: "3" });
});
afterAll(async () => {
  await h.close();
});

function invite(key: string, body: { email: string; role: string | string[]; teamId?: string }) {
  const input = createInvitationBodySchema.parse(body);
  return serve(
    h,
    "api.v1.invitations.create",
    apiRequest("/api/v1/invitations", key, { method: "POST", body }),
    (deps, call) => createInvitation(deps, call, input),
  );
}

function setRole(key: string, memberId: string, role: string | string[]) {
  const { role: parsed } = updateMemberBodySchema.parse({ role });
  const request = apiRequest(`/api/v1/members/${memberId}`, key, { method: "PATCH", body: { role } });
  return serve(h, "api.v1.members.update", request, (deps, call) => updateMemberRole(deps, call, memberId, parsed));
}

function remove(key: string, memberId: string) {
  const request = apiRequest(`/api/v1/members/${memberId}`, key, { method: "DELETE" });
  return serve(h, "api.v1.members.remove", request, (deps, call) => removeMember(deps, call, memberId));
}

describe("invitations by key", () => {
  it("are better-auth invitations: mailed by our sender, naming the creator, accepted through the normal flow", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner, "Acme Widgets");
    const key = await createKey(h, org.id, owner, ["invitations:write"]);
    const invitee = await createUser(h, "Invitee");
    const res = await invite(key.key, { email: invitee.email.toUpperCase(), role: "admin" });
    expect(res.status).toBe(201);
    const created = res.body.invitation as { id: string; email: string; inviterId: string; status: string };
    expect(created).toMatchObject({ email: invitee.email, inviterId: owner.id, status: "pending" });
    expect(res.body.mailSent).toBe(true);
    const mail = h.sink.messages().find((m) => m.to.includes(invitee.email));
    expect(mail?.subject).toBe("Owner invited you to Acme Widgets on Gatehouse");
    expect(mail?.text).toContain(`/accept-invitation/${created.id}`);

    const accepted = await h.auth.api.acceptInvitation({
      headers: (await h.signIn(invitee.email)).headers,
      body: { invitationId: created.id },
    });
    expect(accepted?.member).toMatchObject({ userId: invitee.id, role: "admin", organizationId: org.id });
    const [row] = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "invitation.create"), eq(auditEvent.organizationId, org.id)));
    expect(row).toMatchObject({ actorApiKeyId: key.id, actorUserId: null });
    expect(row?.metadata).toMatchObject({ invitationId: created.id, email: invitee.email, role: "admin" });
  });

  it("hold the console's rules for the creator: no owners from a non-owner, the grant rule, duplicates, the limit", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    await h.auth.api.createOrgRole({
      body: {
        organizationId: org.id,
        role: "auditor",
        permission: { audit: ["read"], invitation: ["create", "cancel"] },
      },
      headers: (await h.signIn(owner.email)).headers,
    });
    await h.auth.api.createOrgRole({
      body: {
        organizationId: org.id,
        role: "keymaker",
        permission: { apiKey: ["create"], invitation: ["create", "cancel"] },
      },
      headers: (await h.signIn(owner.email)).headers,
    });
    const maker = await createUser(h, "Maker");
    await join(h, org.id, maker, "keymaker");
    const key = await createKey(h, org.id, maker, ["invitations:write"]);

    expect(await invite(key.key, { email: "x1@example.test", role: "owner" })).toMatchObject({
      status: 403,
      code: "YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE",
    });
    // The keymaker does not hold audit:read, so cannot hand out the auditor role.
    expect(await invite(key.key, { email: "x2@example.test", role: "auditor" })).toMatchObject({
      status: 403,
      code: "YOU_CANNOT_GRANT_PERMISSIONS_YOU_DO_NOT_HOLD",
    });
    expect(await invite(key.key, { email: "x3@example.test", role: "wizard" })).toMatchObject({
      status: 400,
      code: "ROLE_NOT_FOUND",
    });
    expect(await invite(key.key, { email: owner.email, role: "member" })).toMatchObject({
      status: 409,
      code: "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION",
    });
    expect((await invite(key.key, { email: "a@example.test", role: "member" })).status).toBe(201);
    expect(await invite(key.key, { email: "A@example.test", role: "member" })).toMatchObject({
      status: 409,
      code: "USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION",
    });
    expect((await invite(key.key, { email: "b@example.test", role: ["member"] })).status).toBe(201);
    expect((await invite(key.key, { email: "c@example.test", role: "member" })).status).toBe(201);
    const over = await invite(key.key, { email: "d@example.test", role: "member" });
    expect(over).toMatchObject({ status: 409, code: "INVITATION_LIMIT_REACHED" });
    expect(over.body.error).toMatchObject({ message: expect.stringContaining("limit of 3 pending invitations") });
    const pending = await h.db.select().from(invitation).where(eq(invitation.organizationId, org.id));
    expect(pending.map((row) => row.email).sort()).toEqual(["a@example.test", "b@example.test", "c@example.test"]);
    const denied = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "invitation.create.denied"), eq(auditEvent.actorApiKeyId, key.id)));
    expect(denied.map((row) => (row.metadata as { code: string }).code).sort()).toEqual([
      "INVITATION_LIMIT_REACHED",
      "ROLE_NOT_FOUND",
      "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION",
      "USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION",
      "YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE",
      "YOU_CANNOT_GRANT_PERMISSIONS_YOU_DO_NOT_HOLD",
    ]);
  });

  it("count against the creator's per-address limit like the console's, and are listed and cancelled", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    const key = await createKey(h, org.id, owner, ["invitations:write"]);
    const first = await invite(key.key, { email: "again@example.test", role: "member" });
    const id = (first.body.invitation as { id: string }).id;
    const listed = await serve(h, "api.v1.invitations.list", apiRequest("/api/v1/invitations", key.key), (deps, call) =>
      listInvitations(deps, call, { limit: 10, status: "pending" }),
    );
    expect((listed.body.data as Array<{ id: string }>).map((row) => row.id)).toEqual([id]);
    const cancel = (invitationId: string) =>
      serve(
        h,
        "api.v1.invitations.cancel",
        apiRequest(`/api/v1/invitations/${invitationId}`, key.key, { method: "DELETE" }),
        (deps, call) => cancelInvitation(deps, call, invitationId),
      );
    expect((await cancel(id)).body.invitation).toMatchObject({ id, status: "canceled" });
    expect(await cancel(id)).toMatchObject({ status: 404, code: "INVITATION_NOT_FOUND" });
    // The invitation and one resend a minute per address: the third in a minute waits, and is told how long.
    const second = await invite(key.key, { email: "again@example.test", role: "member" });
    expect(second.status).toBe(201);
    await cancel((second.body.invitation as { id: string }).id);
    const third = await invite(key.key, { email: "again@example.test", role: "member" });
    expect(third).toMatchObject({ status: 429, code: "INVITATION_RATE_LIMITED" });
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("members by key", () => {
  it("lists members newest first in cursor pages", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    for (const name of ["Ann", "Ben", "Cy"]) await join(h, org.id, await createUser(h, name), "member");
    const key = await createKey(h, org.id, owner, ["members:read"]);
    const page = (cursor?: string) =>
      serve(h, "api.v1.members.list", apiRequest("/api/v1/members", key.key), (deps, call) =>
        listMembers(deps, call, { limit: 3, cursor }),
      );
    const first = await page();
    const second = await page(first.body.nextCursor as string);
    const names = [...(first.body.data as Array<{ name: string }>), ...(second.body.data as Array<{ name: string }>)];
    expect(names.map((m) => m.name)).toEqual(["Cy", "Ben", "Ann", "Owner"]);
    expect(second.body.nextCursor).toBeNull();
    expect(await page("not-a-cursor")).toMatchObject({ status: 400, code: "INVALID_CURSOR" });
  });

  it("change roles and remove members as the creator may, never leaving the organization without an owner", async () => {
    const owner = await createUser(h, "Owner");
    const admin = await createUser(h, "Admin");
    const plain = await createUser(h, "Plain");
    const org = await createOrg(h, owner);
    const [ownerRow] = await h.db.select().from(member).where(eq(member.userId, owner.id));
    await join(h, org.id, admin, "admin");
    const plainRow = await join(h, org.id, plain, "member");
    const key = await createKey(h, org.id, owner, ["members:write"]);

    const promoted = await setRole(key.key, plainRow.id, "admin");
    expect(promoted.body.member).toMatchObject({ role: "admin", userId: plain.id });
    expect(await setRole(key.key, ownerRow?.id ?? "", "admin")).toMatchObject({
      status: 400,
      code: "YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER",
    });
    expect(await remove(key.key, ownerRow?.id ?? "")).toMatchObject({
      status: 400,
      code: "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER",
    });
    expect((await remove(key.key, plainRow.id)).status).toBe(200);
    expect(await h.db.select().from(member).where(eq(member.id, plainRow.id))).toEqual([]);

    // The events the console's changes send, from the key's audit rows: one role change, one removal.
    const events = await h.db.select().from(webhookEvent).where(eq(webhookEvent.organizationId, org.id));
    const memberEvents = events.map((event) => event.type).filter((type) => type.startsWith("member."));
    expect(memberEvents.sort()).toEqual(["member.removed", "member.role_updated"]);
    const rows = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorApiKeyId, key.id), eq(auditEvent.organizationId, org.id)));
    expect(rows.map((row) => row.action).sort()).toEqual([
      "member.remove",
      "member.remove.denied",
      "member.role.update",
      "member.role.update.denied",
    ]);
  });

  it("cannot do what the creator's role does not allow: an admin's key does not touch owners", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    const [ownerRow] = await h.db.select().from(member).where(eq(member.userId, owner.id));
    await h.auth.api.createOrgRole({
      body: {
        organizationId: org.id,
        role: "people-ops",
        permission: { apiKey: ["create"], member: ["update", "delete"] },
      },
      headers: (await h.signIn(owner.email)).headers,
    });
    const ops = await createUser(h, "Ops");
    await join(h, org.id, ops, "people-ops");
    const key = await createKey(h, org.id, ops, ["members:write"]);
    expect(await setRole(key.key, ownerRow?.id ?? "", "member")).toMatchObject({
      status: 403,
      code: "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER",
    });
    expect(await remove(key.key, ownerRow?.id ?? "")).toMatchObject({
      status: 400,
      code: "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER",
    });
  });
});

describe("tenancy", () => {
  it("a key of organization A cannot read or change organization B", async () => {
    const ownerA = await createUser(h, "Owner A");
    const ownerB = await createUser(h, "Owner B");
    const orgA = await createOrg(h, ownerA, "Org A");
    const orgB = await createOrg(h, ownerB, "Org B");
    const inB = await join(h, orgB.id, await createUser(h, "In B"), "member");
    const keyA = await createKey(h, orgA.id, ownerA, [
      "members:read",
      "members:write",
      "invitations:write",
      "audit:read",
    ]);
    const keyB = await createKey(h, orgB.id, ownerB, ["invitations:write"]);
    const invitedByB = await invite(keyB.key, { email: "b-only@example.test", role: "member" });
    const bInvitation = (invitedByB.body.invitation as { id: string }).id;

    expect(await setRole(keyA.key, inB.id, "admin")).toMatchObject({ status: 404, code: "MEMBER_NOT_FOUND" });
    expect(await remove(keyA.key, inB.id)).toMatchObject({ status: 404, code: "MEMBER_NOT_FOUND" });
    const cancel = await serve(
      h,
      "api.v1.invitations.cancel",
      apiRequest(`/api/v1/invitations/${bInvitation}`, keyA.key, { method: "DELETE" }),
      (deps, call) => cancelInvitation(deps, call, bInvitation),
    );
    expect(cancel).toMatchObject({ status: 404, code: "INVITATION_NOT_FOUND" });
    const members = await serve(h, "api.v1.members.list", apiRequest("/api/v1/members", keyA.key), (deps, call) =>
      listMembers(deps, call, { limit: 50 }),
    );
    expect((members.body.data as Array<{ userId: string }>).map((m) => m.userId)).toEqual([ownerA.id]);
    const trail = await serve(
      h,
      "api.v1.audit_events.list",
      apiRequest("/api/v1/audit-events", keyA.key),
      (deps, call) => listAuditEvents(deps, call, { limit: 100 }),
    );
    const actions = trail.body.data as Array<{ action: string; actor: { type: string } | null }>;
    expect(actions.length).toBeGreaterThan(0);
    const bRows = await h.db.select().from(auditEvent).where(eq(auditEvent.organizationId, orgB.id));
    const bIds = new Set(bRows.map((row) => row.id));
    expect((trail.body.data as Array<{ id: string }>).some((event) => bIds.has(event.id))).toBe(false);
    expect(actions.some((event) => event.actor?.type === "api_key")).toBe(true);
    const [stillPending] = await h.db.select().from(invitation).where(eq(invitation.id, bInvitation));
    expect(stillPending?.status).toBe("pending");
  });
});

describe("odd shapes", () => {
  /** A request served as app/api/v1/members/[memberId]'s PATCH serves it. */
  function patchRaw(key: string, memberId: string, body: string, contentType = "application/json") {
    const request = apiRequest(`/api/v1/members/${encodeURIComponent(memberId)}`, key, { method: "PATCH" });
    const raw = new Request(request.url, {
      method: "PATCH",
      headers: { authorization: request.headers.get("authorization") ?? "", "content-type": contentType },
      body,
    });
    return serve(h, "api.v1.members.update", raw, async (deps, call) => {
      const id = parseId(memberId, refusalOf(404, "MEMBER_NOT_FOUND"));
      if (!id.ok) return id;
      const parsed = await parseBody(raw, updateMemberBodySchema);
      return parsed.ok ? updateMemberRole(deps, call, id.data, parsed.data.role) : parsed;
    });
  }

  it("are refused with 400 before anything acts, and the member keeps their role", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    const plainRow = await join(h, org.id, await createUser(h, "Plain"), "member");
    const key = await createKey(h, org.id, owner, ["members:write"]);
    const bodies = [
      { role: 5 },
      { role: { admin: true } },
      { role: [["admin"]] },
      { role: ["admin", 3] },
      { role: "" },
      { role: "Admin!" },
      { role: "admin", organizationId: "another-org" },
      { role: ["admin"], memberId: "someone-else" },
      [{ role: "admin" }],
      null,
    ];
    for (const body of bodies) {
      const res = await patchRaw(key.key, plainRow.id, JSON.stringify(body));
      expect({ body, status: res.status, code: res.code }).toEqual({ body, status: 400, code: "INVALID_REQUEST" });
    }
    expect(await patchRaw(key.key, plainRow.id, "{role: admin}")).toMatchObject({ status: 400, code: "INVALID_JSON" });
    expect(await patchRaw(key.key, plainRow.id, "role=admin", "application/x-www-form-urlencoded")).toMatchObject({
      status: 400,
      code: "INVALID_REQUEST",
    });
    for (const id of ["", "a b", "../members", "x".repeat(101), `${plainRow.id}'--`]) {
      expect(await patchRaw(key.key, id, JSON.stringify({ role: "admin" }))).toMatchObject({
        status: 404,
        code: "MEMBER_NOT_FOUND",
      });
    }
    const [after] = await h.db.select().from(member).where(eq(member.id, plainRow.id));
    expect(after?.role).toBe("member");
  });

  it("in a query string are refused with 400: limits out of range, repeated or unknown parameters", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    const key = await createKey(h, org.id, owner, ["members:read"]);
    for (const query of ["limit=0", "limit=101", "limit=abc", "limit=1&limit=2", "organizationId=x", "limit=1.5"]) {
      const request = apiRequest(`/api/v1/members?${query}`, key.key);
      const res = await serve(h, "api.v1.members.list", request, async (deps, call) => {
        const parsed = parseQuery(request, listMembersQuerySchema);
        return parsed.ok ? listMembers(deps, call, parsed.data) : parsed;
      });
      expect({ query, status: res.status, code: res.code }).toEqual({ query, status: 400, code: "INVALID_REQUEST" });
    }
  });

  it("in an invitation are refused with 400, and nothing is sent", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    const key = await createKey(h, org.id, owner, ["invitations:write"]);
    const before = h.sink.messages().length;
    const bodies = [
      { email: ["a@example.test"], role: "member" },
      { email: "not-an-email", role: "member" },
      { email: "a@example.test" },
      { email: "a@example.test", role: "member", teamId: "../x" },
      { email: "a@example.test", role: "member", inviterId: owner.id },
    ];
    for (const body of bodies) {
      const request = apiRequest("/api/v1/invitations", key.key, { method: "POST", body });
      const res = await serve(h, "api.v1.invitations.create", request, async (deps, call) => {
        const parsed = await parseBody(request, createInvitationBodySchema);
        return parsed.ok ? createInvitation(deps, call, parsed.data) : parsed;
      });
      expect({ body, status: res.status, code: res.code }).toEqual({ body, status: 400, code: "INVALID_REQUEST" });
    }
    expect(h.sink.messages().length).toBe(before);
    expect(await h.db.select().from(invitation).where(eq(invitation.organizationId, org.id))).toEqual([]);
  });
});
