// The member counters of migrations/0008 follow better-auth's own writes: creating an organization, adding and
// removing members, deleting the organization.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { selectMembersPage, selectMembersPageWithTeams } from "./members";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function totals(organizationId: string) {
  const [row] = await h.db.all<{ counter: number | null; counted: number; orgs: number; orgRows: number }>(
    sql`select (select n from organization_member_total where organization_id = ${organizationId}) as counter,
      (select count(*) from member where organization_id = ${organizationId}) as counted,
      (select n from organization_total) as orgs, (select count(*) from organization) as orgRows`,
  );
  return row;
}

/** The per-role-string counter (migrations/0009) next to a real count: they must agree. */
async function roleTotals(organizationId: string) {
  const kept = await h.db.all<{ role: string; n: number }>(
    sql`select role, n from organization_role_total where organization_id = ${organizationId} order by role`,
  );
  const counted = await h.db.all<{ role: string; n: number }>(
    sql`select role, count(*) as n from member where organization_id = ${organizationId} group by role order by role`,
  );
  return { kept, counted };
}

async function user(key: string) {
  const body = { name: key, email: `${key}@example.test`, password: PASSWORD, data: { emailVerified: true } };
  return (await h.auth.api.createUser({ body })).user.id;
}

it("counts members and their roles as better-auth adds, re-roles and removes them; the unfiltered total is the counter", async () => {
  const owner = await user("owner");
  const org = await h.auth.api.createOrganization({ body: { name: "Counted", slug: "counted", userId: owner } });
  if (!org) throw new Error("no organization");
  expect(await totals(org.id)).toMatchObject({ counter: 1, counted: 1 });

  const added = await Promise.all(["ann", "bob", "cy"].map(user));
  for (const userId of added) {
    await h.auth.api.addMember({ body: { organizationId: org.id, userId, role: "member" } });
  }
  expect(await totals(org.id)).toMatchObject({ counter: 4, counted: 4 });

  const { headers } = await h.signIn("owner@example.test");
  const ann = await h.auth.api.listMembers({ headers, query: { organizationId: org.id } });
  const annId = ann.members.find((m) => m.user.email === "ann@example.test")?.id as string;
  await h.auth.api.updateMemberRole({
    headers,
    body: { organizationId: org.id, memberId: annId, role: ["admin", "member"] },
  });
  const roles = await roleTotals(org.id);
  expect(roles.kept).toEqual(roles.counted);
  expect(roles.kept).toEqual([
    { role: "admin,member", n: 1 },
    { role: "member", n: 2 },
    { role: "owner", n: 1 },
  ]);
  await h.auth.api.removeMember({ headers, body: { organizationId: org.id, memberIdOrEmail: "bob@example.test" } });
  expect(await totals(org.id)).toMatchObject({ counter: 3, counted: 3 });
  expect((await roleTotals(org.id)).kept).toEqual((await roleTotals(org.id)).counted);
  const query = {
    search: "",
    filters: { role: [] },
    sort: { id: "name" as const, desc: false },
    perPage: 2,
    offset: 0,
  };
  const page = await selectMembersPage(h.db, org.id, query);
  expect({ rows: page.data.length, rowCount: page.rowCount, pageCount: page.pageCount }).toEqual({
    rows: 2,
    rowCount: 3,
    pageCount: 2,
  });
  // Filtered, the total counts the matches.
  expect((await selectMembersPage(h.db, org.id, { ...query, search: "ann" })).rowCount).toBe(1);
  // Read with the teams in one D1 call (the page of someone who may invite), and past the last page: the same answers.
  await h.auth.api.createTeam({ headers, body: { organizationId: org.id, name: "Core" } });
  // Named by id (the guard's), or by slug and viewer (planned before the guard ran, app/(console)/page-reads.ts).
  for (const q of [query, { ...query, offset: 4 }]) {
    for (const ref of [{ id: org.id }, {}]) {
      expect(await selectMembersPageWithTeams(h.db, { slug: org.slug, userId: owner, ...ref }, q)).toEqual({
        teams: [{ id: expect.any(String), name: "Core" }],
        page: await selectMembersPage(h.db, org.id, q),
      });
    }
  }
  // By slug, it is only ever the viewer's own organization: someone not in it reads nothing.
  const outsider = await user("outsider");
  expect(await selectMembersPageWithTeams(h.db, { slug: org.slug, userId: outsider }, query)).toEqual({
    teams: [],
    page: { data: [], rowCount: 0, pageCount: 1 },
  });

  const before = await totals(org.id);
  await h.auth.api.deleteOrganization({ headers, body: { organizationId: org.id } });
  const after = await totals(org.id);
  expect(after).toMatchObject({ counter: null, counted: 0, orgs: (before?.orgs ?? 0) - 1 });
  expect(after?.orgs).toBe(after?.orgRows);
  expect((await roleTotals(org.id)).kept).toEqual([]);
});
