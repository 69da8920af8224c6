// Organization API keys at the door of the provisioning API: a key works only with its scopes, within its rate limit,
// while its creator is a member who still holds what the scope needs, and not after it is revoked, expired, or its
// organization is gone. Every call is audited with the key as actor.
import type { AuthContext } from "better-auth";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apikey, auditEvent, member } from "@/db/schema";
import { scopesNotHeld } from "@/lib/organization/provisioning/keys";
import { listMembers } from "@/lib/organization/provisioning/members";
import { createHarness, type Harness } from "@/test/auth-harness";
import { apiRequest, createKey, createOrg, createUser, join, serve } from "@/test/provisioning";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ ORG_MAX_PENDING_INVITATIONS: "3" });
});
afterAll(async () => {
  await h.close();
});

const list = (key: string | null, path = "/api/v1/members") =>
  serve(h, "api.v1.members.list", apiRequest(path, key), (deps, call) => listMembers(deps, call, { limit: 50 }));

describe("a key", () => {
  it("is needed, as a bearer token of the right shape", async () => {
    const none = await list(null);
    expect(none).toMatchObject({ status: 401, code: "API_KEY_REQUIRED" });
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="Gatehouse"');
    const forged = await list(`gatehouse_${"x".repeat(64)}`);
    expect(forged).toMatchObject({ status: 401, code: "INVALID_API_KEY" });
    expect(forged.headers.get("www-authenticate")).toContain('error="invalid_token"');
    // Odd shapes never reach the lookup: a space inside, a second token, another scheme.
    for (const odd of ["a b", "Basic abc", `${"y".repeat(300)}`]) {
      const request = apiRequest("/api/v1/members", null);
      request.headers.set("authorization", odd.startsWith("Basic") ? odd : `Bearer ${odd}`);
      const res = await serve(h, "api.v1.members.list", request, (deps, call) => listMembers(deps, call, { limit: 1 }));
      expect(res.code).toBe("API_KEY_REQUIRED");
    }
  });

  it("reads with members:read, is refused a scope it lacks, and every call is audited with the key as actor", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    const key = await createKey(h, org.id, owner, ["members:read"]);
    const res = await list(key.key);
    expect(res.status).toBe(200);
    expect((res.body.data as Array<{ email: string; role: string }>).map((m) => [m.email, m.role])).toEqual([
      [owner.email, "owner"],
    ]);

    const invite = await serve(h, "api.v1.invitations.create", apiRequest("/api/v1/invitations", key.key), async () => {
      throw new Error("must not run");
    });
    expect(invite).toMatchObject({ status: 403, code: "INSUFFICIENT_SCOPE" });

    const rows = await h.db.select().from(auditEvent).where(eq(auditEvent.actorApiKeyId, key.id));
    expect(rows.map((row) => row.action).sort()).toEqual(["invitation.create.denied", "member.list"]);
    expect(rows.every((row) => row.actorUserId === null && row.organizationId === org.id)).toBe(true);
    const read = rows.find((row) => row.action === "member.list");
    expect(read?.metadata).toMatchObject({ count: 1, apiKey: { name: key.name, creatorUserId: owner.id } });
    expect(read?.ip).toMatch(/^10\.77\./);
  });

  it("answers 429 with the wait once its per-minute limit is used up", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    const key = await createKey(h, org.id, owner, ["members:read"], { rateLimit: 3 });
    for (let i = 0; i < 3; i += 1) expect((await list(key.key)).status).toBe(200);
    const limited = await list(key.key);
    expect(limited).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    const wait = Number(limited.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(limited.body.error?.retryAfter).toBe(wait);
    // Another key of the same organization has its own budget.
    const other = await createKey(h, org.id, owner, ["members:read"], { rateLimit: 3 });
    expect((await list(other.key)).status).toBe(200);
  });

  it("stops working when revoked, expired, or its organization is deleted", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    const revoked = await createKey(h, org.id, owner, ["members:read"]);
    expect((await list(revoked.key)).status).toBe(200);
    await h.db.delete(apikey).where(eq(apikey.id, revoked.id));
    expect(await list(revoked.key)).toMatchObject({ status: 401, code: "INVALID_API_KEY" });

    const expired = await createKey(h, org.id, owner, ["members:read"]);
    await h.db
      .update(apikey)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apikey.id, expired.id));
    expect(await list(expired.key)).toMatchObject({ status: 401, code: "KEY_EXPIRED" });

    const gone = await createKey(h, org.id, owner, ["members:read"]);
    await h.auth.api.deleteOrganization({
      body: { organizationId: org.id },
      headers: (await h.signIn(owner.email)).headers,
    });
    expect(await h.db.select().from(apikey).where(eq(apikey.referenceId, org.id))).toEqual([]);
    expect(await list(gone.key)).toMatchObject({ status: 401, code: "INVALID_API_KEY" });
  });

  it("stops for good when its creator leaves, even if they come back", async () => {
    const owner = await createUser(h, "Owner");
    const coOwner = await createUser(h, "Co-owner");
    const org = await createOrg(h, owner);
    const membership = await join(h, org.id, coOwner, "owner");
    const key = await createKey(h, org.id, coOwner, ["members:read"]);
    expect((await list(key.key)).status).toBe(200);
    await h.db.delete(member).where(eq(member.id, membership.id));
    expect(await list(key.key)).toMatchObject({ status: 401, code: "KEY_DISABLED" });
    await join(h, org.id, coOwner, "owner");
    expect(await list(key.key)).toMatchObject({ status: 401, code: "KEY_DISABLED" });
  });

  it("does no more than its creator may do now: a demoted creator's members:write key is refused", async () => {
    const owner = await createUser(h, "Owner");
    const coOwner = await createUser(h, "Co-owner");
    const org = await createOrg(h, owner);
    const membership = await join(h, org.id, coOwner, "owner");
    const key = await createKey(h, org.id, coOwner, ["members:read", "members:write"]);
    await h.db.update(member).set({ role: "member" }).where(eq(member.id, membership.id));
    const res = await serve(
      h,
      "api.v1.members.remove",
      apiRequest(`/api/v1/members/${membership.id}`, key.key, { method: "DELETE" }),
      async () => {
        throw new Error("must not run");
      },
    );
    expect(res).toMatchObject({ status: 403, code: "KEY_CREATOR_LACKS_PERMISSION" });
    // Reading members needs membership only: that scope still works.
    expect((await list(key.key)).status).toBe(200);
    const denied = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorApiKeyId, key.id), eq(auditEvent.action, "member.remove.denied")));
    expect(denied[0]?.metadata).toMatchObject({ code: "KEY_CREATOR_LACKS_PERMISSION" });
  });

  it("is given only scopes its creator holds (the create action's check)", async () => {
    const owner = await createUser(h, "Owner");
    const org = await createOrg(h, owner);
    await h.auth.api.createOrgRole({
      body: {
        organizationId: org.id,
        role: "inviter",
        permission: { apiKey: ["create"], invitation: ["create", "cancel"] },
      },
      headers: (await h.signIn(owner.email)).headers,
    });
    const inviter = await createUser(h, "Inviter");
    const membership = await join(h, org.id, inviter, "inviter");
    const context = (await h.auth.$context) as unknown as AuthContext;
    const all = ["members:read", "members:write", "invitations:write", "audit:read"] as const;
    expect(await scopesNotHeld(context, membership, all)).toEqual(["members:write", "audit:read"]);
    const [ownerRow] = await h.db.select().from(member).where(eq(member.userId, owner.id));
    expect(await scopesNotHeld(context, ownerRow as typeof membership, all)).toEqual([]);
  });

  it("is made only by a member holding the apiKey permission (better-auth's own check)", async () => {
    const owner = await createUser(h, "Owner");
    const plain = await createUser(h, "Plain");
    const org = await createOrg(h, owner);
    await join(h, org.id, plain, "member");
    await expect(createKey(h, org.id, plain, ["members:read"])).rejects.toMatchObject({
      body: { code: "INSUFFICIENT_API_KEY_PERMISSIONS" },
    });
    const stranger = await createUser(h, "Stranger");
    await expect(createKey(h, org.id, stranger, ["members:read"])).rejects.toMatchObject({
      body: { code: "USER_NOT_MEMBER_OF_ORGANIZATION" },
    });
  });
});

describe("the OpenAPI document", () => {
  it("describes the provisioning API and leaves out the endpoints closed over HTTP", async () => {
    const { user: staff } = await h.auth.api.createUser({
      body: {
        name: "Staff",
        email: "staff-openapi@example.test",
        password: "correct-horse-1",
        role: "admin",
        data: { emailVerified: true },
      },
    });
    const { headers } = await h.signIn(staff.email);
    const res = await h.auth.handler(new Request(`${h.baseURL}/api/auth/open-api/generate-schema`, { headers }));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { "x-gatehouse-scope"?: string; servers?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(
      Object.keys(doc.paths)
        .filter((path) => path.startsWith("/api/v1/"))
        .sort(),
    ).toEqual([
      "/api/v1/audit-events",
      "/api/v1/invitations",
      "/api/v1/invitations/{invitationId}",
      "/api/v1/members",
      "/api/v1/members/{memberId}",
    ]);
    expect(doc.paths["/api/v1/invitations"]?.post?.["x-gatehouse-scope"]).toBe("invitations:write");
    expect(doc.paths["/api/v1/members"]?.servers).toEqual([{ url: new URL(h.baseURL).origin }]);
    expect(Object.keys(doc.paths).filter((path) => path.includes("api-key"))).toEqual([]);
    expect(doc.components.securitySchemes.organizationApiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });
});
