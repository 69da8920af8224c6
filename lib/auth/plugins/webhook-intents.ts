// Writes an outbox intent before the better-auth endpoints whose changes emit events (lib/webhooks/intents.ts lists
// them and how the cron settles one an interrupted request left), and removes it after the endpoint, whatever the
// outcome. Placed after the policy plugins in create-auth.ts, so a request they refuse leaves no intent.
import { defineRequestState } from "@better-auth/core/context";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { webhookIntent } from "@/db/schema";
import { auditActor } from "@/lib/audit";
import { INTENT_KINDS } from "@/lib/webhooks/intents";

type Row = Record<string, unknown>;
type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
const obj = (value: unknown): Row => (typeof value === "object" && value !== null ? (value as Row) : {});
const str = (value: unknown) => (typeof value === "string" && value ? value : null);

const pendingIntent = defineRequestState<string | null>(() => null);

interface Subject {
  targetUserId: string | null;
  organizationId: string | null;
  detail: Row;
}

async function findMember(ctx: HookContext, where: { field: string; value: string }[]) {
  return ctx.context.adapter.findOne<{ id: string; userId: string; organizationId: string; role: string }>({
    model: "member",
    where,
  });
}

/** What the change is about, read as the endpoint will read it (ids passed the shape gate). */
async function subjectOf(ctx: HookContext, session: { user: { id: string }; session: Row } | null) {
  const body = obj(ctx.body);
  if (ctx.path?.startsWith("/admin/")) {
    const userId = str(body.userId);
    const user = userId ? ((await ctx.context.internalAdapter.findUserById(userId)) as Row | null) : null;
    if (!user) return null;
    return { targetUserId: userId, organizationId: null, detail: { wasBanned: Boolean(user.banned) } };
  }
  const organizationId = str(body.organizationId) ?? str(session?.session.activeOrganizationId);
  if (!organizationId) return null;
  const inOrg = { field: "organizationId", value: organizationId };
  let found: Awaited<ReturnType<typeof findMember>> = null;
  if (ctx.path === "/organization/leave" && session) {
    found = await findMember(ctx, [inOrg, { field: "userId", value: session.user.id }]);
  } else if (ctx.path === "/organization/update-member-role") {
    const memberId = str(body.memberId);
    found = memberId ? await findMember(ctx, [inOrg, { field: "id", value: memberId }]) : null;
  } else {
    const key = str(body.memberIdOrEmail);
    if (key?.includes("@")) {
      const user = await ctx.context.internalAdapter.findUserByEmail(key.toLowerCase());
      found = user ? await findMember(ctx, [inOrg, { field: "userId", value: user.user.id }]) : null;
    } else if (key) {
      found = await findMember(ctx, [inOrg, { field: "id", value: key }]);
    }
  }
  if (!found) return null;
  const role = Array.isArray(body.role) ? body.role.map(String).join(",") : str(body.role);
  const detail: Row = { memberId: found.id, role: found.role, from: found.role, to: role };
  return { targetUserId: found.userId, organizationId, detail } satisfies Subject;
}

/** better-auth plugin: outbox intents around the endpoints of INTENT_KINDS. */
export function webhookIntents({ db }: { db: Database }) {
  return {
    id: "webhook-intents",
    hooks: {
      before: [
        {
          matcher: (ctx) => Object.hasOwn(INTENT_KINDS, ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx).catch(() => null);
            const subject = await subjectOf(ctx, session as never);
            if (!subject) return; // the endpoint refuses it in its own words
            const id = crypto.randomUUID();
            await db.insert(webhookIntent).values({
              id,
              path: ctx.path ?? "",
              ...auditActor(session),
              ...subject,
              createdAt: new Date(),
            });
            await pendingIntent.set(id);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => Object.hasOwn(INTENT_KINDS, ctx.path ?? ""),
          handler: createAuthMiddleware(async () => {
            const id = await pendingIntent.get();
            if (id) await db.delete(webhookIntent).where(eq(webhookIntent.id, id));
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
