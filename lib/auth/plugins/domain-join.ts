// Automatic joining by verified domain: when a session begins for someone whose verified address is at a domain an
// organization owns (DNS-verified) with join mode "automatic", they become a member with the domain's default role,
// within the organization's member limit, with an audit row in the same batch. Impersonation sessions join nothing.
import type { BetterAuthPlugin } from "better-auth";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { member } from "@/db/schema";
import type { OrgLimits } from "@/lib/auth/org-limits";
import { type JoinCandidate, sessionStart } from "@/lib/auth/session-start";
import { auditIf } from "@/lib/organization/audit-if";

/** Adds the member (unless the organization is full or they are in already) and the audit row, in one batch. */
async function join(db: Database, userId: string, candidate: JoinCandidate, limit: number, ip: string | null) {
  const id = crypto.randomUUID();
  const now = Date.now();
  await db.batch([
    // insert … select: D1's batch takes query builders only; the select yields the columns in the table's order.
    db.insert(member).select(sql`
      select ${id}, ${candidate.organizationId}, ${userId}, ${candidate.defaultRole}, ${now}
      where (select count(*) from member where organization_id = ${candidate.organizationId}) < ${limit}
        and not exists (select 1 from member where organization_id = ${candidate.organizationId} and user_id = ${userId})`),
    ...auditIf(
      db,
      {
        action: "member.join.domain",
        actorUserId: userId,
        targetUserId: userId,
        organizationId: candidate.organizationId,
        metadata: { domain: candidate.domain, role: candidate.defaultRole, memberId: id },
        ip,
      },
      sql`exists (select 1 from ${member} where ${member.id} = ${id})`,
    ),
  ]);
}

export interface DomainJoinOptions {
  db: Database;
  limits: OrgLimits;
}

export function domainJoin({ db, limits }: DomainJoinOptions) {
  return {
    id: "domain-join",
    init() {
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                after: async (session, ctx) => {
                  const row = session as { userId: string; impersonatedBy?: string | null; ipAddress?: string | null };
                  if (row.impersonatedBy) return;
                  try {
                    // Read with the session's last active organization, in one D1 call (lib/auth/session-start.ts).
                    for (const candidate of (await sessionStart(db, row.userId)).joinCandidates) {
                      await join(db, row.userId, candidate, limits.members, row.ipAddress ?? null);
                    }
                  } catch (error) {
                    // Joining is a convenience on top of the sign-in: never fail the sign-in for it.
                    console.error("automatic join by domain failed:", error, ctx?.path);
                  }
                },
              },
            },
          },
        },
      };
    },
  } satisfies BetterAuthPlugin;
}
