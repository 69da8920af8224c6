// The audit rows the webhook catalogue needs that nothing recorded before (lib/webhooks/catalogue.ts): a new account
// from sign-up (`user.created`), a proven address (`user.email_verified`), a sign-in (`session.created`) and a
// profile change (`user.updated`). Each is written by better-auth's after-hook or database hook with its events, in
// one batch (lib/audit.ts `recordAudit`). Client addresses stay in the audit row; events never carry them.
import { defineRequestState, hasRequestState, tryGetCurrentAuthEndpointContext } from "@better-auth/core/context";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import type { Database } from "@/db/database";
import { session as sessionTable } from "@/db/schema";
import { type AuditEntry, changeWithAudit, recordAudit, requestOrigin } from "@/lib/audit";
import { takeLockoutClear } from "./account-lockout";

type Row = Record<string, unknown>;
const obj = (value: unknown): Row => (typeof value === "object" && value !== null ? (value as Row) : {});
const str = (value: unknown) => (typeof value === "string" && value ? value : null);

/**
 * The audit row of a completed sign-in (`user.sign_in`) for a new session, and a password sign-in's lockout clear to
 * land in the same D1 call (plugins/account-lockout.ts); null for an impersonation session, which is recorded as
 * impersonation.start instead. Every completed sign-in makes a session (two-factor makes it only once the code is
 * accepted).
 */
async function signInAudit(db: Database, row: Row, path: string | null | undefined) {
  if (str(row.impersonatedBy)) return null;
  const userId = str(row.userId);
  if (!userId) return null;
  const entry: AuditEntry = {
    action: "user.sign_in",
    actorUserId: userId,
    targetUserId: userId,
    // The organization active in the new session: the sign-in counts in its activity (migrations/0016).
    metadata: {
      sessionId: row.id,
      path: path ?? null,
      ...(str(row.activeOrganizationId) ? { organizationId: str(row.activeOrganizationId) } : {}),
    },
    ip: str(row.ipAddress),
    userAgent: str(row.userAgent)?.slice(0, 512) ?? null,
  };
  return { entry, alongside: await takeLockoutClear(db) };
}

/** The session whose sign-in was recorded with its insert in this request (`withSignInAudit`). */
const recordedWithInsert = defineRequestState<string | null>(() => null);

type InsertBuilder = ReturnType<Database["insert"]>;
type InsertValues = ReturnType<InsertBuilder["values"]>;

/**
 * The database better-auth's adapter writes through: a new session's insert (the adapter's `insert … returning`)
 * carries its sign-in's audit row, events and lockout clear in the same D1 call, so they land together or not at
 * all, and a sign-in makes one call fewer (README, "Performance"). The session create hook below then finds it
 * recorded. Outside better-auth's request state, and for any other write, the database's own.
 */
export function withSignInAudit(db: Database): Database {
  const insertWithAudit = async (inserting: InsertValues, values: Row) => {
    const audit = (await hasRequestState())
      ? await signInAudit(db, values, tryGetCurrentAuthEndpointContext()?.path)
      : null;
    if (!audit) return inserting.returning();
    const rows = await changeWithAudit(db, inserting.returning(), audit.entry, audit.alongside);
    await recordedWithInsert.set(str(values.id));
    return rows;
  };
  const sessionInsert = (builder: InsertBuilder): InsertBuilder =>
    new Proxy(builder, {
      get(target, key, receiver) {
        if (key !== "values") return Reflect.get(target, key, receiver);
        return (values: Row) => {
          const inserting = target.values(values as never);
          return new Proxy(inserting, {
            get(insertTarget, insertKey, insertReceiver) {
              if (insertKey !== "returning") return Reflect.get(insertTarget, insertKey, insertReceiver);
              // The adapter awaits `returning()` for the whole row: a promise of those rows stands in for it.
              return (...fields: unknown[]) =>
                fields.length > 0
                  ? (insertTarget.returning as (...args: unknown[]) => unknown)(...fields)
                  : insertWithAudit(insertTarget, values);
            },
          });
        };
      },
    });
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== "insert") return Reflect.get(target, key, receiver);
      return (table: Parameters<Database["insert"]>[0]) =>
        table === sessionTable ? sessionInsert(target.insert(table)) : target.insert(table);
    },
  });
}

/** The profile fields a user changes themself (better-auth's /update-user). */
const PROFILE_FIELDS = ["name", "image"];

export function accountEvents({ db }: { db: Database }) {
  return {
    id: "account-events",
    init() {
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                // Recorded with the insert when the adapter wrote it through withSignInAudit; here otherwise.
                async after(session, ctx) {
                  const row = session as Row;
                  if (str(row.id) && (await hasRequestState()) && (await recordedWithInsert.get()) === row.id) return;
                  const audit = await signInAudit(db, row, ctx?.path);
                  if (audit) await recordAudit(db, audit.entry, audit.alongside);
                },
              },
            },
            user: {
              update: {
                async after(user, ctx) {
                  const row = user as Row;
                  if (ctx?.path !== "/verify-email" || row.emailVerified !== true || !str(row.id)) return;
                  await recordAudit(db, {
                    action: "user.email.confirm",
                    actorUserId: str(row.id),
                    targetUserId: str(row.id),
                    event: { email: row.email },
                    ...requestOrigin(ctx?.request?.headers ?? ctx?.headers),
                  });
                },
              },
            },
          },
        },
      };
    },
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === "/sign-up/email" || ctx.path === "/update-user",
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            if (isAPIError(returned) || (returned instanceof Response && !returned.ok)) return;
            const origin = requestOrigin(ctx.request?.headers ?? ctx.headers);
            if (ctx.path === "/sign-up/email") {
              // An address that already has an account gets a look-alike answer (no probing): only a user that
              // exists now was created.
              const id = str(obj(obj(returned).user).id);
              const created = id ? await ctx.context.internalAdapter.findUserById(id) : null;
              if (!created) return;
              await recordAudit(db, {
                action: "user.sign_up",
                actorUserId: created.id,
                targetUserId: created.id,
                metadata: { email: created.email },
                event: { email: created.email, name: created.name },
                ...origin,
              });
              return;
            }
            const session = ctx.context.session;
            if (!session) return;
            const body = obj(ctx.body);
            const fields = PROFILE_FIELDS.filter((field) => field in body);
            if (fields.length === 0) return;
            await recordAudit(db, {
              action: "user.profile.update",
              actorUserId: session.user.id,
              targetUserId: session.user.id,
              metadata: { fields },
              event: "name" in body ? { name: body.name } : {},
              ...origin,
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
