// Every search query, fed the text a hostile or merely unusual person types: each must answer rows or an empty page,
// never throw. libsql does not enforce D1's 50-byte LIKE/GLOB pattern cap (`LIKE or GLOB pattern too complex`), so
// the last test is the guard for it: no statement these queries issue may hold a LIKE or a GLOB at all.
import { like } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, fromLibsql } from "@/db/database";
import * as schema from "@/db/schema";
import { auditEvent, invitation, member, organization, team, teamMember, user } from "@/db/schema";
import { createHarness, type Harness } from "@/test/auth-harness";
import { selectOrganizationsPage } from "./admin-organizations";
import { selectAuditPage } from "./audit";
import { selectInvitationsPage } from "./invitations";
import { selectMembersPage } from "./members";
import { selectOrgAuditPage } from "./org-audit";
import { containsAny, holdsAnyRole, prefixUpperBound, searchTerm, startsWith } from "./search";
import { selectTeamMembersPage, selectTeamsPage } from "./teams";
import { selectUsersPage } from "./users";

/** Past D1's LIKE cap, edge code points, LIKE wildcards, quotes, SQL and FTS5 syntax. */
const HOSTILE = [
  "",
  "   ",
  "x".repeat(100), // the cap
  "é".repeat(30), // 30 characters, 60 bytes of UTF-8
  "😀".repeat(15), // 15 characters, 60 bytes
  "a".repeat(60),
  "z".repeat(250), // past the cap: the query must not rely on the parser having cut it
  "\u{10FFFF}",
  "\u{10FFFF}\u{10FFFF}",
  "a\u{10FFFF}",
  "\u{10FFFF}abc",
  "\u0000",
  "\u0000\u0000\u0000",
  "a\u0000b",
  "ada\u0000",
  "\uD800",
  "\uDFFF",
  "ab\uD83D",
  "\uDE00ab",
  "😀",
  "a😀",
  "e\u0301",
  "\u0301",
  "\u0301\u0301\u0301",
  "שלום",
  "مرحبا بالعالم",
  "\u202Eevil",
  "\u200B\u200D\uFEFF",
  "%",
  "_",
  "\\",
  "%%",
  "%_%",
  "\\%",
  "\\_",
  "%".repeat(100),
  "_".repeat(100),
  "\\".repeat(100),
  "'",
  "''",
  "'; drop table user; --",
  '"',
  '""',
  '"""',
  '"'.repeat(100),
  '"ada"',
  '"ada',
  "*",
  "ada*",
  "a*b",
  "NEAR",
  "NEAR(ada lovelace)",
  "NEAR(a b, 2)",
  "-ada",
  "ada -lovelace",
  "email:ada",
  "{email name}:ada",
  ":",
  "^ada",
  "^",
  "(",
  ")",
  "(ada)",
  "((((",
  "ada AND lovelace",
  "ada OR bob",
  "NOT ada",
  "AND",
  "OR",
  "NOT",
  "ada + bob",
  "[a-z]",
  "?",
  "\t\n\r",
];

let h: Harness;
/** Every statement the queries issue, as sent (the guard against LIKE reads these). */
let recorded: string[] = [];
let db: Database;

const ORG = "org-acme";
const OTHER_ORG = "org-globex";
const CORE_TEAM = "team-core";
const at = new Date("2026-05-14T10:00:00Z");

async function seedUser(id: string, name: string, email: string) {
  await db.insert(user).values({ id, name, email, emailVerified: true });
}

beforeAll(async () => {
  h = await createHarness();
  db = fromLibsql(drizzle(h.client, { schema, logger: { logQuery: (sql) => recorded.push(sql) } }));
  await seedUser("u-ada", "Ada Lovelace", "ada@example.test");
  await seedUser("u-percy", "Percy 50%_off", "percy@example.test");
  await seedUser("u-zoe", "Zoë 😀 שלום", "zoe@example.test");
  await seedUser("u-ursula", "_Ursula", "ursula@example.test");
  await seedUser("u-bob", "Bob Plain", "bob@example.test");
  await db.insert(organization).values([
    { id: ORG, name: "Acme 50%_Corp", slug: "acme", createdAt: at },
    { id: OTHER_ORG, name: "Globex", slug: "globex", createdAt: at },
  ]);
  await db.insert(member).values([
    { id: "m-ada", organizationId: ORG, userId: "u-ada", role: "owner", createdAt: at },
    { id: "m-percy", organizationId: ORG, userId: "u-percy", role: "member", createdAt: at },
    { id: "m-zoe", organizationId: ORG, userId: "u-zoe", role: "admin,member", createdAt: at },
    { id: "m-ursula", organizationId: ORG, userId: "u-ursula", role: `member,${"r".repeat(60)}`, createdAt: at },
    { id: "m-bob", organizationId: OTHER_ORG, userId: "u-bob", role: "owner", createdAt: at },
  ]);
  await db.insert(team).values([
    { id: CORE_TEAM, name: "Core 50%_team", organizationId: ORG, createdAt: at },
    { id: "team-design", name: "Design", organizationId: ORG, createdAt: at },
    { id: "team-emoji", name: "Ünïcode 😀 team", organizationId: ORG, createdAt: at },
    { id: "team-globex", name: "Globex Design", organizationId: OTHER_ORG, createdAt: at },
  ]);
  await db.insert(teamMember).values([
    { id: "tm-ada", teamId: CORE_TEAM, userId: "u-ada", createdAt: at },
    { id: "tm-percy", teamId: CORE_TEAM, userId: "u-percy", createdAt: at },
  ]);
  const expiresAt = new Date(Date.now() + 86_400_000);
  await db.insert(invitation).values([
    { id: "i-percent", organizationId: ORG, email: "per%cy_inv@example.test", inviterId: "u-ada", expiresAt },
    { id: "i-plain", organizationId: ORG, email: "plain-invitee@example.test", inviterId: "u-ada", expiresAt },
    { id: "i-globex", organizationId: OTHER_ORG, email: "plain-globex@example.test", inviterId: "u-bob", expiresAt },
  ]);
  await db.insert(auditEvent).values([
    {
      id: "a-role",
      at,
      action: "member.role.update",
      actorUserId: "u-ada",
      targetUserId: "u-percy",
      organizationId: ORG,
      reason: "raise 50%_off",
    },
    { id: "a-add", at, action: "member.add", actorUserId: "u-zoe", targetUserId: "u-ada", organizationId: ORG },
    { id: "a-ban", at, action: "user.ban", actorUserId: "u-ada", targetUserId: "u-ursula", reason: "spam" },
    {
      id: "a-globex",
      at,
      action: "member.add",
      actorUserId: "u-bob",
      targetUserId: "u-bob",
      organizationId: OTHER_ORG,
    },
  ]);
});
afterAll(async () => {
  await h.close();
});

const page = { perPage: 50, offset: 0 };

interface Page {
  data: unknown[];
  rowCount: number;
  pageCount: number;
}

/** Runs `search` with every hostile term: each gives a page (rows or none) and nothing throws. */
async function survivesHostileTerms(search: (term: string) => Promise<Page>) {
  for (const term of HOSTILE) {
    const result = await search(term).catch((error: unknown) => {
      throw new Error(`search ${JSON.stringify(term)} threw: ${String(error)}`);
    });
    expect(Array.isArray(result.data), JSON.stringify(term)).toBe(true);
    expect(result.rowCount, JSON.stringify(term)).toBeGreaterThanOrEqual(result.data.length);
    expect(result.pageCount, JSON.stringify(term)).toBeGreaterThanOrEqual(1);
  }
}

const users = (search: string) =>
  selectUsersPage(db, {
    search,
    filters: { role: [], status: null, verified: null, twoFactor: null },
    sort: { id: "email", desc: false },
    ...page,
  });
const emailsOf = async (search: string) => (await users(search)).data.map((row) => row.email);

const organizations = (search: string) =>
  selectOrganizationsPage(db, { search, sort: { id: "name", desc: false }, ...page });
const slugsOf = async (search: string) => (await organizations(search)).data.map((row) => row.slug);

const audit = (search: string) => selectAuditPage(db, { search }, page);
const auditIds = async (search: string) => (await audit(search)).data.map((row) => row.id).sort();

const orgAudit = (search: string, organizationId = ORG) =>
  selectOrgAuditPage(db, organizationId, { search, filters: { action: [] }, sort: { id: "at", desc: true }, ...page });
const orgAuditIds = async (search: string) => (await orgAudit(search)).data.map((row) => row.id).sort();

const invitations = (search: string, organizationId = ORG) =>
  selectInvitationsPage(db, organizationId, { search, sort: { id: "email", desc: false }, ...page });
const invitationIds = async (search: string) => (await invitations(search)).data.map((row) => row.id);

const members = (search: string, roles: string[] = []) =>
  selectMembersPage(db, ORG, { search, filters: { role: roles }, sort: { id: "email", desc: false }, ...page });
const memberIds = async (search: string, roles: string[] = []) =>
  (await members(search, roles)).data.map((row) => row.id);

const teams = (search: string, organizationId = ORG) =>
  selectTeamsPage(db, organizationId, { search, sort: { id: "name", desc: false }, ...page });
const teamIds = async (search: string) => (await teams(search)).data.map((row) => row.id);

const teamMembers = (search: string) =>
  selectTeamMembersPage(db, ORG, CORE_TEAM, { search, sort: { id: "email", desc: false }, ...page });
const teamMemberIds = async (search: string) => (await teamMembers(search)).data.map((row) => row.userId);

describe("search helpers", () => {
  it("cleans the term: well-formed, no NUL, trimmed", () => {
    expect(searchTerm("  a\u0000b \uD800")).toBe("ab \uFFFD");
    expect(searchTerm("\u0000\u0000")).toBe("");
    expect(containsAny("\u0000 ", [user.name])).toBeUndefined();
  });

  it("bounds a prefix with carry past U+10FFFF and around the surrogates, or not at all", () => {
    expect(prefixUpperBound("user.")).toBe("user/");
    expect(prefixUpperBound("a\u{10FFFF}\u{10FFFF}")).toBe("b");
    expect(prefixUpperBound("\u{10FFFF}")).toBeNull();
    expect(prefixUpperBound("")).toBeNull();
    expect(prefixUpperBound("\uD7FF")).toBe("\uE000");
    expect(prefixUpperBound("\u{1F600}")).toBe("\u{1F601}");
    expect(prefixUpperBound("\uFFFF")).toBe("\u{10000}");
  });
});

describe("selectUsersPage (/admin/users)", () => {
  it("survives every hostile term", () => survivesHostileTerms(users));

  it("still finds ordinary terms, 3+ characters anywhere, 1–2 as a prefix", async () => {
    expect(await emailsOf("lovelace")).toEqual(["ada@example.test"]);
    expect(await emailsOf("ADA")).toEqual(["ada@example.test"]);
    expect(await emailsOf("bo")).toEqual(["bob@example.test"]);
    expect(await emailsOf("😀 שלום")).toEqual(["zoe@example.test"]);
    expect(await emailsOf("a\u0000da lovelace")).toEqual(["ada@example.test"]); // the NUL is not searched for
  });

  it("takes %, _ and \\ literally", async () => {
    expect(await emailsOf("50%_")).toEqual(["percy@example.test"]);
    expect(await emailsOf("%_o")).toEqual(["percy@example.test"]);
    expect(await emailsOf("_")).toEqual(["ursula@example.test"]); // the name "_Ursula" starts so
    expect(await emailsOf("%")).toEqual([]);
    expect(await emailsOf("\\")).toEqual([]);
    // After "@" the NOCASE bound is "[", not "A" (which compares as "a" and would take in "_Ursula").
    expect(await emailsOf("@")).toEqual([]);
  });

  it("treats FTS5 syntax and quotes as characters", async () => {
    expect(await emailsOf('"""')).toEqual([]);
    expect(await emailsOf('"lovelace"')).toEqual([]);
    expect(await emailsOf("ada OR bob")).toEqual([]);
    expect(await emailsOf("ada*")).toEqual([]);
    expect(await emailsOf("NEAR(ada lovelace)")).toEqual([]);
  });
});

describe("selectOrganizationsPage (/admin/organizations)", () => {
  it("survives every hostile term", () => survivesHostileTerms(organizations));

  it("finds by name or slug, any case, and takes % and _ literally", async () => {
    expect(await slugsOf("GLOB")).toEqual(["globex"]);
    expect(await slugsOf("acme")).toEqual(["acme"]);
    expect(await slugsOf("%")).toEqual(["acme"]);
    expect(await slugsOf("_")).toEqual(["acme"]);
    expect(await slugsOf("0%_c")).toEqual(["acme"]);
    expect(await slugsOf("%x%")).toEqual([]);
  });
});

describe("selectAuditPage (/admin/audit)", () => {
  it("survives every hostile term, in the search and as an action prefix", async () => {
    await survivesHostileTerms(audit);
    await survivesHostileTerms((term) => selectAuditPage(db, { action: `${term}.` }, page));
    await survivesHostileTerms((term) => selectAuditPage(db, { action: `${term}*` }, page));
    await survivesHostileTerms((term) => selectAuditPage(db, { actor: term, target: term, organization: term }, page));
  });

  it("finds by reason, action or email, and takes % and _ literally", async () => {
    expect(await auditIds("SPAM")).toEqual(["a-ban"]);
    expect(await auditIds("percy@")).toEqual(["a-role"]);
    expect(await auditIds("role.upd")).toEqual(["a-role"]);
    expect(await auditIds("%")).toEqual(["a-role"]);
    expect(await auditIds("_")).toEqual(["a-role"]);
    expect(await auditIds("50%_off")).toEqual(["a-role"]);
  });

  it("filters actions by prefix as a range, literally", async () => {
    const ids = async (action: string) =>
      (await selectAuditPage(db, { action }, page)).data.map((row) => row.id).sort();
    expect(await ids("member.")).toEqual(["a-add", "a-globex", "a-role"]);
    expect(await ids("member.role*")).toEqual(["a-role"]);
    expect(await ids("user.ban")).toEqual(["a-ban"]);
    expect(await ids("%.")).toEqual([]);
    expect(await ids("_ser.")).toEqual([]);
    expect((await ids("*")).length).toBe(4);
  });
});

describe("selectOrgAuditPage (/org/[slug]/audit)", () => {
  it("survives every hostile term", () => survivesHostileTerms(orgAudit));

  it("finds by the actor's or target's name or email, in this organization only, % and _ literally", async () => {
    expect(await orgAuditIds("lovelace")).toEqual(["a-add", "a-role"]);
    expect(await orgAuditIds("ZOE@")).toEqual(["a-add"]);
    expect(await orgAuditIds("bob")).toEqual([]);
    expect(await orgAuditIds("%")).toEqual(["a-role"]);
    expect(await orgAuditIds("_")).toEqual(["a-role"]);
  });
});

describe("selectInvitationsPage (/org/[slug]/invitations)", () => {
  it("survives every hostile term", () => survivesHostileTerms(invitations));

  it("finds by email, in this organization only, % and _ literally", async () => {
    expect(await invitationIds("PLAIN")).toEqual(["i-plain"]);
    expect(await invitationIds("%")).toEqual(["i-percent"]);
    expect(await invitationIds("_")).toEqual(["i-percent"]);
    expect(await invitationIds("r%cy_i")).toEqual(["i-percent"]);
    expect(await invitationIds("globex")).toEqual([]);
  });
});

describe("selectMembersPage (/org/[slug]/members)", () => {
  it("survives every hostile term", () => survivesHostileTerms(members));

  it("finds by name or email, any case, % and _ literally", async () => {
    expect(await memberIds("LOVELACE")).toEqual(["m-ada"]);
    expect(await memberIds("zoë 😀")).toEqual(["m-zoe"]);
    expect(await memberIds("%")).toEqual(["m-percy"]);
    expect(await memberIds("_")).toEqual(["m-percy", "m-ursula"]);
    expect(await memberIds("0%_o")).toEqual(["m-percy"]);
    expect(await memberIds("bob")).toEqual([]); // another organization's member
  });

  it("filters by any role in the comma list, a role name past D1's pattern cap included", async () => {
    expect(await memberIds("", ["admin"])).toEqual(["m-zoe"]);
    expect(await memberIds("", ["member"])).toEqual(["m-percy", "m-ursula", "m-zoe"]);
    expect(await memberIds("", ["r".repeat(60)])).toEqual(["m-ursula"]);
    expect(await memberIds("", ["r"])).toEqual([]);
    expect(holdsAnyRole(member.role, [])).toBeUndefined();
  });
});

describe("selectTeamsPage (/org/[slug]/teams)", () => {
  it("survives every hostile term", () => survivesHostileTerms(teams));

  it("finds by name, in this organization only, % and _ literally", async () => {
    expect(await teamIds("DESIGN")).toEqual(["team-design"]);
    expect(await teamIds("😀 team")).toEqual(["team-emoji"]);
    expect(await teamIds("%")).toEqual(["team-core"]);
    expect(await teamIds("_")).toEqual(["team-core"]);
    expect(await teamIds("globex")).toEqual([]);
  });
});

describe("selectTeamMembersPage (/org/[slug]/teams/[teamId])", () => {
  it("survives every hostile term", () => survivesHostileTerms(teamMembers));

  it("finds by name or email, % and _ literally", async () => {
    expect(await teamMemberIds("ADA")).toEqual(["u-ada"]);
    expect(await teamMemberIds("%")).toEqual(["u-percy"]);
    expect(await teamMemberIds("_")).toEqual(["u-percy"]);
    expect(await teamMemberIds("zoe")).toEqual([]); // in the organization, not in the team
  });
});

describe("no LIKE or GLOB from user text (D1 caps their patterns at 50 bytes)", () => {
  const LIKE_OR_GLOB = /\b(like|glob)\b/i;
  const term = "%_\\ 60 bytes of search, well past D1's LIKE pattern limit: 😀é";

  it("issues no LIKE or GLOB in any search query", async () => {
    recorded = [];
    await users(term);
    await users("ab"); // the prefix path
    await users("\u{10FFFF}"); // the open-ended prefix path
    await organizations(term);
    await audit(term);
    await selectAuditPage(db, { action: `${term}.`, actor: term, target: term, organization: term }, page);
    await orgAudit(term);
    await invitations(term);
    await members(term, ["member", "r".repeat(60)]);
    await teams(term);
    await teamMembers(term);
    const statements = recorded;
    recorded = [];
    // Users and members: one statement each (the total rides on the rows); every other page: its rows and its total.
    expect(statements).toHaveLength(18);
    for (const statement of statements) expect(statement).not.toMatch(LIKE_OR_GLOB);
    // The check itself would see one.
    expect(db.select().from(user).where(like(user.name, term)).toSQL().sql).toMatch(LIKE_OR_GLOB);
  });

  it("builds the shared conditions without LIKE or GLOB", () => {
    const dialect = db
      .select()
      .from(user)
      .where(containsAny(term, [user.name, user.email]))
      .toSQL().sql;
    expect(dialect).toContain("instr(lower(");
    for (const condition of [
      containsAny(term, [user.name, user.email]),
      startsWith(auditEvent.action, term),
      startsWith(auditEvent.action, "\u{10FFFF}"),
      holdsAnyRole(member.role, [term]),
    ]) {
      expect(db.select().from(user).where(condition).toSQL().sql).not.toMatch(LIKE_OR_GLOB);
    }
  });
});
