import "server-only";
import { and, eq } from "drizzle-orm";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb, getEnv } from "@/db";
import { member, organization } from "@/db/schema";
import { safeNext } from "@/lib/safe-redirect";
import { hasPlatformRole, isStaffRole } from "./permissions";
import { getSession, type Session } from "./server";

/** The path of the current console request, set by middleware.ts, for the sign-in round trip. */
async function currentPath() {
  return safeNext((await headers()).get("x-gatehouse-path"));
}

/** The signed-in session, or a redirect to /sign-in?next=<this page>. The first call of every console page. */
export const requireSession = cache(async () => {
  const session = await getSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(await currentPath())}`);
  return session;
});

/** Whether a user holds the platform operator role. */
export function isOperator(user: { role?: string | null }) {
  return hasPlatformRole(user.role, "admin");
}

/** Whether a user is platform staff: an operator or support. */
export function isStaff(user: { role?: string | null }) {
  return isStaffRole(user.role);
}

/** Whether this session is an operator acting as someone else (admin plugin impersonation). */
export function isImpersonating(session: Session) {
  return Boolean(session.session.impersonatedBy);
}

/**
 * The session of platform staff (operators and support). Anyone else, and anyone impersonating, gets a 404 (the page's
 * existence is not revealed; an impersonator is the impersonated user for the length of it).
 */
export const requireStaff = cache(async () => {
  const session = await requireSession();
  if (isImpersonating(session) || !isStaff(session.user)) notFound();
  return session;
});

/** The session of a platform operator (not support); anyone else, and anyone impersonating, gets a 404. */
export const requireOperator = cache(async () => {
  const session = await requireStaff();
  if (!isOperator(session.user)) notFound();
  return session;
});

/** For route handlers: the staff session, or null (the handler answers 403; no redirect, no 404 page). */
export async function getStaffSession(): Promise<Session | null> {
  const session = await getSession();
  if (!session || isImpersonating(session) || !isStaff(session.user)) return null;
  return session;
}

/**
 * The organization with this slug and the caller's membership in it. Non-members get a 404 whether or not the
 * organization exists, so one tenant cannot probe for another. Queries must take the org id from here.
 */
export const requireOrg = cache(async (slug: string) => {
  const session = await requireSession();
  const db = await getDb();
  const [row] = await db
    .select({ org: organization, member })
    .from(organization)
    .innerJoin(member, and(eq(member.organizationId, organization.id), eq(member.userId, session.user.id)))
    .where(eq(organization.slug, slug))
    .limit(1);
  if (!row) notFound();
  return { session, org: row.org, member: row.member };
});

/** The bench instruments (app/api/bench) exist only in the worker `npm run bench` serves; elsewhere they 404. */
export async function requireBenchMode() {
  if ((await getEnv()).BENCH_INSTRUMENT !== "1") notFound();
}
