// The audit tables count their matches up to a cap, and the action filter's choices come from a skip scan: a trail that
// grows with every sign-in must not be read whole on every view (README, "Performance": at most 1,000 D1 rows a page).
// libSQL runs the same SQL as D1 here; the row counts are SQLite's own (`sqlite3_stmt_status` is not reachable from
// libSQL, so the statements' plans are checked instead).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import { auditEvent, organization, session, user } from "@/db/schema";
import { createHarness, type Harness } from "@/test/auth-harness";
import { listAuditActions, selectAuditPage } from "./audit";
import { selectOrgAuditPage } from "./org-audit";

let h: Harness;
let db: Database;
const ORG = "org-trail";
const ACTIONS = ["member.add", "user.ban", "user.sign_in", "organization.update", "user.role.update"];
const page = { perPage: 20, offset: 0 };

beforeAll(async () => {
  h = await createHarness();
  db = h.db;
  await db.insert(user).values([
    { id: "u-ada", name: "Ada", email: "ada@example.test", emailVerified: true },
    { id: "u-bob", name: "Bob", email: "bob@example.test", emailVerified: true },
  ]);
  await db.insert(organization).values({ id: ORG, name: "Trail", slug: "trail", createdAt: new Date() });
  // 1,200 events: 600 done by Ada (in the organization), 600 to Bob; five actions.
  const at = Date.parse("2026-11-01T00:00:00Z");
  const rows = Array.from({ length: 1200 }, (_, i) => ({
    id: `e-${String(i).padStart(4, "0")}`,
    at: new Date(at + i * 1000),
    action: ACTIONS[i % ACTIONS.length] as string,
    actorUserId: i % 2 === 0 ? "u-ada" : null,
    targetUserId: i % 2 === 1 ? "u-bob" : null,
    organizationId: i % 2 === 0 ? ORG : null,
  }));
  for (let start = 0; start < rows.length; start += 10)
    await db.insert(auditEvent).values(rows.slice(start, start + 10));
});

afterAll(() => h.close());

describe("selectAuditPage counts up to the cap", () => {
  it("says how many match below the cap, with every page", async () => {
    const result = await selectAuditPage(db, { actor: "u-ada", action: "user.ban" }, page, 500);
    expect(result).toMatchObject({ rowCount: 120, capped: false, pageCount: 6 });
    expect(result.data).toHaveLength(20);
  });

  it("stops at the cap: 'at least', and no last page", async () => {
    const all = await selectAuditPage(db, {}, page, 500);
    expect(all).toMatchObject({ rowCount: 500, capped: true, pageCount: -1 });
    expect(all.data.map((row) => row.id)[0]).toBe("e-1199"); // newest first, whatever the count
    const mine = await selectAuditPage(db, { target: "u-bob" }, { ...page, offset: 580 }, 500);
    expect(mine).toMatchObject({ rowCount: 500, capped: true });
    expect(mine.data).toHaveLength(20); // pages past the cap still read
  });

  it("exactly at the cap is a count, not 'at least'", async () => {
    expect(await selectAuditPage(db, { actor: "u-ada" }, page, 600)).toMatchObject({ rowCount: 600, capped: false });
    expect(await selectAuditPage(db, { actor: "u-ada" }, page, 599)).toMatchObject({ rowCount: 599, capped: true });
  });

  it("caps a free-text search's count the same way", async () => {
    expect(await selectAuditPage(db, { search: "ada@" }, page, 500)).toMatchObject({ rowCount: 500, capped: true });
    expect(await selectAuditPage(db, { search: "nobody@" }, page, 500)).toMatchObject({ rowCount: 0, capped: false });
  });
});

describe("a user's own trail (involving)", () => {
  // The same filter with a bound that excludes nothing takes the general way (one WHERE with OR): the reference.
  const general = (id: string, page: { perPage: number; offset: number; oldestFirst?: boolean }) =>
    selectAuditPage(db, { involving: id, from: new Date(0) }, page);

  it("pages exactly as one WHERE with OR does, newest or oldest first, from the first page to past the end", async () => {
    // Carol acts on herself (one event, two walks), impersonates Bob, and many events share one instant.
    await db.insert(user).values({ id: "u-carol", name: "Carol", email: "carol@example.test", emailVerified: true });
    const same = new Date(Date.parse("2026-10-01T00:00:00Z")); // before the other events
    const mine = Array.from({ length: 45 }, (_, i) => ({
      id: `c-${String(44 - i).padStart(2, "0")}`,
      at: i % 3 === 0 ? same : new Date(same.getTime() - i * 1000),
      action: "user.ban", // one of ACTIONS: the action list below stays theirs
      actorUserId: i % 5 === 0 ? "u-bob" : "u-carol",
      targetUserId: i % 2 === 0 ? "u-carol" : "u-ada",
      impersonatorUserId: i % 5 === 0 ? "u-carol" : null,
    }));
    for (let start = 0; start < mine.length; start += 10)
      await db.insert(auditEvent).values(mine.slice(start, start + 10));
    for (const oldestFirst of [false, true]) {
      for (const [perPage, offset] of [
        [10, 0],
        [10, 10],
        [20, 20],
        [10, 40],
        [10, 50],
      ] as const) {
        const page = { perPage, offset, oldestFirst };
        const ids = (await selectAuditPage(db, { involving: "u-carol" }, page)).data.map((row) => row.id);
        expect(ids, JSON.stringify(page)).toEqual((await general("u-carol", page)).data.map((row) => row.id));
      }
    }
    const all = await selectAuditPage(db, { involving: "u-carol" }, { perPage: 100, offset: 0 });
    expect(new Set(all.data.map((row) => row.id)).size).toBe(45); // each event once, whichever walks find it
    expect(all).toMatchObject({ rowCount: 45, capped: false });
  });

  it("counts exactly up to the cap and says 'at least' past it, as the OR does", async () => {
    // Bob: the target of 600 events, the actor of 9 of Carol's (one of them also found as impersonated by Carol).
    const generalCount = async (cap: number) =>
      (await selectAuditPage(db, { involving: "u-bob", from: new Date(0) }, page, cap)).rowCount;
    const exact = await generalCount(10_000);
    expect(exact).toBe(609);
    expect(await selectAuditPage(db, { involving: "u-bob" }, page, 10_000)).toMatchObject({
      rowCount: 609,
      capped: false,
    });
    expect(await selectAuditPage(db, { involving: "u-bob" }, page, 609)).toMatchObject({
      rowCount: 609,
      capped: false,
    });
    expect(await selectAuditPage(db, { involving: "u-bob" }, page, 608)).toMatchObject({ rowCount: 608, capped: true });
    expect(await selectAuditPage(db, { involving: "u-bob" }, page, 500)).toMatchObject({ rowCount: 500, capped: true });
    // Carol's events found by two walks (she acted on herself) count once.
    expect(await selectAuditPage(db, { involving: "u-carol" }, page, 45)).toMatchObject({
      rowCount: 45,
      capped: false,
    });
    expect(await selectAuditPage(db, { involving: "u-nobody" }, page)).toMatchObject({ rowCount: 0, capped: false });
  });

  it("joins the people of the page's events only", async () => {
    const [row] = (await selectAuditPage(db, { involving: "u-bob" }, { perPage: 1, offset: 0 })).data;
    expect(row).toMatchObject({ id: "e-1199", target: { id: "u-bob", name: "Bob", email: "bob@example.test" } });
  });
});

describe("selectOrgAuditPage counts up to the cap", () => {
  const query = (action: string[]) =>
    ({ search: "", filters: { action }, sort: { id: "at", desc: true }, ...page }) as const;

  it("counts below the cap and stops at it", async () => {
    expect(await selectOrgAuditPage(db, ORG, query(["user.ban"]), 500)).toMatchObject({
      rowCount: 120,
      capped: false,
      pageCount: 6,
    });
    expect(await selectOrgAuditPage(db, ORG, query([]), 500)).toMatchObject({
      rowCount: 500,
      capped: true,
      pageCount: -1,
    });
    expect(await selectOrgAuditPage(db, "org-none", query([]), 500)).toMatchObject({ rowCount: 0, capped: false });
  });
});

describe("listAuditActions", () => {
  it("lists every recorded action once, in order, as select distinct would", async () => {
    const distinct = await db.all<{ action: string }>(sql`select distinct action from audit_event order by action`);
    expect(await listAuditActions(db)).toEqual(distinct.map((row) => row.action));
    expect(await listAuditActions(db)).toEqual([...ACTIONS].sort());
  });

  it("seeks the action index once per action instead of reading the trail", async () => {
    const plan = await db.all<{ detail: string }>(
      sql.raw(`explain query plan
        with recursive actions(action) as (
          select min(action) from audit_event
          union all
          select (select min(action) from audit_event where action > actions.action) from actions
          where actions.action is not null
        )
        select action from actions where action is not null limit 200`),
    );
    const details = plan.map((row) => row.detail).join("\n");
    expect(details).toMatch(/SEARCH audit_event USING COVERING INDEX audit_event_action_idx \(action>\?\)/);
    expect(details).not.toMatch(/SCAN audit_event/);
  });

  it("is empty for an empty trail", async () => {
    const empty = await createHarness();
    try {
      expect(await listAuditActions(empty.db)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

describe("the user page's sessions", () => {
  it("reads the 50 most recently active and one more, to say there are more", async () => {
    const { openSessionsOf, USER_SESSIONS_SHOWN } = await import("./users");
    expect(USER_SESSIONS_SHOWN).toBe(50);
    const now = Date.now();
    const sessions = Array.from({ length: 53 }, (_, i) => ({
      id: `s-${i}`,
      token: `t-${i}`,
      userId: "u-bob",
      createdAt: new Date(now - 3_600_000),
      updatedAt: new Date(now - i * 60_000),
      expiresAt: new Date(now + 86_400_000),
    }));
    for (let start = 0; start < sessions.length; start += 10)
      await db.insert(session).values(sessions.slice(start, start + 10));
    // getUserDetail reads through the request's database (getDb), so its statement is checked here.
    const rows = await openSessionsOf(db, "u-bob", new Date(now));
    expect(rows.map((row) => row.id)).toEqual(sessions.slice(0, 51).map((entry) => entry.id));
    // Walked in order through (user_id, updated_at), stopping at 51: a user with hundreds open is not read whole.
    const { sql: text, params } = openSessionsOf(db, "u-bob", new Date(now)).toSQL();
    const plan = await h.client.execute({ sql: `explain query plan ${text}`, args: params as never });
    const details = plan.rows.map((row) => String(row.detail));
    expect(details).toEqual([
      expect.stringMatching(/^SEARCH session USING INDEX session_user_updated_idx \(user_id=\?/),
    ]);
  });
});

describe("a user's own sessions page (/account/sessions)", () => {
  it("counts up to the cap, pages in order of last activity, and leaves expired and others' sessions out", async () => {
    const { runRead } = await import("./batched-read");
    const { mySessionsRead, MY_SESSIONS_COUNT_CAP } = await import("./sessions");
    expect(MY_SESSIONS_COUNT_CAP).toBe(200);
    const now = Date.now();
    const open = Array.from({ length: 205 }, (_, i) => ({
      id: `ada-${String(i).padStart(3, "0")}`,
      token: `ada-t-${i}`,
      userId: "u-ada",
      createdAt: new Date(now - 86_400_000 + i * 1000),
      updatedAt: new Date(now - i * 60_000),
      expiresAt: new Date(now + 86_400_000),
    }));
    const expired = {
      id: "ada-expired",
      token: "ada-t-x",
      userId: "u-ada",
      createdAt: new Date(now - 1000),
      updatedAt: new Date(now), // the most recently active, yet over
      expiresAt: new Date(now - 1),
    };
    for (let start = 0; start < open.length; start += 10)
      await db.insert(session).values(open.slice(start, start + 10));
    await db.insert(session).values(expired);

    const query = { sort: { id: "lastActive" as const, desc: true }, perPage: 10, offset: 0 };
    const first = await runRead(db, mySessionsRead("u-ada", query, new Date(now)));
    expect(first).toMatchObject({ rowCount: 200, capped: true, pageCount: -1 });
    expect(first.data.map((row) => row.id)).toEqual(open.slice(0, 10).map((entry) => entry.id));
    const signedIn = await runRead(
      db,
      mySessionsRead("u-ada", { ...query, sort: { id: "signedIn", desc: false }, offset: 10 }, new Date(now)),
    );
    expect(signedIn.data.map((row) => row.id)).toEqual(open.slice(10, 20).map((entry) => entry.id));

    // Bob's 53 (the user page's test above): an exact count and every page.
    const bob = await runRead(db, mySessionsRead("u-bob", query, new Date(now)));
    expect(bob).toMatchObject({ rowCount: 53, capped: false, pageCount: 6 });

    // The default order walks (user_id, updated_at) and stops at the page; the count stops one past the cap.
    const statements = mySessionsRead("u-ada", query, new Date(now)).statements(db) as unknown as {
      toSQL(): { sql: string; params: unknown[] };
    }[];
    expect(statements).toHaveLength(2);
    for (const statement of statements) {
      const { sql: text, params } = statement.toSQL();
      const plan = await h.client.execute({ sql: `explain query plan ${text}`, args: params as never });
      expect(plan.rows.map((row) => String(row.detail)).join("\n")).toMatch(/USING INDEX session_user/);
    }
    expect(statements[1]?.toSQL().params).toContain(MY_SESSIONS_COUNT_CAP + 1);
  });
});
