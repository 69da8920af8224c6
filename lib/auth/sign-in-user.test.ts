import { runWithRequestState } from "@better-auth/core/context";
import type { DBTransactionAdapter } from "better-auth/types";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromLibsql } from "@/db/database";
import * as schema from "@/db/schema";
import { auditEvent, session as sessionTable, signInLockout, user as userTable } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";
import { createUser } from "@/test/provisioning";
import { cachedAuthHandler } from "./auth-handler";
import { keepUserByEmailRead, reuseSignInUser, userByEmailRead, withKeptUserByEmailRead } from "./sign-in-user";

describe("a password sign-in reads its user once", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  /** An auth instance whose D1 calls (a statement, or one batch of several) are recorded as their SQL. */
  function loggingAuth() {
    const calls: string[][] = [];
    const text = (statement: unknown) =>
      typeof statement === "string" ? statement : (statement as { sql: string }).sql;
    const client = new Proxy(h.client, {
      get(target, property, receiver) {
        if (property === "execute")
          return (statement: unknown, ...rest: unknown[]) => {
            calls.push([text(statement)]);
            return (target.execute as (...args: unknown[]) => unknown).call(target, statement, ...rest);
          };
        if (property === "batch")
          return (statements: unknown[], ...rest: unknown[]) => {
            calls.push(statements.map(text));
            return (target.batch as (...args: unknown[]) => unknown).call(target, statements, ...rest);
          };
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const sql = () => calls.flat();
    return { auth: h.createAuth({}, fromLibsql(drizzle(client, { schema }))), calls, sql };
  }
  const userRowReads = (sql: string[]) => sql.filter((q) => /^select "id", "name", "email", .* from "user"/is.test(q));

  it("signs in with one read of the user, in the lockout claim's call: better-auth's lookup and the ban check reuse it", async () => {
    const ada = await createUser(h, "Ada");
    const { auth, calls, sql } = loggingAuth();
    const res = await auth.api.signInEmail({ body: { email: ada.email, password: PASSWORD } });
    expect(res.user.email).toBe(ada.email);
    // The whole row once, with the claim: better-auth's lookup by address and the ban check's read by id are not made.
    expect(userRowReads(sql())).toHaveLength(1);
    const claimCall = calls.find((call) => call.some((q) => /^insert into "sign_in_lockout"/i.test(q)));
    expect(userRowReads(claimCall ?? [])).toHaveLength(1);
  });

  it("reads where the session starts in the lockout claim's call, once, also for an address typed in capitals", async () => {
    const cy = await createUser(h, "Cy");
    const { auth, calls } = loggingAuth();
    const res = await auth.api.signInEmail({ body: { email: cy.email.toUpperCase(), password: PASSWORD } });
    expect(res.user.id).toBe(cy.id);
    const reads = (pattern: RegExp) => calls.filter((call) => call.some((q) => pattern.test(q)));
    const savedOrganization = reads(/^select\b.*\bfrom "verification"/is);
    const joinCandidates = reads(/^select\b.*\bfrom "user" inner join "organization_domain"/is);
    expect(savedOrganization).toHaveLength(1);
    expect(joinCandidates).toEqual(savedOrganization);
    expect(savedOrganization[0]?.[0]).toMatch(/^insert into "sign_in_lockout"/i);
  });

  /** A password sign-in over HTTP, as worker.ts serves it. */
  const post = (auth: ReturnType<Harness["createAuth"]>, ip: string, body: unknown, origin = h.baseURL) =>
    cachedAuthHandler(auth)(
      new Request(`${h.baseURL}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, "cf-connecting-ip": ip },
        body: JSON.stringify(body),
      }),
    );

  it("over HTTP, counts the rate limit in the same D1 call as the claim: two calls for a sign-in", async () => {
    const dee = await createUser(h, "Dee");
    const { auth, calls } = loggingAuth();
    await post(auth, "198.51.100.30", { email: "warm-up@example.test", password: "x-password-1" }); // the router
    calls.length = 0;
    const res = await post(auth, "198.51.100.30", { email: dee.email, password: PASSWORD });
    expect(res.status).toBe(200);
    const [first = [], second = [], ...more] = calls.filter((call) => !call.some((q) => /^pragma/i.test(q)));
    // The rate limit and claim with the session start and the user read…
    expect(first[0]).toMatch(/^insert into "rate_limit"/i);
    expect(first[1]).toMatch(/^insert into "sign_in_lockout"/i);
    expect(userRowReads(first)).toHaveLength(1);
    // …then the session with its audit row, its event and the lockout's clear (plugins/account-events.ts).
    expect(second[0]).toMatch(/^insert into "session"/i);
    expect(second.filter((q) => /^insert into "audit_event"/i.test(q))).toHaveLength(1);
    expect(second.some((q) => /^delete from "sign_in_lockout"/i.test(q))).toBe(true);
    expect(more).toEqual([]);
    const audited = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.targetUserId, dee.id), eq(auditEvent.action, "user.sign_in")));
    expect(audited).toHaveLength(1); // recorded with the insert, not again by the session hook
    const { token } = (await res.json()) as { token: string };
    const [created] = await h.db.select().from(sessionTable).where(eq(sessionTable.token, token));
    expect(audited[0]?.metadata).toMatchObject({ sessionId: created?.id, path: "/sign-in/email" });
  });

  it("still counts sign-ins refused before the claim (bad origin, no address), and gives back a refused claim", async () => {
    const { auth } = loggingAuth();
    const ip = "198.51.100.31";
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push(
        (await post(auth, ip, { email: `x${i}@example.test`, password: "pw-123456" }, "https://evil.test")).status,
      );
      statuses.push((await post(auth, ip, { email: "not an address", password: "pw-123456" })).status);
    }
    expect(statuses).toEqual(Array(5).fill([403, 400]).flat());
    const eve = await createUser(h, "Eve");
    const refused = await post(auth, ip, { email: eve.email, password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("x-retry-after"))).toBeGreaterThanOrEqual(1);
    const [lockout] = await h.db.select().from(signInLockout).where(eq(signInLockout.email, eve.email));
    expect(lockout?.failures ?? 0).toBe(0);
    // Another address's budget is its own.
    expect((await post(auth, "198.51.100.32", { email: eve.email, password: PASSWORD })).status).toBe(200);
  });

  it("still refuses a banned user (BANNED_USER), and a ban that ended lets them in", async () => {
    const bo = await createUser(h, "Bo");
    await h.db.update(userTable).set({ banned: true, banReason: "Spam" }).where(eq(userTable.id, bo.id));
    const { auth } = loggingAuth();
    await expectRefused(auth.api.signInEmail({ body: { email: bo.email, password: PASSWORD } }), "BANNED_USER");

    await h.db
      .update(userTable)
      .set({ banExpires: new Date(Date.now() - 60_000) })
      .where(eq(userTable.id, bo.id));
    const res = await auth.api.signInEmail({ body: { email: bo.email, password: PASSWORD } });
    expect(res.user.id).toBe(bo.id);
    const [row] = await h.db.select().from(userTable).where(eq(userTable.id, bo.id));
    expect(row?.banned).toBe(false);
  });
});

describe("withKeptUserByEmailRead", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  /** The harness's database behind a counter of the statements that reach it, and the same seen by the adapter. */
  function counted() {
    let statements = 0;
    const logger = {
      logQuery: () => {
        statements += 1;
      },
    };
    const db = fromLibsql(drizzle(h.client, { schema, logger }));
    return { db, adapterDb: withKeptUserByEmailRead(db), statements: () => statements };
  }
  const inRequest = <T>(fn: () => Promise<T>) => runWithRequestState(new WeakMap(), fn);

  it("answers better-auth's read of the same address with the kept row, once, capitals or not", async () => {
    const flo = await createUser(h, "Flo");
    const { db, adapterDb, statements } = counted();
    await inRequest(async () => {
      const read = userByEmailRead(db, flo.email.toUpperCase());
      const rows = await read;
      expect(rows.map((row) => row.id)).toEqual([flo.id]);
      await keepUserByEmailRead(read, rows);
      const before = statements();
      // better-auth's adapter asks findFirst: the same SQL as the kept findMany with a limit of 1.
      const asTheAdapterAsks = () =>
        adapterDb.query.user.findFirst({ where: eq(userTable.email, flo.email), with: { accounts: { limit: 100 } } });
      expect(await asTheAdapterAsks()).toEqual(rows[0]);
      expect(statements()).toBe(before);
      expect((await asTheAdapterAsks())?.id).toBe(flo.id); // given once: this one reads D1
      expect(statements()).toBe(before + 1);
    });
  });

  it("reads D1 for another address, another shape, after a write through the adapter, and outside a request", async () => {
    const gus = await createUser(h, "Gus");
    const hal = await createUser(h, "Hal");
    const { db, adapterDb, statements } = counted();
    const keep = async (email: string) => {
      const read = userByEmailRead(db, email);
      await keepUserByEmailRead(read, await read);
    };
    await inRequest(async () => {
      await keep(gus.email);
      const before = statements();
      expect((await userByEmailRead(adapterDb, hal.email))[0]?.id).toBe(hal.id);
      await keep(gus.email);
      const withoutAccounts = await adapterDb.query.user.findFirst({ where: eq(userTable.email, gus.email) });
      expect(withoutAccounts?.id).toBe(gus.id);
      expect(statements()).toBe(before + 3); // the second keep's read and the two reads asked for
    });
    await inRequest(async () => {
      await keep(gus.email);
      // better-auth's own adapter (over withKeptUserByEmailRead, as create-auth.ts builds it) writes the user.
      const { adapter } = await h.auth.$context;
      await adapter.update({ model: "user", where: [{ field: "id", value: gus.id }], update: { name: "Gus B" } });
      const found = await adapter.findOne<{ name: string }>({
        model: "user",
        where: [{ field: "email", value: gus.email }],
        join: { account: true },
      });
      expect(found?.name).toBe("Gus B"); // the kept row said "Gus"
    });
    await keep(hal.email); // no request state: nothing is kept
    const before = statements();
    await userByEmailRead(adapterDb, hal.email);
    expect(statements()).toBe(before + 1);
  });
});

describe("reuseSignInUser", () => {
  const row = { id: "u1", email: "ada@example.test", name: "Ada" };
  /** An adapter that answers every user read with `row` and counts the reads that reached it. */
  function counting() {
    const reads: unknown[] = [];
    const base = {
      findOne: async (args: unknown) => {
        reads.push(args);
        return { ...row, account: [{ id: "a1" }] };
      },
      update: async () => null,
      transaction: async (cb: (trx: DBTransactionAdapter) => Promise<unknown>) =>
        cb(base as unknown as DBTransactionAdapter),
    };
    const factory = (() => base) as unknown as Parameters<typeof reuseSignInUser>[0];
    const adapter = reuseSignInUser(factory)({}) as unknown as DBTransactionAdapter;
    return { adapter, reads };
  }
  const byEmail = { model: "user", where: [{ field: "email", value: row.email }], join: { account: true } };
  const byId = { model: "user", where: [{ field: "id", value: row.id }] };
  const inRequest = <T>(fn: () => Promise<T>) => runWithRequestState(new WeakMap(), fn);

  it("answers one read of the same id after a lookup by address, without its joined accounts", async () => {
    const { adapter, reads } = counting();
    await inRequest(async () => {
      await adapter.findOne(byEmail as never);
      expect(await adapter.findOne(byId as never)).toEqual(row);
      expect(reads).toHaveLength(1);
      await adapter.findOne(byId as never); // given once only
      expect(reads).toHaveLength(2);
    });
  });

  it("reads D1 again after any write, for another id, with a select, and outside a request", async () => {
    const { adapter, reads } = counting();
    await inRequest(async () => {
      await adapter.findOne(byEmail as never);
      await adapter.update({ model: "user", where: [{ field: "id", value: row.id }], update: { name: "A" } } as never);
      await adapter.findOne(byId as never);
      expect(reads).toHaveLength(2);

      await adapter.findOne(byEmail as never);
      await adapter.findOne({ model: "user", where: [{ field: "id", value: "u2" }] } as never);
      await adapter.findOne({ ...byId, select: ["id"] } as never);
      expect(reads).toHaveLength(5);
    });
    await inRequest(() => adapter.findOne(byEmail as never));
    await inRequest(() => adapter.findOne(byId as never)); // another request: nothing kept
    await adapter.findOne(byEmail as never);
    await adapter.findOne(byId as never);
    expect(reads).toHaveLength(9);
  });
});
