import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apikey, user } from "@/db/schema";
import { type ApiKeyScope, keyPermissionsToScopes } from "@/lib/auth/api-key-scopes";

export type ApiKeyStatus = "active" | "expired" | "stopped";

/** One API key of an organization as its page lists it (never the key itself: only its first characters). */
export interface ApiKeyRow {
  id: string;
  name: string;
  start: string | null;
  scopes: ApiKeyScope[];
  creator: { userId: string | null; name: string | null; email: string | null };
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  /** Requests per minute. */
  rateLimit: number | null;
  status: ApiKeyStatus;
}

const creatorId = sql<
  string | null
>`(case when json_valid(${apikey.metadata}) then json_extract(${apikey.metadata}, '$.creatorUserId') end)`;

function parsePermissions(value: string | null): Record<string, unknown> | null {
  try {
    return value ? (JSON.parse(value) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The organization's API keys, newest first, each with its creator and whether it still works: a key stops for good
 * when the membership its creator made it in ends (lib/auth/api-key-auth.ts checks the same at every call).
 */
export async function listOrgApiKeys(organizationId: string, now = new Date()): Promise<ApiKeyRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      key: apikey,
      creatorName: user.name,
      creatorEmail: user.email,
      // Still in the membership the key was made in (a rejoined creator's is newer than the key).
      creatorIsMember: sql<number>`exists (select 1 from member m where m.organization_id = ${apikey.referenceId} and m.user_id = ${creatorId} and m.created_at <= ${apikey.createdAt})`,
      creatorUserId: creatorId,
    })
    .from(apikey)
    .leftJoin(user, eq(user.id, creatorId))
    .where(eq(apikey.referenceId, organizationId))
    .orderBy(desc(apikey.createdAt), desc(apikey.id))
    .limit(200);
  return rows.map(({ key, creatorName, creatorEmail, creatorIsMember, creatorUserId }) => {
    const expired = key.expiresAt !== null && key.expiresAt.getTime() <= now.getTime();
    const stopped = key.enabled === false || !creatorIsMember;
    const perWindow = key.rateLimitMax ?? null;
    const windowMs = key.rateLimitTimeWindow ?? 60_000;
    return {
      id: key.id,
      name: key.name ?? "",
      start: key.start,
      scopes: keyPermissionsToScopes(parsePermissions(key.permissions)),
      creator: { userId: creatorUserId, name: creatorName, email: creatorEmail },
      createdAt: key.createdAt,
      expiresAt: key.expiresAt,
      lastUsedAt: key.lastRequest,
      rateLimit: perWindow === null ? null : Math.round((perWindow * 60_000) / windowMs),
      status: stopped ? "stopped" : expired ? "expired" : "active",
    };
  });
}
