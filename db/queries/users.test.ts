import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, user } from "@/db/schema";
import { auditInsert } from "@/lib/audit";
import { createHarness, type Harness } from "@/test/auth-harness";
import { auditWhere, decodeAuditCursor, encodeAuditCursor } from "./audit";
import { likePattern, type UserFilter, usersWhere } from "./users";

let h: Harness;
const ids: Record<string, string> = {};

async function make(
  key: string,
  name: string,
  role: "admin" | "support" | "user",
  extra: Partial<typeof user.$inferInsert> = {},
) {
  const { user: created } = await h.auth.api.createUser({
    body: { name, email: `${key}@example.test`, password: "correct-horse-1", role, data: { emailVerified: true } },
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
  it("searches email and name, case-insensitively, with LIKE wildcards taken literally", async () => {
    expect(await emails({ search: "HOPPER" })).toEqual(["grace@example.test"]);
    expect(await emails({ search: "ada@" })).toEqual(["ada@example.test"]);
    expect(await emails({ search: "100%_" })).toEqual(["linus@example.test"]);
    expect(await emails({ search: "%" })).toEqual(["linus@example.test"]);
    expect(likePattern("a_b%c\\")).toBe("%a\\_b\\%c\\\\%");
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
      (
        await h.db
          .select({ action: auditEvent.action })
          .from(auditEvent)
          .where(auditWhere(filter, h.db as unknown as Parameters<typeof auditWhere>[1]))
      )
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
