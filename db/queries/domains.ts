import "server-only";
import { and, asc, eq, isNotNull, ne, notExists, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { member, organization, organizationDomain, organizationJoinRequest, user } from "@/db/schema";
import type { JoinMode } from "@/lib/organization/join-modes";
import type { BatchedRead } from "./batched-read";

export interface DomainRow {
  id: string;
  domain: string;
  verificationToken: string;
  affiliationEmail: string | null;
  codePending: boolean;
  affiliationVerifiedAt: Date | null;
  ownershipVerifiedAt: Date | null;
  joinMode: JoinMode;
  defaultRole: string;
  createdAt: Date;
}

/** An organization's domains, oldest first (an organization has a handful). */
export async function listDomains(organizationId: string): Promise<DomainRow[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(organizationDomain)
    .where(eq(organizationDomain.organizationId, organizationId))
    .orderBy(asc(organizationDomain.createdAt));
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    domain: row.domain,
    verificationToken: row.verificationToken,
    affiliationEmail: row.affiliationEmail,
    codePending: !!row.affiliationCodeHash && (row.affiliationCodeExpiresAt?.getTime() ?? 0) > now,
    affiliationVerifiedAt: row.affiliationVerifiedAt,
    ownershipVerifiedAt: row.ownershipVerifiedAt,
    joinMode: row.joinMode as JoinMode,
    defaultRole: row.defaultRole,
    createdAt: row.createdAt,
  }));
}

export interface JoinRequestRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  domain: string;
  createdAt: Date;
}

/** The pending requests to join an organization, oldest first. */
export async function listPendingJoinRequests(organizationId: string): Promise<JoinRequestRow[]> {
  const db = await getDb();
  return db
    .select({
      id: organizationJoinRequest.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      domain: organizationJoinRequest.domain,
      createdAt: organizationJoinRequest.createdAt,
    })
    .from(organizationJoinRequest)
    .innerJoin(user, eq(user.id, organizationJoinRequest.userId))
    .where(
      and(eq(organizationJoinRequest.organizationId, organizationId), eq(organizationJoinRequest.status, "pending")),
    )
    .orderBy(asc(organizationJoinRequest.createdAt))
    .limit(200);
}

export interface SuggestedOrganization {
  id: string;
  name: string;
  slug: string;
  domain: string;
  /** The person has asked already. */
  requested: boolean;
}

/**
 * The organizations that suggest themselves to a person with a verified address at their domain (join mode
 * "suggest", the domain verified), which they are not in yet; with whether they have asked to join.
 */
export function suggestedOrganizationsRead(userId: string, domain: string) {
  const statement = (db: Database) =>
    db
      .select({
        id: organization.id,
        name: organization.name,
        slug: organization.slug,
        domain: organizationDomain.domain,
        requested: sql<number>`exists (select 1 from ${organizationJoinRequest} r where r.organization_id = ${organization.id} and r.user_id = ${userId} and r.status = 'pending')`,
      })
      .from(organizationDomain)
      .innerJoin(organization, eq(organization.id, organizationDomain.organizationId))
      .where(
        and(
          eq(organizationDomain.domain, domain),
          eq(organizationDomain.joinMode, "suggest"),
          or(isNotNull(organizationDomain.affiliationVerifiedAt), isNotNull(organizationDomain.ownershipVerifiedAt)),
          notExists(
            db
              .select({ one: sql`1` })
              .from(member)
              .where(and(eq(member.organizationId, organization.id), eq(member.userId, userId))),
          ),
        ),
      )
      .orderBy(asc(organization.name));
  return {
    key: `suggested-organizations:${userId}:${domain}`,
    statements: (db) => [statement(db)],
    map: ([rows]): SuggestedOrganization[] =>
      (rows as Awaited<ReturnType<typeof statement>>).map((row) => ({ ...row, requested: Boolean(row.requested) })),
  } satisfies BatchedRead<SuggestedOrganization[]>;
}

/** Whether another organization has verified this domain (it can belong to one only). */
export async function domainVerifiedElsewhere(domain: string, organizationId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: organizationDomain.id })
    .from(organizationDomain)
    .where(
      and(
        eq(organizationDomain.domain, domain),
        ne(organizationDomain.organizationId, organizationId),
        or(isNotNull(organizationDomain.affiliationVerifiedAt), isNotNull(organizationDomain.ownershipVerifiedAt)),
      ),
    )
    .limit(1);
  return !!row;
}

/** One domain of an organization (null when it is not that organization's). */
export async function getDomain(organizationId: string, domainId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(organizationDomain)
    .where(and(eq(organizationDomain.organizationId, organizationId), eq(organizationDomain.id, domainId)));
  return row ?? null;
}
