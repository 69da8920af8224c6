// A password sign-in reads its user twice: better-auth looks the address up (findUserByEmail), and the admin plugin's
// session hook reads the same row again by id to refuse a banned user (findUserById), a few statements later in the
// same request. This adapter layer answers the second read with the first one's row: one D1 call fewer per sign-in
// (README, "Performance").
//
// The row is the one this request just read, so the ban check sees what it would have seen; it is given once, only
// to a plain read of the same id (no select, no join), and dropped by any write through the adapter before it is asked
// for, so a request that changes the user and then reads it reads D1. It lives in better-auth's request state: never
// shared between requests.
import { defineRequestState, hasRequestState } from "@better-auth/core/context";
import type { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { DBTransactionAdapter, Where } from "better-auth/types";

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

async function drop() {
  if (await hasRequestState()) await lookedUp.set(null);
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
