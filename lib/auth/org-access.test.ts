import type { AuthContext } from "better-auth";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { member } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { memberCapabilities, memberHasPermission, memberHeldPermissions } from "./org-access";
import { ORG_AREA_PERMISSIONS, type OrgArea, orgStatements } from "./permissions";

// The guard's request: whose session it is (its cookie) and the harness's database and auth in place of the worker's.
const request = vi.hoisted(() => ({ harness: null as Harness | null, headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("@/db", () => ({ getDb: async () => request.harness?.db, getEnv: async () => ({}) }));
vi.mock("@/lib/auth/auth-for-env", () => ({ authForEnv: () => request.harness?.auth }));
const { getOrgAccess } = await import("./guard");

let h: Harness;
let context: AuthContext;
let counter = 0;

beforeAll(async () => {
  h = await createHarness();
  request.harness = h;
  context = (await h.auth.$context) as unknown as AuthContext;
});
afterAll(async () => {
  await h.close();
});

/** A verified user, signed in: `as()` makes the guard's request theirs. */
async function person(name: string) {
  counter += 1;
  const email = `${name.toLowerCase()}-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: { name, email, password: PASSWORD, data: { emailVerified: true } },
  });
  const { headers } = await h.signIn(email);
  return {
    id: user.id,
    headers,
    as() {
      request.headers = headers;
    },
  };
}

async function organizationOf(owner: Awaited<ReturnType<typeof person>>, name: string) {
  counter += 1;
  const slug = `${name.toLowerCase()}-${counter}`;
  const org = await h.auth.api.createOrganization({ headers: owner.headers, body: { name, slug } });
  if (!org) throw new Error("no organization");
  return org;
}

async function memberRow(organizationId: string, userId: string) {
  const [row] = await h.db
    .select()
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)));
  if (!row) throw new Error("no member row");
  return row;
}

type Listed = Partial<Record<string, string[]>>;

/** Exactly these permissions, every other resource empty: what a role that lists them must hold. */
function exactly(listed: Listed) {
  return Object.fromEntries(Object.keys(orgStatements).map((resource) => [resource, listed[resource] ?? []]));
}

/** The management areas these permissions open, every other one closed. */
function areasOf(listed: Listed) {
  return Object.fromEntries(
    Object.entries(ORG_AREA_PERMISSIONS).map(([area, required]) => [
      area,
      Object.entries(required).every(([resource, actions]: [string, readonly string[]]) =>
        actions.every((action) => listed[resource]?.includes(action)),
      ),
    ]),
  ) as Record<OrgArea, boolean>;
}

describe("organization permission checks", () => {
  it("read the organization's role definitions once per call, however many permissions they check", async () => {
    const counted = h.countingAuth();
    const countedContext = (await counted.auth.$context) as unknown as AuthContext;
    const can = await counted.queries(() =>
      memberCapabilities(countedContext, { organizationId: "org-1", role: "admin" }),
    );
    expect(can.result.invitations).toBe(true);
    expect(can.statements).toBe(1);

    const held = await counted.queries(() =>
      memberHeldPermissions(countedContext, { organizationId: "org-1", role: "member" }),
    );
    expect(Object.keys(held.result).length).toBeGreaterThan(0);
    expect(held.statements).toBe(1);
  });
});

describe("resolving an organization (getOrgAccess)", () => {
  it("gives a member their own organization and nobody another's: not a member of B, not anyone, not once removed", async () => {
    const alice = await person("Alice");
    const acme = await organizationOf(alice, "Acme");
    const bob = await person("Bob");
    const globex = await organizationOf(bob, "Globex");
    const carol = await person("Carol");
    await h.auth.api.addMember({ body: { organizationId: acme.id, userId: carol.id, role: "member" } });
    const outsider = await person("Olga");

    alice.as();
    const own = await getOrgAccess(acme.slug);
    expect(own).toMatchObject({ org: { id: acme.id }, member: { userId: alice.id, role: "owner" } });
    expect(own?.can.owner).toBe(true);
    // A member of A asking for B, which exists, gets what a stranger to both gets: nothing.
    expect(await getOrgAccess(globex.slug)).toBeNull();
    expect(await getOrgAccess("no-such-organization")).toBeNull();

    outsider.as();
    expect(await getOrgAccess(acme.slug)).toBeNull();
    expect(await getOrgAccess(globex.slug)).toBeNull();

    carol.as();
    const plain = await getOrgAccess(acme.slug);
    expect(plain).toMatchObject({ org: { id: acme.id }, member: { userId: carol.id, role: "member" } });
    expect(plain?.can).toMatchObject({ owner: false, invitations: false, settings: false, removeMembers: false });
    await h.auth.api.removeMember({
      headers: alice.headers,
      body: { organizationId: acme.id, memberIdOrEmail: (await memberRow(acme.id, carol.id)).id },
    });
    expect(await getOrgAccess(acme.slug)).toBeNull();
  });
});

describe("custom roles", () => {
  it("grant exactly the permissions they list, no more, and only in their own organization", async () => {
    const owner = await person("Owner");
    const org = await organizationOf(owner, "Custom");
    const other = await organizationOf(owner, "Elsewhere");
    const listed = { invitation: ["create"], team: ["update"], audit: ["read"] };
    await h.auth.api.createOrgRole({
      headers: owner.headers,
      body: { organizationId: org.id, role: "recruiter", permission: listed },
    });
    const recruiter = { organizationId: org.id, role: "recruiter" };

    expect(await memberHeldPermissions(context, recruiter)).toEqual(exactly(listed));
    expect(await memberCapabilities(context, recruiter)).toEqual({ ...areasOf(listed), owner: false });
    expect(await memberHasPermission(context, recruiter, { invitation: ["create"], team: ["update"] })).toBe(true);
    expect(await memberHasPermission(context, recruiter, { invitation: ["cancel"] })).toBe(false);
    expect(await memberHasPermission(context, recruiter, { team: ["update", "delete"] })).toBe(false);

    // The same role name in an organization that never defined it grants nothing.
    const stranger = { organizationId: other.id, role: "recruiter" };
    expect(await memberHeldPermissions(context, stranger)).toEqual(exactly({}));
    expect(await memberHasPermission(context, stranger, { invitation: ["create"] })).toBe(false);

    // And a member holding it is resolved with exactly those capabilities.
    const hire = await person("Hire");
    await h.auth.api.addMember({ body: { organizationId: org.id, userId: hire.id, role: "recruiter" as "member" } });
    hire.as();
    expect((await getOrgAccess(org.slug))?.can).toEqual({ ...areasOf(listed), owner: false });
    // After the role loses a permission, the member loses it too.
    await h.auth.api.updateOrgRole({
      headers: owner.headers,
      body: { organizationId: org.id, roleName: "recruiter", data: { permission: { invitation: ["create"] } } },
    });
    expect((await getOrgAccess(org.slug))?.can).toEqual({ ...areasOf({ invitation: ["create"] }), owner: false });
  });
});
