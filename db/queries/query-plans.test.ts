// EXPLAIN QUERY PLAN of the hot queries, as they are really issued: each query function (and better-auth's own
// session lookup) runs against the migrated schema through a Drizzle instance that records its SQL, and SQLite plans
// that SQL with the same parameters. A plan line that reads a whole table or index (`SCAN x`) fails the test unless
// the test names it and says why it is bounded; a sort step (`USE TEMP B-TREE`) is allowed only where noted.
// libsql's SQLite is not D1's: the same statements were also planned on local D1 (workerd) over the bench's 100k users
// (`wrangler d1 execute DB --local --persist-to bench/state --command "explain query plan …"`), which is how the
// OR of two prefix ranges was caught walking the whole order index there (now a UNION of the two ranges).
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, fromLibsql } from "@/db/database";
import * as schema from "@/db/schema";
import { createHarness, type Harness, PASSWORD, signInWith } from "@/test/auth-harness";
import { selectActivity } from "./activity";
import { selectOverviewCounts } from "./admin-overview";
import { selectAuditPage } from "./audit";
import { type MembersQuery, selectMembersPage } from "./members";
import { selectOrgAuditPage } from "./org-audit";
import { selectUsersPage, type UserListQuery } from "./users";

let h: Harness;
let db: Database;
let recorded: Array<{ sql: string; params: unknown[] }> = [];

interface Planned {
  sql: string;
  plan: string[];
}

/** The SQL statements `run` issues, each with SQLite's query plan for it. */
async function plans(run: () => Promise<unknown>): Promise<Planned[]> {
  recorded = [];
  await run();
  const statements = recorded;
  recorded = [];
  return Promise.all(
    statements.map(async ({ sql, params }) => {
      const result = await h.client.execute({ sql: `explain query plan ${sql}`, args: params as never });
      return { sql, plan: result.rows.map((row) => String(row.detail)) };
    }),
  );
}

/**
 * Plan lines that walk a whole table or index (a `SCAN`), leaving out the scan of a subquery's own result rows (a
 * co-routine's or a materialized CTE's).
 */
function scans(plan: string[]): string[] {
  const coroutines = new Set(plan.flatMap((line) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(line)?.[1] ?? []));
  return plan.filter((line) => {
    const table = /^SCAN (\S+)/.exec(line)?.[1];
    return table !== undefined && !coroutines.has(table) && !line.includes("VIRTUAL TABLE");
  });
}

const sorts = (plan: string[]) => plan.filter((line) => line.startsWith("USE TEMP B-TREE"));

beforeAll(async () => {
  h = await createHarness();
  db = fromLibsql(drizzle(h.client, { schema, logger: { logQuery: (sql, params) => recorded.push({ sql, params }) } }));
});
afterAll(async () => {
  await h.close();
});

const noFilters: UserListQuery["filters"] = { role: [], status: null, verified: null, twoFactor: null };
const usersQuery = (over: Partial<UserListQuery> = {}): UserListQuery => ({
  search: "",
  filters: noFilters,
  sort: { id: "createdAt", desc: true },
  perPage: 50,
  offset: 0,
  ...over,
});

describe("/admin/users", () => {
  it("reads a page in index order and the total from the counter: one statement, no sort, no count of every user", async () => {
    for (const sort of [
      { id: "createdAt", desc: true, index: "user_created_at_id_idx" },
      { id: "name", desc: false, index: "user_name_nocase_idx" },
      { id: "email", desc: true, index: "user_email_unique" },
    ] as const) {
      const [page, ...more] = await plans(() => selectUsersPage(db, usersQuery({ sort })));
      expect(more).toEqual([]);
      // The index walk stops after offset + perPage rows (LIMIT); user_total has one row.
      expect(scans(page?.plan ?? [])).toEqual([`SCAN user USING INDEX ${sort.index}`, "SCAN user_total"]);
      expect(sorts(page?.plan ?? [])).toEqual([]);
    }
  });

  it("searches 3+ characters through the trigram index once: its matches serve the total and the page", async () => {
    const [page, ...more] = await plans(() => selectUsersPage(db, usersQuery({ search: "turing" })));
    expect(more).toEqual([]);
    const plan = page?.plan ?? [];
    // Collected once (a materialized CTE), counted up to the cap, and checked by each of the page's two ways.
    expect(plan.filter((line) => /^SCAN user_search VIRTUAL TABLE/.test(line))).toHaveLength(1);
    expect(plan).toContain("MATERIALIZE matched");
    // The one walk: the order index, in the way taken only past USERS_MATCH_CAP matches (its LIMIT is 0 otherwise),
    // and stopped by LIMIT once the page is full.
    expect(scans(plan)).toEqual(["SCAN user USING COVERING INDEX user_created_at_id_idx"]);
    // Sorts: the matches, in the way taken up to the cap; and the page's rows (at most perPage), in each way.
    expect(sorts(plan).every((line) => line === "USE TEMP B-TREE FOR ORDER BY")).toBe(true);
  });

  it("with a filter, the total reads the search's matches lazily and each way checks the whole filter", async () => {
    const [page] = await plans(() =>
      selectUsersPage(db, usersQuery({ search: "turing", filters: { ...noFilters, verified: "yes" } })),
    );
    const plan = page?.plan ?? [];
    expect(plan.filter((line) => /^SCAN user_search VIRTUAL TABLE/.test(line))).toHaveLength(3);
    // The count drives from the search index (a co-routine that stops at the cap), not `rowid in (…)`, which would
    // collect every match before counting.
    expect(plan).toContain("CO-ROUTINE matches");
    expect(scans(plan)).toEqual(["SCAN user USING INDEX user_created_at_id_idx"]); // past the cap only
  });

  it("sorted by name or email, a search reads and sorts its matches: no walk of the order index", async () => {
    for (const sort of [
      { id: "name", desc: false },
      { id: "email", desc: true },
    ] as const) {
      const [page] = await plans(() => selectUsersPage(db, usersQuery({ search: "turing", sort })));
      const plan = page?.plan ?? [];
      expect(plan.filter((line) => /^SCAN user_search VIRTUAL TABLE/.test(line))).toHaveLength(2);
      expect(plan).toContain("CO-ROUTINE matches");
      expect(scans(plan)).toEqual([]);
      expect(sorts(plan)).toEqual(["USE TEMP B-TREE FOR ORDER BY"]);
    }
  });

  it("searches 1–2 characters as prefixes of the email and the name, through their indexes", async () => {
    const [page] = await plans(() => selectUsersPage(db, usersQuery({ search: "li" })));
    const plan = page?.plan ?? [];
    const email = /^SEARCH user USING (COVERING )?INDEX user_email_unique \(email>\? AND email<\?\)$/;
    const name = /^SEARCH user USING (COVERING )?INDEX user_name_nocase_idx \(name>\? AND name<\?\)$/;
    // Collected once for the total and the page's two ways.
    expect(plan.filter((line) => email.test(line))).toHaveLength(1);
    expect(plan.filter((line) => name.test(line))).toHaveLength(1);
    expect(scans(plan)).toEqual(["SCAN user USING COVERING INDEX user_created_at_id_idx"]); // past the cap only
  });

  it("searches a prefix with no upper bound (U+10FFFF) as an open range on the same indexes", async () => {
    const [page] = await plans(() => selectUsersPage(db, usersQuery({ search: "\u{10FFFF}" })));
    const plan = page?.plan ?? [];
    const email = /^SEARCH user USING (COVERING )?INDEX user_email_unique \(email>\?\)$/;
    const name = /^SEARCH user USING (COVERING )?INDEX user_name_nocase_idx \(name>\?\)$/;
    expect(plan.filter((line) => email.test(line))).toHaveLength(1);
    expect(plan.filter((line) => name.test(line))).toHaveLength(1);
    expect(scans(plan)).toEqual(["SCAN user USING COVERING INDEX user_created_at_id_idx"]); // past the cap only
  });

  it("filters on flags by reading the table: justified, not a hot path", async () => {
    // Banned, verified, two-factor and role are low-cardinality flags an operator sets occasionally; an index per
    // flag would be mostly unselective and slow every write to user. The page still walks the order index and stops
    // at LIMIT; only the total counts, through the table, except banned users: /admin's partial index (migrations/0010)
    // holds exactly them. Combined with a search, the search index drives instead.
    const [filtered] = await plans(() =>
      selectUsersPage(db, usersQuery({ filters: { ...noFilters, status: "banned" } })),
    );
    expect(scans(filtered?.plan ?? [])).toEqual([
      "SCAN user USING INDEX user_created_at_id_idx",
      "SCAN user USING COVERING INDEX user_banned_idx",
    ]);
    const [searched] = await plans(() =>
      selectUsersPage(db, usersQuery({ search: "turing", filters: { ...noFilters, status: "banned" } })),
    );
    // The walk past the cap reads each walked row for its flags (not covering); up to it, the matches alone.
    expect(scans(searched?.plan ?? [])).toEqual(["SCAN user USING INDEX user_created_at_id_idx"]);
  });
});

describe("/org/[slug]/members", () => {
  const membersQuery = (over: Partial<MembersQuery> = {}): MembersQuery => ({
    search: "",
    filters: { role: [] },
    sort: { id: "name", desc: false },
    perPage: 50,
    offset: 0,
    ...over,
  });

  it("reads the organization's members through the member index, then each user by primary key", async () => {
    for (const query of [membersQuery(), membersQuery({ search: "ada" }), membersQuery({ search: "li" })]) {
      const statements = await plans(() => selectMembersPage(db, "org-1", query));
      expect(statements).toHaveLength(1); // the page carries its total and teams
      for (const { plan } of statements) {
        expect(
          plan.some((line) => /^SEARCH member USING (COVERING )?INDEX \S+ \(organization_id=\?\)/.test(line)),
        ).toBe(true);
        expect(plan.some((line) => line.startsWith("SEARCH user USING") && line.endsWith("(id=?)"))).toBe(true);
        expect(scans(plan)).toEqual([]);
      }
      // The page sorts the organization's members (by user name here): bounded by ORG_MAX_MEMBERS, never all users.
      // The second sort orders one member's team names inside the row's teams subquery.
      expect(sorts(statements[0]?.plan ?? [])).toEqual([
        "USE TEMP B-TREE FOR ORDER BY",
        "USE TEMP B-TREE FOR ORDER BY",
      ]);
    }
  });

  it("lists newest first (the default) from the member index alone: no sort step", async () => {
    const [page] = await plans(() =>
      selectMembersPage(db, "org-1", membersQuery({ sort: { id: "createdAt", desc: true } })),
    );
    const plan = page?.plan ?? [];
    expect(plan.some((line) => line.includes("member USING INDEX member_organization_created_idx"))).toBe(true);
    // Only the teams subquery sorts (one member's team names).
    expect(sorts(plan)).toEqual(["USE TEMP B-TREE FOR ORDER BY"]);
    expect(scans(plan)).toEqual([]);
  });

  it("takes the unfiltered total from the organization's counter and the teams by member: no scan", async () => {
    const [page] = await plans(() => selectMembersPage(db, "org-1", membersQuery()));
    const plan = page?.plan ?? [];
    expect(
      plan.some((line) => /SEARCH organization_member_total USING INDEX \S+ \(organization_id=\?\)/.test(line)),
    ).toBe(true);
    expect(plan.some((line) => /SEARCH (tm|team_member) USING INDEX \S+ \(user_id=\?\)/.test(line))).toBe(true);
    expect(scans(plan)).toEqual([]);
  });
});

describe("/admin", () => {
  it("reads its totals from counters and counts banned users through the partial index only: no scan", async () => {
    const [statement, ...more] = await plans(() => selectOverviewCounts(db));
    expect(more).toEqual([]);
    const plan = statement?.plan ?? [];
    expect(plan.some((line) => line.includes("USING COVERING INDEX user_banned_idx"))).toBe(true);
    expect(plan.filter((line) => /^SCAN (user|audit_event)\b/.test(line) && !line.includes("INDEX"))).toEqual([]);
  });
});

describe("activity dashboards", () => {
  it("read the roll-ups by primary key and index ranges, never the user or audit tables, with no full scan", async () => {
    // Drizzle's logger does not see a batch's statements: record them as the batch is given them.
    const batching = new Proxy(db, {
      get(target, key) {
        if (key !== "batch") return Reflect.get(target, key);
        return (queries: Array<{ toSQL(): { sql: string; params: unknown[] } }>) => {
          for (const query of queries) recorded.push(query.toSQL());
          return target.batch(queries as never);
        };
      },
    });
    for (const scope of ["", "some-organization"]) {
      const planned = await plans(() => selectActivity(batching, scope, 90));
      expect(planned.length).toBeGreaterThan(0);
      for (const { sql, plan } of planned) {
        expect(sql).not.toMatch(/from "?(user|audit_event)"?\b/i);
        // `SCAN CONSTANT ROW` is the `(select 1)` the two active-user counts hang from, not a table.
        expect(scans(plan).filter((line) => line !== "SCAN CONSTANT ROW")).toEqual([]);
        expect(plan.some((line) => /SEARCH (activity_counter|last_active_day)/.test(line))).toBe(true);
        // The day counting began: its partial index, not a walk over every day of the platform's counters.
        if (sql.includes("counting.began"))
          expect(plan.join("\n")).toMatch(/USING (COVERING )?INDEX activity_counter_began_idx/);
      }
    }
  });
});

describe("get-session", () => {
  it("finds the session by its token (unique index) and its user by primary key, in one statement", async () => {
    const auth = h.createAuth({}, db);
    const body = { name: "Pat Plan", email: "pat@example.test", password: PASSWORD };
    await auth.api.createUser({ body: { ...body, data: { emailVerified: true } } });
    const { headers } = await signInWith(auth, body.email);

    const statements = await plans(() => auth.api.getSession({ headers, query: { disableCookieCache: true } }));
    expect(statements).toHaveLength(1);
    const plan = statements[0]?.plan ?? [];
    expect(plan).toContain("SEARCH session USING INDEX session_token_unique (token=?)");
    expect(plan.some((line) => /^SEARCH session_user USING INDEX \S+ \(id=\?\)$/.test(line))).toBe(true);
    expect(scans(plan)).toEqual([]);
    await h.db.delete(schema.user).where(eq(schema.user.email, body.email));
  });
});

describe("audit trails", () => {
  it("pages the operator's trail newest first from the (at, id) index; a person's trail from their indexes", async () => {
    const [page, total] = await plans(() => selectAuditPage(db, {}, { perPage: 50, offset: 0 }));
    // The page's rowids from the (at, id) index, which stops at the LIMIT; then only those rows and their people.
    expect(scans(page?.plan ?? [])).toEqual(["SCAN audit_event USING COVERING INDEX audit_event_at_id_idx"]);
    expect(page?.plan).toContain("SEARCH audit_event USING INTEGER PRIMARY KEY (rowid=?)");
    expect(sorts(page?.plan ?? [])).toEqual(["USE TEMP B-TREE FOR ORDER BY"]); // the page's own rows
    // The unfiltered total counts the trail through its smallest index (no user joins), up to AUDIT_COUNT_CAP + 1
    // entries: the co-routine stops at its LIMIT, so the count reads at most that many rows however long the trail.
    expect(total?.plan).toEqual([
      "CO-ROUTINE matches",
      expect.stringMatching(/^SCAN audit_event USING COVERING INDEX \S+$/),
      "SCAN matches",
    ]);
    expect(total?.sql).toMatch(/limit \?\) "matches"$/);

    const [mine, myTotal] = await plans(() => selectAuditPage(db, { involving: "u1" }, { perPage: 50, offset: 0 }));
    // A person's page: three walks of their indexes, as actor and target in the page's order (stopped at its LIMIT:
    // only ties in `at` are sorted), as impersonator through its own index; no table is scanned.
    expect(mine?.plan).toEqual(
      expect.arrayContaining([
        "SEARCH audit_event USING INDEX audit_event_actor_idx (actor_user_id=?)",
        "SEARCH audit_event USING INDEX audit_event_target_idx (target_user_id=?)",
        "SEARCH audit_event USING INDEX audit_event_impersonator_idx (impersonator_user_id=?)",
        "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY",
      ]),
    );
    expect(scans(mine?.plan ?? [])).toEqual([]);
    // Their count: the same three indexes alone (covering: no table row is read), each walk stopped past the cap.
    expect(myTotal?.plan).toEqual(
      expect.arrayContaining([
        "SEARCH audit_event USING COVERING INDEX audit_event_actor_idx (actor_user_id=?)",
        "SEARCH audit_event USING COVERING INDEX audit_event_target_idx (target_user_id=?)",
        "SEARCH audit_event USING COVERING INDEX audit_event_impersonator_idx (impersonator_user_id=?)",
      ]),
    );
    expect(scans(myTotal?.plan ?? [])).toEqual([]);
  });

  it("pages an organization's trail through the (organization_id, at) index", async () => {
    const statements = await plans(() =>
      selectOrgAuditPage(db, "org-1", {
        search: "",
        filters: { action: [] },
        sort: { id: "at", desc: true },
        perPage: 50,
        offset: 0,
      }),
    );
    for (const { plan } of statements) {
      expect(plan).toContain("SEARCH audit_event USING INDEX audit_event_org_idx (organization_id=?)");
      expect(scans(plan)).toEqual([]);
    }
  });

  it("filters an action prefix as a range on the action index (no LIKE)", async () => {
    for (const { plan } of await plans(() => selectAuditPage(db, { action: "user." }, { perPage: 50, offset: 0 }))) {
      expect(
        plan.some((line) =>
          /^SEARCH audit_event USING (COVERING )?INDEX audit_event_action_idx \(action>\? AND action<\?\)$/.test(line),
        ),
      ).toBe(true);
      expect(scans(plan)).toEqual([]);
    }
  });
});
