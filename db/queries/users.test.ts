import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, user } from "@/db/schema";
import { auditInsert } from "@/lib/audit";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { auditWhere, decodeAuditCursor, encodeAuditCursor } from "./audit";
import { runRead } from "./batched-read";
import {
  ftsPhrase,
  prefixRange,
  selectUsersPage,
  type UserFilter,
  type UserListQuery,
  usersPageRead,
  usersWhere,
} from "./users";

let h: Harness;
const ids: Record<string, string> = {};

async function make(
  key: string,
  name: string,
  role: "admin" | "support" | "user",
  extra: Partial<typeof user.$inferInsert> = {},
) {
  const { user: created } = await h.auth.api.createUser({
    body: { name, email: `${key}@example.test`, password: PASSWORD, role, data: { emailVerified: true } },
  });
  if (Object.keys(extra).length > 0) await h.db.update(user).set(extra).where(eq(user.id, created.id));
  ids[key] = created.id;
}

const none: UserFilter["filters"] = { role: [], status: null, verified: null, twoFactor: null };

async function emails(filter: { search?: string; filters?: Partial<UserFilter["filters"]> }) {
  const rows = await h.db
    .select({ email: user.email })
    .from(user)
    .where(usersWhere({ search: filter.search ?? "", filters: { ...none, ...filter.filters } }))
    .orderBy(asc(user.email));
  return rows.map((row) => row.email);
}

beforeAll(async () => {
  h = await createHarness();
  await make("ada", "Ada Lovelace", "admin");
  await make("grace", "Grace Hopper", "support");
  await make("linus", "Linus 100%_Real", "user", { twoFactorEnabled: true });
  await make("banned", "Barry Banned", "user", { banned: true, banReason: "spam", banExpires: null });
  await make("expired", "Ernie Expired", "user", { banned: true, banExpires: new Date(Date.now() - 60_000) });
  await make("unverified", "Una Verified", "user", { emailVerified: false });
});
afterAll(async () => {
  await h.close();
});

describe("usersWhere", () => {
  it("finds 3+ characters anywhere in email or name through the trigram index, case-insensitively and literally", async () => {
    expect(await emails({ search: "HOPPER" })).toEqual(["grace@example.test"]);
    expect(await emails({ search: "ada@" })).toEqual(["ada@example.test"]);
    expect(await emails({ search: "race hop" })).toEqual(["grace@example.test"]); // across the space in a name
    expect(await emails({ search: "100%_" })).toEqual(["linus@example.test"]); // no LIKE wildcards
    expect(await emails({ search: '"real' })).toEqual([]); // no FTS5 syntax either: a quote is a character
    expect(await emails({ search: "example.test" })).toHaveLength(6);
    expect(await emails({ search: "  lovelace " })).toEqual(["ada@example.test"]);
  });

  it("matches 1–2 characters at the start of the email or the name (trigrams need 3)", async () => {
    expect(await emails({ search: "gr" })).toEqual(["grace@example.test"]);
    expect(await emails({ search: "Ba" })).toEqual(["banned@example.test"]); // email and name both start so: once
    expect(await emails({ search: "e" })).toEqual(["expired@example.test"]); // "Ernie Expired"
    expect(await emails({ search: "U" })).toEqual(["unverified@example.test"]); // name "Una Verified", any case
    expect(await emails({ search: "ov" })).toEqual([]); // inside "Lovelace": a prefix search does not find it
    expect(await emails({ search: "%" })).toEqual([]);
  });

  it("keeps the search index and the user counter in step with inserts, renames, email changes and deletions", async () => {
    await make("temp", "Tempo Rary", "user");
    expect(await emails({ search: "tempo" })).toEqual(["temp@example.test"]);
    await h.db
      .update(user)
      .set({ name: "Zelda Quux" })
      .where(eq(user.id, ids.temp as string));
    expect(await emails({ search: "tempo" })).toEqual([]);
    expect(await emails({ search: "zelda" })).toEqual(["temp@example.test"]);
    await h.db
      .update(user)
      .set({ email: "zq@example.test" })
      .where(eq(user.id, ids.temp as string));
    expect(await emails({ search: "temp@" })).toEqual([]);
    expect(await emails({ search: "zq@ex" })).toEqual(["zq@example.test"]);
    await h.db.delete(user).where(eq(user.id, ids.temp as string));
    expect(await emails({ search: "zelda" })).toEqual([]);
    // FTS5 compares its index with the content table and fails on any difference.
    await h.db.run(sql`insert into user_search (user_search, rank) values ('integrity-check', 1)`);
    // The counter behind the unfiltered total (migrations/0006) followed the insert and the delete too.
    const [counted] = await h.db.all<{ n: number; total: number }>(
      sql`select (select n from user_total) as n, (select count(*) from user) as total`,
    );
    expect(counted?.n).toBe(counted?.total);
  });

  it("ranges exactly over a NOCASE prefix", () => {
    expect(prefixRange("Li")).toEqual(["li", "lj"]);
    expect(prefixRange("z")).toEqual(["z", "{"]);
    expect(prefixRange("é")).toEqual(["é", "ê"]);
    // The carry: U+10FFFF has no successor, so the code point before it is incremented; with none, no upper bound.
    expect(prefixRange("a\u{10FFFF}")).toEqual(["a\u{10FFFF}", "b"]);
    expect(prefixRange("\u{10FFFF}")).toEqual(["\u{10FFFF}", null]);
    expect(prefixRange("\u{10FFFF}\u{10FFFF}")).toEqual(["\u{10FFFF}\u{10FFFF}", null]);
    // Never a lone surrogate: after U+D7FF comes U+E000, and an astral code point stays a pair.
    expect(prefixRange("\uD7FF")).toEqual(["\uD7FF", "\uE000"]);
    expect(prefixRange("😀")).toEqual(["😀", "😁"]);
    // Under NOCASE "A" would compare as "a" and take in "[", "_" and "`": the bound after "@" is "[".
    expect(prefixRange("@")).toEqual(["@", "["]);
    expect(ftsPhrase('say "hi"')).toBe('"say ""hi"""');
  });

  it("filters by role, current ban, verification and two-factor", async () => {
    expect(await emails({ filters: { role: ["admin", "support"] } })).toEqual([
      "ada@example.test",
      "grace@example.test",
    ]);
    expect(await emails({ filters: { status: "banned" } })).toEqual(["banned@example.test"]);
    // An expired ban no longer counts: that user is active.
    expect(await emails({ filters: { status: "active", role: ["user"] } })).toEqual([
      "expired@example.test",
      "linus@example.test",
      "unverified@example.test",
    ]);
    expect(await emails({ filters: { verified: "no" } })).toEqual(["unverified@example.test"]);
    expect(await emails({ filters: { twoFactor: "on" } })).toEqual(["linus@example.test"]);
    expect(await emails({ search: "linus", filters: { twoFactor: "off" } })).toEqual([]);
  });
});

describe("selectUsersPage", () => {
  const query = (over: Partial<UserListQuery>): UserListQuery => ({
    search: "",
    filters: none,
    sort: { id: "email", desc: false },
    perPage: 2,
    offset: 0,
    ...over,
  });

  it("returns one page with the total of the whole filter", async () => {
    const page = await selectUsersPage(h.db, query({}));
    expect(page.data.map((row) => row.email)).toEqual(["ada@example.test", "banned@example.test"]);
    expect(page).toMatchObject({ rowCount: 6, pageCount: 3 });
    const searched = await selectUsersPage(h.db, query({ search: "example", offset: 4 }));
    expect(searched.data.map((row) => row.email)).toEqual(["linus@example.test", "unverified@example.test"]);
    expect(searched.rowCount).toBe(6);
    const named = await selectUsersPage(h.db, query({ sort: { id: "name", desc: true }, perPage: 1 }));
    expect(named.data.map((row) => row.name)).toEqual(["Una Verified"]);
  });

  it("counts the matches of a search or filter up to the cap, then says there are more (unfiltered: the counter)", async () => {
    const capped = await runRead(h.db, usersPageRead(query({ search: "example" }), 3));
    expect(capped).toMatchObject({ rowCount: 3, capped: true, pageCount: -1 });
    expect(capped.data.map((row) => row.email)).toEqual(["ada@example.test", "banned@example.test"]);
    expect(await runRead(h.db, usersPageRead(query({ search: "example", offset: 50 }), 3))).toMatchObject({
      data: [],
      capped: true,
    });
    expect(await runRead(h.db, usersPageRead(query({ search: "example" }), 6))).toMatchObject({
      rowCount: 6,
      capped: false,
      pageCount: 3,
    });
    expect(await runRead(h.db, usersPageRead(query({}), 3))).toMatchObject({ rowCount: 6, capped: false });
  });

  it("past the cap, newest first, walks the order index and finds the same pages as reading every match", async () => {
    for (const desc of [true, false]) {
      const cases: Array<[string, UserListQuery["filters"]]> = [
        ["example", none],
        ["li", none], // a prefix (1–2 characters)
        ["example", { ...none, role: ["user"] }],
      ];
      for (const [search, filters] of cases) {
        for (const offset of [0, 2, 4, 6]) {
          const asked = query({ search, filters, sort: { id: "createdAt", desc }, offset });
          const walked = await runRead(h.db, usersPageRead(asked, 1)); // 1: more than the cap match
          const read = await runRead(h.db, usersPageRead(asked, 1000));
          expect(walked.data).toEqual(read.data);
          if (read.rowCount > 1) expect(walked).toMatchObject({ rowCount: 1, capped: true });
        }
      }
    }
  });

  it("still knows the total past the last page, and says 0 when nothing matches", async () => {
    expect(await selectUsersPage(h.db, query({ offset: 50 }))).toMatchObject({ data: [], rowCount: 6, pageCount: 3 });
    expect(await selectUsersPage(h.db, query({ search: "nobody-here" }))).toMatchObject({ data: [], rowCount: 0 });
  });
});

describe("auditWhere and the cursor", () => {
  it("finds people by id or email, actions exactly or by prefix, and a user's whole trail", async () => {
    const at = new Date("2026-05-14T10:00:00Z");
    await h.db.delete(auditEvent);
    await h.db.batch([
      auditInsert(h.db, { action: "user.ban", actorUserId: ids.ada, targetUserId: ids.linus, at, reason: "spam" }),
      auditInsert(h.db, { action: "user.unban", actorUserId: ids.ada, targetUserId: ids.linus, at }),
      auditInsert(h.db, { action: "impersonation.start", actorUserId: ids.grace, targetUserId: ids.banned, at }),
      auditInsert(h.db, { action: "member.add", actorUserId: ids.linus, at: new Date("2026-05-20T00:00:00Z") }),
    ]);
    const actions = async (filter: Parameters<typeof auditWhere>[0]) =>
      (await h.db.select({ action: auditEvent.action }).from(auditEvent).where(auditWhere(filter, h.db)))
        .map((row) => row.action)
        .sort();
    expect(await actions({ actor: "ada@example.test" })).toEqual(["user.ban", "user.unban"]);
    expect(await actions({ actor: ids.grace })).toEqual(["impersonation.start"]);
    expect(await actions({ target: "LINUS@example.test" })).toEqual(["user.ban", "user.unban"]);
    expect(await actions({ action: "user." })).toEqual(["user.ban", "user.unban"]);
    expect(await actions({ action: "user.ban" })).toEqual(["user.ban"]);
    expect(await actions({ involving: ids.linus })).toEqual(["member.add", "user.ban", "user.unban"]);
    expect(await actions({ from: new Date("2026-05-15T00:00:00Z") })).toEqual(["member.add"]);
    expect(await actions({ to: new Date("2026-05-15T00:00:00Z") })).toHaveLength(3);
  });

  it("round-trips a cursor and rejects junk", () => {
    const position = { at: new Date("2026-05-14T10:00:00.123Z"), id: "abc.def" };
    expect(decodeAuditCursor(encodeAuditCursor(position))).toEqual(position);
    expect(decodeAuditCursor("not a cursor")).toBeNull();
    expect(decodeAuditCursor("")).toBeNull();
  });
});
