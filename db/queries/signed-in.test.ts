// Every console request decides on one D1 call: the session row of the claimed token, its user and their memberships
// (lib/auth/server.ts). The claim may come from better-auth's cookie cache; what stands is what the rows say.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizationPolicy, organizationRole } from "@/db/schema";
import { confirms } from "@/lib/auth/session-check";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { securityOverviewRead, selectSecurityOverview } from "./account-security";
import { type BatchedRead, runRead } from "./batched-read";
import { suggestedOrganizationsRead } from "./domains";
import { myMembershipsQuery } from "./organizations";
import { selectSignedIn, sessionWithUserQuery } from "./signed-in";
import { selectUsersPage, type UserListQuery, usersPageRead } from "./users";

/** What `read` makes of the results its statements got in a batch with others. */
function mapped<T>(read: BatchedRead<T>, page: { results: unknown[] } | null) {
  return read.map(page?.results ?? [], h.db);
}

let h: Harness;
let ada: string;
const orgs: Record<string, string> = {};
beforeAll(async () => {
  h = await createHarness();
  const body = { name: "Ada", email: "ada@example.test", password: PASSWORD, data: { emailVerified: true } };
  ada = (await h.auth.api.createUser({ body })).user.id;
  for (const [name, slug] of [
    ["Zeta Works", "zeta"],
    ["Acme", "acme"],
  ] as const) {
    const org = await h.auth.api.createOrganization({ body: { name, slug, userId: ada } });
    if (!org) throw new Error("no organization");
    orgs[slug] = org.id;
  }
  await h.db.batch([
    h.db.insert(organizationPolicy).values({ organizationId: orgs.zeta as string, requireTwoFactor: true }),
    h.db
      .insert(organizationRole)
      .values({ id: "r-1", organizationId: orgs.zeta as string, role: "auditor", permission: '{"audit":["read"]}' }),
  ]);
});
afterAll(() => h.close());

describe("selectSignedIn", () => {
  it("reads the session of the token, its user and the memberships by organization name, policies and custom roles included", async () => {
    const { token } = await h.signIn("ada@example.test");
    const rows = await selectSignedIn(h.db, token, ada);
    expect(rows.session).toMatchObject({ token, userId: ada });
    expect(rows.session?.expiresAt).toBeInstanceOf(Date);
    expect(rows.user).toMatchObject({ id: ada, email: "ada@example.test", emailVerified: true });
    expect(rows.memberships.map((m) => m.org.slug)).toEqual(["acme", "zeta"]);
    const [acme, zeta] = rows.memberships;
    expect(acme).toMatchObject({ org: { id: orgs.acme, name: "Acme" }, member: { userId: ada, role: "owner" } });
    expect(acme?.member.createdAt).toBeInstanceOf(Date);
    expect(acme?.policy).toBeNull();
    expect(acme?.roles).toEqual([]);
    expect(zeta?.policy).toMatchObject({ organizationId: orgs.zeta, requireTwoFactor: true, gracePeriodDays: 7 });
    expect(zeta?.roles).toEqual([{ role: "auditor", permission: '{"audit":["read"]}' }]);
  });

  it("finds nothing for a token that is not a session's, and no memberships for someone in none", async () => {
    const rows = await selectSignedIn(h.db, "not-a-token", "nobody");
    expect(rows).toEqual({ session: null, user: null, memberships: [], page: null });
  });

  it("carries a page's read: its results map to what the read alone returns", async () => {
    const { token } = await h.signIn("ada@example.test");
    const now = new Date();
    const security = securityOverviewRead(ada, now);
    const carried = await selectSignedIn(h.db, token, ada, security);
    expect(carried.page?.key).toBe(security.key);
    expect(await mapped(security, carried.page)).toEqual(await selectSecurityOverview(h.db, ada, now));

    const query: UserListQuery = {
      search: "",
      filters: { role: [], status: null, verified: null, twoFactor: null },
      sort: { id: "createdAt", desc: true },
      perPage: 20,
      offset: 0,
    };
    const users = usersPageRead(query);
    const withUsers = await selectSignedIn(h.db, token, ada, users);
    expect(await mapped(users, withUsers.page)).toEqual(await selectUsersPage(h.db, query));
    expect((await selectUsersPage(h.db, query)).data.map((u) => u.email)).toContain("ada@example.test");
    // Past the end, the total is counted in a follow-up read.
    const past = usersPageRead({ ...query, offset: 40 });
    const withPast = await selectSignedIn(h.db, token, ada, past);
    expect(await mapped(past, withPast.page)).toMatchObject({ data: [], rowCount: 1 });

    const suggested = suggestedOrganizationsRead(ada, "example.test");
    expect(await runRead(h.db, suggested)).toEqual([]);
    expect((await selectSignedIn(h.db, token, ada)).page).toBeNull();
  });

  it("names no column twice in any of its statements (D1 keys a batch's rows by column name)", async () => {
    const statements = [
      sessionWithUserQuery(h.db, "t"),
      myMembershipsQuery(h.db, ada),
      ...securityOverviewRead(ada).statements(h.db),
      ...suggestedOrganizationsRead(ada, "example.test").statements(h.db),
      ...usersPageRead({
        search: "ada",
        filters: { role: [], status: null, verified: null, twoFactor: null },
        sort: { id: "name", desc: false },
        perPage: 20,
        offset: 0,
      }).statements(h.db),
    ];
    for (const statement of statements) {
      const { sql: text, params } = statement.toSQL();
      const { columns } = await h.client.execute({ sql: text, args: params as never[] });
      expect(new Set(columns).size).toBe(columns.length);
    }
  });
});

describe("confirms", () => {
  async function claimAndRows() {
    const { token } = await h.signIn("ada@example.test");
    const claim = { token, user: { id: ada } };
    return { claim, token, rows: await selectSignedIn(h.db, token, ada) };
  }

  it("confirms a live session of the claimed user", async () => {
    const { claim, rows } = await claimAndRows();
    expect(confirms(claim, rows, new Date())).toBe(true);
  });

  it("refuses a session whose row is gone (signed out, revoked, banned), expired, or not the claimed user's", async () => {
    const { claim, token, rows } = await claimAndRows();
    const now = new Date();
    expect(confirms(claim, { ...rows, session: null }, now)).toBe(false);
    expect(confirms(claim, { ...rows, user: null }, now)).toBe(false);
    expect(confirms(claim, rows, new Date((rows.session?.expiresAt.getTime() ?? 0) + 1))).toBe(false);
    expect(confirms({ ...claim, user: { id: "someone-else" } }, rows, now)).toBe(false);
    expect(confirms({ ...claim, token: "another-token" }, rows, now)).toBe(false);

    await h.auth.api.revokeSession({ headers: (await h.signIn("ada@example.test")).headers, body: { token } });
    const after = await selectSignedIn(h.db, token, ada);
    expect(after.session).toBeNull();
    expect(confirms(claim, after, now)).toBe(false);
  });

  it("the expiry it checks is the row's: a session ended early in D1 ends now", async () => {
    const { claim, token } = await claimAndRows();
    await h.db.run(sql`update session set expires_at = ${Date.now() - 1000} where token = ${token}`);
    expect(confirms(claim, await selectSignedIn(h.db, token, ada), new Date())).toBe(false);
  });
});
