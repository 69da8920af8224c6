import "server-only";
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { invitation, organization, team, user } from "@/db/schema";
import type { SortValue } from "@/lib/data-table/search-params";
import { containsAny, pageCountOf } from "./search";

export interface InvitationRow {
  id: string;
  email: string;
  role: string;
  teamName: string | null;
  inviterName: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface InvitationsQuery {
  search: string;
  sort: SortValue<"email" | "expiresAt" | "createdAt">;
  perPage: number;
  offset: number;
}

const sortColumns = {
  email: invitation.email,
  expiresAt: invitation.expiresAt,
  createdAt: invitation.createdAt,
} as const;

/** One page of an organization's pending invitations (expired ones included: they can be resent). */
export async function listPendingInvitations(organizationId: string, query: InvitationsQuery) {
  return selectInvitationsPage(await getDb(), organizationId, query);
}

/** `listPendingInvitations` on a given database. */
export async function selectInvitationsPage(db: Database, organizationId: string, query: InvitationsQuery) {
  const conditions: Array<SQL | undefined> = [
    eq(invitation.organizationId, organizationId),
    eq(invitation.status, "pending"),
    containsAny(query.search, [invitation.email]),
  ];
  const where = and(...conditions);
  const order = query.sort.desc ? desc(sortColumns[query.sort.id]) : asc(sortColumns[query.sort.id]);
  const [rows, total] = await Promise.all([
    db
      .select({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        teamName: team.name,
        inviterName: user.name,
        expiresAt: invitation.expiresAt,
        createdAt: invitation.createdAt,
      })
      .from(invitation)
      .innerJoin(user, eq(user.id, invitation.inviterId))
      .leftJoin(team, eq(team.id, invitation.teamId))
      .where(where)
      .orderBy(order, asc(invitation.id))
      .limit(query.perPage)
      .offset(query.offset),
    db.select({ n: count() }).from(invitation).where(where),
  ]);
  const rowCount = total[0]?.n ?? 0;
  const data: InvitationRow[] = rows.map((row) => ({ ...row, role: row.role ?? "member" }));
  return { data, rowCount, pageCount: pageCountOf(rowCount, query.perPage) };
}

export type InvitationState = "pending" | "expired" | "accepted" | "canceled" | "rejected";

/**
 * An invitation as its recipient sees it on /accept-invitation/<id>. The id is the secret of the link that was mailed,
 * so whoever holds it may see whom it was sent to and for which organization.
 */
export async function getInvitationForRecipient(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: invitation.status,
      expiresAt: invitation.expiresAt,
      organizationName: organization.name,
      organizationSlug: organization.slug,
      inviterName: user.name,
    })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .innerJoin(user, eq(user.id, invitation.inviterId))
    .where(eq(invitation.id, id))
    .limit(1);
  if (!row) return null;
  const state: InvitationState =
    row.status === "pending" && row.expiresAt.getTime() < Date.now()
      ? "expired"
      : ((["pending", "accepted", "canceled", "rejected"] as const).find((s) => s === row.status) ?? "canceled");
  return { ...row, role: row.role ?? "member", state };
}
