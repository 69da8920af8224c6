// A password sign-in reads its user three times: the lockout hook looks the address up for the session's start,
// better-auth then reads the user with their accounts by address (findUserByEmail), and the admin plugin's session
// hook reads the same row again by id to refuse a banned user (findUserById), a few statements later in the same
// request. Two D1 calls fewer per sign-in (README, "Performance"):
// - the lockout hook's batch sends better-auth's read of the address itself (`userByEmailRead`, the same Drizzle
//   query its adapter writes) and keeps the answer (`keepUserByEmailRead`); the adapter's database
//   (`withKeptUserByEmailRead`) hands it to better-auth's read when that read's SQL and parameters are the same;
// - an adapter layer (`reuseSignInUser`) answers the ban check's read by id with the row the address read found.
//
// Each kept row is the one this request just read, so better-auth sees what it would have seen; it is given once,
// only to a read of the same shape, and dropped by any write through the adapter before it is asked for, so a
// request that changes the user and then reads it reads D1. Both live in better-auth's request state: never shared
// between requests.
import { defineRequestState, hasRequestState } from "@better-auth/core/context";
import type { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { DBTransactionAdapter, Where } from "better-auth/types";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { user } from "@/db/schema";

type AdapterFactory = ReturnType<typeof drizzleAdapter>;
type Adapter = DBTransactionAdapter;

/** The user row the request's last lookup by address found (its joined accounts left out). */
const lookedUp = defineRequestState<Record<string, unknown> | null>(() => null);

function only(where: Where[] | undefined, field: string): unknown {
  if (where?.length !== 1) return undefined;
  const [w] = where;
  if (w?.field !== field || (w.operator && w.operator !== "eq")) return undefined;
  return w.value;
}

/** better-auth's read of the address, kept by the lockout hook: the query's SQL and parameters, and its answer. */
const keptByEmail = defineRequestState<{ sql: string; params: string; row: unknown } | null>(() => null);

async function drop() {
  if (!(await hasRequestState())) return;
  await lookedUp.set(null);
  await keptByEmail.set(null);
}

/**
 * better-auth's read of a user and their accounts by address (`findUserByEmail` with `includeAccounts`), written as
 * its Drizzle adapter writes it: the relational query with the accounts joined, at most 100 (the adapter's default).
 * The adapter asks `findFirst`; this is `findMany` with a limit of 1, the same SQL and parameters, because Drizzle's
 * D1 batch cannot map a `findFirst` that finds nothing (it reads the first row of none).
 */
export function userByEmailRead(db: Database, email: string) {
  return db.query.user.findMany({
    where: eq(user.email, email.toLowerCase()),
    with: { accounts: { limit: 100 } },
    limit: 1,
  });
}

type UserByEmailRead = ReturnType<typeof userByEmailRead>;

const keyOf = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
  const { sql, params } = query.toSQL();
  return { sql, params: JSON.stringify(params) };
};

/** Keeps what `userByEmailRead` answered in this request for better-auth's own read (`withKeptUserByEmailRead`). */
export async function keepUserByEmailRead(query: UserByEmailRead, rows: Awaited<UserByEmailRead>) {
  if (!(await hasRequestState())) return;
  await keptByEmail.set({ ...keyOf(query), row: rows[0] });
}

/**
 * The database better-auth's adapter reads through: its relational read of a user is answered with the row the
 * lockout hook kept, once, when the two queries' SQL and parameters are the same; every other read and write is the
 * database's own.
 */
export function withKeptUserByEmailRead(db: Database): Database {
  const users = new Proxy(db.query.user, {
    get(target, key, receiver) {
      if (key !== "findFirst") return Reflect.get(target, key, receiver);
      return (config: Parameters<typeof target.findFirst>[0]) => {
        const query = target.findFirst(config);
        const answer = async () => {
          if (!(await hasRequestState())) return query;
          const kept = await keptByEmail.get();
          if (!kept) return query;
          await keptByEmail.set(null);
          const { sql, params } = keyOf(query);
          return sql === kept.sql && params === kept.params ? kept.row : query;
        };
        // The adapter only awaits the query: a promise of its rows stands in for it.
        return answer() as unknown as typeof query;
      };
    },
  });
  const relational = new Proxy(db.query, {
    get: (target, key, receiver) => (key === "user" ? users : Reflect.get(target, key, receiver)),
  });
  return new Proxy(db, {
    get: (target, key, receiver) => (key === "query" ? relational : Reflect.get(target, key, receiver)),
  });
}

/** Every adapter method that writes. */
const WRITES = ["create", "update", "updateMany", "delete", "deleteMany", "consumeOne", "incrementOne"] as const;

function reuse(base: Adapter): Adapter {
  const methods = base as unknown as Record<string, ((args: unknown) => Promise<unknown>) | undefined>;
  const writes = Object.fromEntries(
    WRITES.flatMap((name) => {
      const write = methods[name];
      if (!write) return [];
      return [
        [
          name,
          async (args: unknown) => {
            await drop();
            return write.call(base, args);
          },
        ],
      ];
    }),
  );
  return {
    ...base,
    ...writes,
    async findOne<T>(args: Parameters<Adapter["findOne"]>[0]): Promise<T | null> {
      if (args.model !== "user" || !(await hasRequestState())) return base.findOne<T>(args);
      const id = only(args.where, "id");
      const kept = await lookedUp.get();
      if (kept && typeof id === "string" && kept.id === id && !args.select && !args.join) {
        await lookedUp.set(null);
        return { ...kept } as T;
      }
      const found = await base.findOne<T>(args);
      if (typeof only(args.where, "email") === "string") {
        const { account: _accounts, ...user } = (found ?? {}) as Record<string, unknown>;
        await lookedUp.set(found ? user : null);
      }
      return found;
    },
  } as Adapter;
}

/** better-auth's adapter with the sign-in's user read reused by the ban check (see the top of this file). */
export function reuseSignInUser(factory: AdapterFactory): AdapterFactory {
  return (options) => {
    const base = factory(options);
    return { ...base, ...reuse(base), transaction: (cb) => base.transaction((trx) => cb(reuse(trx))) };
  };
}
