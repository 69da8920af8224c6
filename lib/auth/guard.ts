import "server-only";
import { and, eq } from "drizzle-orm";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb, getEnv } from "@/db";
import { member, organization } from "@/db/schema";
import { safeNext } from "@/lib/safe-redirect";
import { getSession } from "./server";

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
  return user.role === "admin";
}

/** The session of a platform operator; anyone else gets a 404 (the page's existence is not revealed). */
export const requireOperator = cache(async () => {
  const session = await requireSession();
  if (!isOperator(session.user)) notFound();
  return session;
});

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
