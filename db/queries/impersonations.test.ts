import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromLibsql } from "@/db/database";
import * as schema from "@/db/schema";
import { user } from "@/db/schema";
import { type AuditEntry, auditInsert } from "@/lib/audit";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { IMPERSONATION_HISTORY_LIMIT, impersonationEnd, selectImpersonations } from "./impersonations";

let h: Harness;
const ids: Record<string, string> = {};
const NOW = new Date("2026-06-01T12:00:00Z");
const HOUR = 3600_000;

/** `minutes` before NOW. */
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

async function make(key: string, role: "admin" | "support" | "user") {
  const { user: created } = await h.auth.api.createUser({
    body: { name: key, email: `${key}@example.test`, password: PASSWORD, role },
  });
  ids[key] = created.id;
  return created.id;
}

async function audit(...entries: AuditEntry[]) {
  for (const entry of entries) await auditInsert(h.db, entry);
}

/** An impersonation.start row as operator-policy writes it: the session expires an hour after the start. */
function start(actor: string, target: string, at: Date, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    action: "impersonation.start",
    actorUserId: actor,
    targetUserId: target,
    reason: `reason at ${at.toISOString()}`,
    metadata: { sessionExpiresAt: new Date(at.getTime() + HOUR).toISOString() },
    at,
    ...extra,
  };
}

/** An impersonation.stop row: the staffer is the actor, the user whose session ended the target. */
function stop(actor: string, target: string, at: Date): AuditEntry {
  return { action: "impersonation.stop", actorUserId: actor, targetUserId: target, at };
}

const list = (userId: string, options: { limit?: number } = {}) =>
  selectImpersonations(h.db, userId, { now: NOW, ...options });

beforeAll(async () => {
  h = await createHarness();
  await make("op", "admin");
  await make("sup", "support");
  await make("sup2", "support");
});
afterAll(async () => {
  await h.close();
});

describe("selectImpersonations", () => {
  it("pairs each start with the same staffer's first stop after it, with the reason and the role", async () => {
    const u = await make("paired", "user");
    await audit(
      start(ids.sup as string, u, ago(300), { reason: "Customer asked why invoices fail" }),
      stop(ids.sup2 as string, u, ago(295)), // another staffer's stop: not this session's
      stop(ids.sup as string, u, ago(288)),
      stop(ids.sup as string, u, ago(280)), // a later stop of the same staffer: the first one counts
    );
    expect(await list(u)).toEqual([
      {
        id: expect.any(String),
        startedAt: ago(300),
        staffRole: "support",
        reason: "Customer asked why invoices fail",
        end: { kind: "stopped", at: ago(288) },
      },
    ]);
  });

  it("falls back to the session expiry when nobody stopped: ended by expiry, or still in progress", async () => {
    const u = await make("expiry", "user");
    await audit(
      start(ids.op as string, u, ago(24 * 60)), // a day ago: its hour ran out
      start(ids.sup as string, u, ago(20)), // 20 minutes ago: 40 minutes left
      start(ids.sup2 as string, u, ago(600), { metadata: null }), // an old row that never said when it expires
      stop(ids.op as string, u, ago(22 * 60)), // after the first session expired: it cannot have ended it
    );
    const [active, unknown, expired] = await list(u);
    expect(active?.end).toEqual({ kind: "active", until: new Date(ago(20).getTime() + HOUR) });
    expect(unknown?.end).toEqual({ kind: "unknown" });
    expect(expired?.end).toEqual({ kind: "expired", at: new Date(ago(24 * 60).getTime() + HOUR) });
  });

  it("does not give a stop to an earlier start when the same staffer started again in between", async () => {
    const u = await make("again", "user");
    await audit(
      start(ids.sup as string, u, ago(200)), // left to expire
      start(ids.sup as string, u, ago(100)),
      stop(ids.sup as string, u, ago(90)),
    );
    const [second, first] = await list(u);
    expect(second?.end).toEqual({ kind: "stopped", at: ago(90) });
    expect(first?.end).toEqual({ kind: "expired", at: new Date(ago(200).getTime() + HOUR) });
  });

  it("lists only the impersonations of this user, never their own staff work or the stop rows", async () => {
    const u = await make("mine", "user");
    const other = await make("theirs", "user");
    await audit(
      start(ids.sup as string, other, ago(50)),
      stop(ids.sup as string, other, ago(45)),
      { action: "user.ban", actorUserId: ids.op as string, targetUserId: u, at: ago(40) },
      start(ids.op as string, u, ago(30)),
      stop(ids.op as string, u, ago(25)),
    );
    const mine = await list(u);
    expect(mine.map((row) => row.startedAt)).toEqual([ago(30)]);
    expect(mine[0]?.staffRole).toBe("admin");
    expect((await list(other)).map((row) => row.startedAt)).toEqual([ago(50)]);
  });

  it("lists the newest first and at most the latest 50", async () => {
    const u = await make("often", "user");
    const total = IMPERSONATION_HISTORY_LIMIT + 5;
    await audit(...Array.from({ length: total }, (_, i) => start(ids.sup as string, u, ago(10 * (total - i)))));
    const rows = await list(u);
    expect(rows).toHaveLength(IMPERSONATION_HISTORY_LIMIT);
    expect(rows[0]?.startedAt).toEqual(ago(10));
    expect(rows.at(-1)?.startedAt).toEqual(ago(10 * IMPERSONATION_HISTORY_LIMIT));
    expect(rows.map((row) => row.startedAt.getTime())).toEqual(
      rows.map((row) => row.startedAt.getTime()).sort((a, b) => b - a),
    );
    expect(await list(u, { limit: 3 })).toHaveLength(3);
  });

  it("says the role recorded at the time, else the staffer's role now, else nothing for a deleted staffer", async () => {
    const u = await make("roles", "user");
    const demoted = await make("demoted", "support");
    const gone = await make("gone", "support");
    await audit(
      start(ids.op as string, u, ago(40), { metadata: { staffRole: "support", sessionExpiresAt: null } }),
      start(ids.sup as string, u, ago(30)),
      start(demoted, u, ago(20)),
      start(gone, u, ago(10)),
    );
    await h.db.update(user).set({ role: "user" }).where(eq(user.id, demoted));
    await h.db.delete(user).where(eq(user.id, gone));
    expect((await list(u)).map((row) => row.staffRole)).toEqual([null, null, "support", "support"]);
  });

  it("reads through the target+action index: no scan of the audit trail", async () => {
    const recorded: Array<{ sql: string; params: unknown[] }> = [];
    const logged = fromLibsql(
      drizzle(h.client, { schema, logger: { logQuery: (sql, params) => recorded.push({ sql, params }) } }),
    );
    await selectImpersonations(logged, ids.sup as string, { now: NOW });
    expect(recorded).toHaveLength(1);
    const [{ sql, params }] = recorded as [(typeof recorded)[number]];
    const plan = await h.client.execute({ sql: `explain query plan ${sql}`, args: params as never });
    const lines = plan.rows.map((row) => String(row.detail));
    // A whole-table or whole-index walk would grow with the trail; a sort of equal timestamps by id (the plan's
    // "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY") stays within the rows the limit reads.
    expect(lines.filter((line) => /^SCAN/.test(line))).toEqual([]);
    expect(lines.filter((line) => line.includes("audit_event_target_action_idx")).length).toBeGreaterThanOrEqual(3);
  });
});

describe("impersonationEnd", () => {
  it("ignores a stop at or after the next start, and one after the session expired", () => {
    const at = (m: number) => ago(m);
    expect(impersonationEnd(at(5), at(5), at(-10), NOW)).toEqual({ kind: "active", until: at(-10) });
    expect(impersonationEnd(at(5), at(4), at(1), NOW)).toEqual({ kind: "stopped", at: at(5) });
    expect(impersonationEnd(at(5), null, at(6), NOW)).toEqual({ kind: "expired", at: at(6) });
    expect(impersonationEnd(null, null, NOW, NOW)).toEqual({ kind: "expired", at: NOW });
  });
});
