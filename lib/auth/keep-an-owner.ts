import type { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import type { DBTransactionAdapter, Where } from "better-auth/types";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { holdsOwner } from "@/db/queries/role-lists";
import { member } from "@/db/schema";
import { parseRoleList } from "@/lib/auth/roles";

type AdapterFactory = ReturnType<typeof drizzleAdapter>;
type Adapter = DBTransactionAdapter;

const OWNER = "owner";
/** Whether a member's role list holds `owner`, spaces or not: the one helper, db/queries/role-lists.ts. */
export const holdsOwnerRole = holdsOwner;
/**
 * True when the row being written is not an owner, or another owner of its organization remains: the condition of
 * every single-member removal or demotion (better-auth's through this adapter, the provisioning API's in its batch).
 */
export const anotherOwnerRemains = sql`(not ${holdsOwner(sql`${member.role}`)} or exists (select 1 from ${member} as "other" where "other"."organization_id" = ${member.organizationId} and "other"."id" <> ${member.id} and ${holdsOwner(sql`"other"."role"`)}))`;

/** The member id when a where clause is exactly `id = x`, the only shape better-auth uses for one member. */
function singleId(where: Where[] | undefined): string | null {
  if (where?.length !== 1) return null;
  const [w] = where;
  if (w?.field !== "id" || (w.operator && w.operator !== "eq") || typeof w.value !== "string") return null;
  return w.value;
}

/**
 * better-auth checks "is there another owner?" and then removes or demotes in a separate statement, so two owners
 * removing (or demoting) each other at the same moment both pass the check and leave the organization with none. D1
 * runs each statement atomically, so this adapter makes the write itself conditional: a member row that holds the
 * owner role is deleted, or loses that role, only if another owner of its organization remains at that instant. The
 * loser of the race gets better-auth's own "only owner" error, over HTTP and from `auth.api` alike. Deleting a whole
 * organization (`deleteMany`) and a user (cascade) are not single-member writes and are not affected.
 */
export function keepAnOwner(db: Database, factory: AdapterFactory): AdapterFactory {
  const guard = (base: Adapter): Adapter => ({
    ...base,
    async delete(args) {
      const id = args.model === "member" ? singleId(args.where) : null;
      if (!id) return base.delete(args);
      const removed = await db
        .delete(member)
        .where(and(eq(member.id, id), anotherOwnerRemains))
        .returning({ id: member.id });
      if (removed.length === 0 && (await stillThere(db, id))) {
        throw APIError.from("BAD_REQUEST", {
          code: "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER",
          message: "You cannot leave the organization as the only owner",
        });
      }
    },
    async update<T>(args: Parameters<Adapter["update"]>[0]): Promise<T | null> {
      const id = args.model === "member" ? singleId(args.where) : null;
      const role = (args.update as { role?: unknown }).role;
      if (!id || typeof role !== "string" || parseRoleList(role).includes(OWNER)) return base.update<T>(args);
      const changed = await db
        .update(member)
        .set({ role })
        .where(and(eq(member.id, id), anotherOwnerRemains))
        .returning({ id: member.id });
      if (changed.length === 0) {
        if (!(await stillThere(db, id))) return null;
        throw APIError.from("BAD_REQUEST", {
          code: "YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER",
          message: "You cannot leave the organization without an owner",
        });
      }
      if (Object.keys(args.update as object).length === 1)
        return base.findOne<T>({ model: "member", where: args.where });
      // Any other field of the update goes through better-auth as usual (it is never sent with a role today).
      return base.update<T>(args);
    },
  });
  return (options) => {
    const base = factory(options);
    return {
      ...base,
      ...guard(base),
      // better-auth's deleteMember runs "in a transaction"; without real ones (D1) that hands the callback the inner
      // adapter, which would skip the guard, so the adapter given to the callback is guarded too.
      transaction: (cb) => base.transaction((trx) => cb(guard(trx))),
    };
  };
}

async function stillThere(db: Database, id: string) {
  const rows = await db.select({ id: member.id }).from(member).where(eq(member.id, id)).limit(1);
  return rows.length > 0;
}
