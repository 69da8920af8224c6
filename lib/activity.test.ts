// The activity roll-ups of migrations/0016 (issue 20), driven through better-auth as the console drives it: one row
// per day and counter, a user active twice in a day counted once (and once in the month), per-organization counts
// only of what happened in that organization, and concurrent increments that lose nothing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectActivity } from "@/db/queries/activity";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { bumpCounter, daysBefore, utcDay } from "./activity";
import { LOCKOUT_MAX_FAILURES } from "./auth/sign-in-lockout";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function user(key: string) {
  const body = { name: key, email: `${key}@example.test`, password: PASSWORD, data: { emailVerified: true } };
  return (await h.auth.api.createUser({ body })).user.id;
}

async function counterRows(scope: string, counter: string) {
  return h.db.all<{ day: string; n: number }>(
    sql`select day, n from activity_counter where scope = ${scope} and counter = ${counter} order by day`,
  );
}

/**
 * An in-memory database migrated up to, not including, the migration whose file name starts with `prefix`, and that
 * migration to run when the test has put the rows it backfills from.
 */
async function migratedUpTo(prefix: string) {
  const client = createClient({ url: ":memory:" });
  const dir = join(process.cwd(), "migrations");
  const run = async (file: string) => {
    const statements = readFileSync(join(dir, file), "utf8").split("--> statement-breakpoint");
    for (const statement of statements.map((s) => s.trim()).filter(Boolean)) await client.execute(statement);
  };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  const at = files.findIndex((f) => f.startsWith(prefix));
  for (const file of files.slice(0, at)) await run(file);
  return { client, migrate: () => run(files[at] as string) };
}

const today = () => utcDay();

describe("activity counters", () => {
  it("keeps one row per day and counter, and counts a user active twice in a day once, also in WAU and MAU", async () => {
    const before = (await counterRows("", "sign_in.password"))[0]?.n ?? 0;
    const signUpsBefore = (await counterRows("", "sign_up"))[0]?.n ?? 0;
    await user("twice");
    await h.signIn("twice@example.test");
    await h.signIn("twice@example.test");

    expect(await counterRows("", "sign_in.password")).toEqual([{ day: today(), n: before + 2 }]);
    expect(await counterRows("", "sign_up")).toEqual([{ day: today(), n: signUpsBefore + 1 }]);
    const activity = await selectActivity(h.db, "", 30);
    expect(activity.days).toHaveLength(30);
    expect(activity.days.at(-1)?.day).toBe(today());
    const mine = await h.db.all<{ day: string }>(
      sql`select day from user_last_active where scope = '' and user_id = (select id from user where email = 'twice@example.test')`,
    );
    expect(mine).toEqual([{ day: today() }]);
    // Nobody else signed in in this file yet: the one user is the day's, the week's and the month's only active user.
    expect(activity.days.at(-1)?.counts.active).toBe(1);
    expect(activity.weeklyActive).toBe(1);
    expect(activity.monthlyActive).toBe(1);
  });

  it("counts a sign-in in the organization active in its session, and nowhere else", async () => {
    const owner = await user("acme-owner");
    const acme = await h.auth.api.createOrganization({ body: { name: "Acme", slug: "acme", userId: owner } });
    const other = await h.auth.api.createOrganization({ body: { name: "Other", slug: "other", userId: owner } });
    if (!acme || !other) throw new Error("no organization");
    const first = await h.signIn("acme-owner@example.test");
    await h.auth.api.setActiveOrganization({ headers: first.headers, body: { organizationId: acme.id } });
    await h.signIn("acme-owner@example.test"); // starts in Acme, the organization last worked in

    expect(await counterRows(acme.id, "sign_in.password")).toEqual([{ day: today(), n: 1 }]);
    expect(await counterRows(other.id, "sign_in.password")).toEqual([]);
    expect(await counterRows(acme.id, "member.added")).toEqual([{ day: today(), n: 1 }]);
    const acmeActivity = await selectActivity(h.db, acme.id, 7);
    expect(acmeActivity.totals.active).toBe(1);
    expect(acmeActivity.monthlyActive).toBe(1);
    expect((await selectActivity(h.db, other.id, 7)).monthlyActive).toBe(0);
    expect(await counterRows("", "organization.created")).toEqual([{ day: today(), n: 2 }]);
  });

  it("counts invitations sent and accepted in their organization", async () => {
    const owner = await user("inv-owner");
    const org = await h.auth.api.createOrganization({ body: { name: "Inv", slug: "inv", userId: owner } });
    if (!org) throw new Error("no organization");
    await user("invitee");
    const { headers } = await h.signIn("inv-owner@example.test");
    const invitation = await h.auth.api.createInvitation({
      headers,
      body: { organizationId: org.id, email: "invitee@example.test", role: "member" },
    });
    const invitee = await h.signIn("invitee@example.test");
    await h.auth.api.acceptInvitation({ headers: invitee.headers, body: { invitationId: invitation.id } });

    expect(await counterRows(org.id, "invitation.sent")).toEqual([{ day: today(), n: 1 }]);
    expect(await counterRows(org.id, "invitation.accepted")).toEqual([{ day: today(), n: 1 }]);
    expect(await counterRows(org.id, "member.added")).toEqual([{ day: today(), n: 2 }]);
  });

  it("counts failed sign-ins, and a lockout once", async () => {
    await user("guessed");
    const failedBefore = (await counterRows("", "sign_in.failed"))[0]?.n ?? 0;
    for (let i = 0; i < LOCKOUT_MAX_FAILURES + 2; i++) {
      await h.auth.api
        .signInEmail({ body: { email: "guessed@example.test", password: "wrong-password-1" } })
        .catch(() => null);
    }
    // The 11th and 12th meet the lock before any password is checked: not failures of a guess.
    expect(await counterRows("", "sign_in.failed")).toEqual([{ day: today(), n: failedBefore + LOCKOUT_MAX_FAILURES }]);
    expect(await counterRows("", "lockout")).toEqual([{ day: today(), n: 1 }]);
  });

  it("loses no increment when many land at once", async () => {
    const scope = "concurrent-test";
    await Promise.all(Array.from({ length: 50 }, () => h.db.batch([bumpCounter(h.db, "denied", { scope })])));
    expect(await counterRows(scope, "denied")).toEqual([{ day: today(), n: 50 }]);

    // And through better-auth: parallel sign-ins of different users, each counted.
    const emails = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        await user(`parallel-${i}`);
        return `parallel-${i}@example.test`;
      }),
    );
    const before = (await counterRows("", "sign_in.password"))[0]?.n ?? 0;
    const activeBefore = (await counterRows("", "active"))[0]?.n ?? 0;
    await Promise.all(emails.map((email) => h.signIn(email)));
    expect(await counterRows("", "sign_in.password")).toEqual([{ day: today(), n: before + emails.length }]);
    expect(await counterRows("", "active")).toEqual([{ day: today(), n: activeBefore + emails.length }]);
  });

  it("moves a user's last active day forward and counts the new day once", async () => {
    const id = await user("yesterday");
    const yesterday = daysBefore(today(), 1);
    await h.db.run(sql`insert into user_last_active (scope, user_id, day) values ('', ${id}, ${yesterday})`);
    const activeToday = (await counterRows("", "active")).find((r) => r.day === today())?.n ?? 0;
    await h.signIn("yesterday@example.test");
    await h.signIn("yesterday@example.test");
    expect((await counterRows("", "active")).find((r) => r.day === today())?.n).toBe(activeToday + 1);
    const rows = await h.db.all<{ day: string }>(sql`select day from user_last_active where user_id = ${id}`);
    expect(rows).toEqual([{ day: today() }]);
  });
});

describe("weekly and monthly active users (last_active_day, migrations/0018)", () => {
  /** What the sums must equal: the users whose last active day is in the window, counted one by one. */
  const counted = async (scope: string, days: number) =>
    (
      await h.db.all<{ n: number }>(
        sql`select count(*) as n from user_last_active where scope = ${scope} and day >= ${daysBefore(today(), days - 1)}`,
      )
    )[0]?.n;

  it("follow each user to their last active day: in, moved into the week, out of the month, deleted", async () => {
    const scope = "window-org";
    const [recent, older, gone] = [await user("recent"), await user("older"), await user("gone")];
    const put = (id: string, ago: number) =>
      h.db.run(sql`insert into user_last_active (scope, user_id, day) values (${scope}, ${id}, ${daysBefore(today(), ago)})
        on conflict (scope, user_id) do update set day = excluded.day`);
    await put(recent, 2);
    await put(older, 20);
    await put(gone, 45);
    const active = async () => {
      const { weeklyActive, monthlyActive } = await selectActivity(h.db, scope, 7);
      expect([weeklyActive, monthlyActive]).toEqual([await counted(scope, 7), await counted(scope, 30)]);
      return [weeklyActive, monthlyActive];
    };
    expect(await active()).toEqual([1, 2]);
    await put(older, 1); // active again yesterday: now in the week, still once in the month
    expect(await active()).toEqual([2, 2]);
    await put(gone, 0); // back after 45 days
    expect(await active()).toEqual([3, 3]);
    await put(recent, 40); // a row moved back (nothing does this; the count still follows it)
    expect(await active()).toEqual([2, 2]);
    await h.db.run(sql`delete from user_last_active where scope = ${scope} and user_id = ${gone}`);
    expect(await active()).toEqual([1, 1]);
    const days = await h.db.all<{ day: string; n: number }>(
      sql`select day, n from last_active_day where scope = ${scope} and n <> 0 order by day`,
    );
    expect(days).toEqual([
      { day: daysBefore(today(), 40), n: 1 },
      { day: daysBefore(today(), 1), n: 1 },
    ]);
  });

  it("name each column of the dashboard's statements once (D1 keys a batch's rows by column name)", async () => {
    // The harness's db.batch runs each read first and refuses one that names a column twice, as D1 would merge them.
    await expect(selectActivity(h.db, "", 30)).resolves.toMatchObject({ weeklyActive: expect.any(Number) });
  });

  it("are backfilled from the last active days already recorded", async () => {
    const { client, migrate } = await migratedUpTo("0018_");
    for (const [scope, id, ago] of [
      ["", "u1", 1],
      ["", "u2", 1],
      ["", "u3", 12],
      ["o1", "u1", 1],
    ] as const) {
      await client.execute({
        sql: "insert into user_last_active (scope, user_id, day) values (?, ?, ?)",
        args: [scope, id, daysBefore(utcDay(), ago)],
      });
    }
    await migrate();
    const rows = await client.execute("select scope, day, n from last_active_day order by scope, day");
    expect(rows.rows.map((r) => `${r.scope}|${r.day}|${r.n}`)).toEqual([
      `|${daysBefore(utcDay(), 12)}|1`,
      `|${daysBefore(utcDay(), 1)}|2`,
      `o1|${daysBefore(utcDay(), 1)}|1`,
    ]);
    client.close();
  });
});

describe("backfill (migrations/0016)", () => {
  it("rolls up what the records allow and marks the day counting began", async () => {
    const { client, migrate } = await migratedUpTo("0016_");

    const day = (n: number) => daysBefore(utcDay(), n);
    const ms = (n: number) => Date.parse(`${day(n)}T12:00:00Z`);
    for (const [id, ago] of [
      ["u1", 40],
      ["u2", 40],
      ["u3", 3],
    ] as const) {
      await client.execute({
        sql: "insert into user (id, name, email, created_at, updated_at) values (?, ?, ?, ?, ?)",
        args: [id, id, `${id}@example.test`, ms(ago), ms(ago)],
      });
    }
    await client.execute({
      sql: "insert into organization (id, name, slug, created_at) values ('o1', 'O', 'o', ?)",
      args: [ms(10)],
    });
    await client.execute({
      sql: "insert into member (id, organization_id, user_id, role, created_at) values ('m1', 'o1', 'u1', 'owner', ?)",
      args: [ms(10)],
    });
    const audit = async (id: string, action: string, ago: number, extra: Record<string, string> = {}) =>
      client.execute({
        sql: `insert into audit_event (id, at, action, actor_user_id, organization_id, metadata) values (?, ?, ?, ?, ?, ?)`,
        args: [id, ms(ago), action, extra.actor ?? "u1", extra.org ?? null, extra.metadata ?? null],
      });
    await audit("a1", "user.ban", 5);
    await audit("a2", "impersonation.start", 5);
    await audit("a3", "invitation.create", 2, { org: "o1" });
    await audit("a4", "user.sign_in", 2, { metadata: JSON.stringify({ path: "/sign-in/email" }) });
    await audit("a5", "user.sign_in", 2, { metadata: JSON.stringify({ path: "/sign-in/email" }) });
    await audit("a6", "user.sign_in", 1, { actor: "u2", metadata: JSON.stringify({ path: "/passkey/verify-x" }) });
    await audit("a7", "user.profile.update", 1);
    await audit("a8", "user.sign_in", 1, { metadata: "not json" });

    await migrate();
    const rows = await client.execute(
      "select scope, day, counter, n from activity_counter order by scope, day, counter",
    );
    const got = rows.rows.map((r) => `${r.scope}|${r.day}|${r.counter}|${r.n}`);
    expect(got.sort()).toEqual(
      [
        `|${day(40)}|sign_up|2`,
        `|${day(3)}|sign_up|1`,
        `|${day(10)}|organization.created|1`,
        `o1|${day(10)}|member.added|1`,
        `|${day(5)}|ban|1`,
        `|${day(5)}|impersonation|1`,
        `|${day(2)}|invitation.sent|1`,
        `o1|${day(2)}|invitation.sent|1`,
        `|${day(2)}|sign_in.password|2`,
        `|${day(2)}|active|1`,
        `|${day(1)}|sign_in.passkey|1`,
        `|${day(1)}|sign_in.other|1`,
        `|${day(1)}|active|2`,
        `|${day(0)}|counting.began|1`,
      ].sort(),
    );
    const last = await client.execute("select scope, user_id, day from user_last_active order by user_id");
    expect(last.rows.map((r) => `${r.scope}|${r.user_id}|${r.day}`)).toEqual([`|u1|${day(1)}`, `|u2|${day(1)}`]);
    client.close();
  });
});
