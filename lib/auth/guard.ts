import "server-only";
import type { AuthContext } from "better-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getEnv } from "@/db";
import { type MyOrganization, myOrganizationsOf } from "@/db/queries/organizations";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { policyOf, type Standing, standingOf } from "@/lib/organization/two-factor-policy";
import { safeNext } from "@/lib/safe-redirect";
import {
  contextWithRoles,
  memberCapabilities,
  memberHasPermission,
  memberHeldPermissions,
  rolePermissions,
} from "./org-access";
import { hasPlatformRole, isStaffRole, type OrgArea, type OrgCapabilities, type OrgPermissions } from "./permissions";
import { withoutBaseline } from "./plugins/organization-roles";
import { getAuth, getMyMemberships, getSession, type Session } from "./server";
import { needsTotpState, parseSignInMethods } from "./sign-in-methods";

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

/** better-auth's context (adapter, options) for permission checks outside its endpoints. */
async function authContext(): Promise<AuthContext> {
  // $context is typed with our exact options; the permission helpers take the general AuthContext it is an instance of.
  return (await (
    await getAuth()
  ).$context) as unknown as AuthContext;
}

/**
 * The organization with this slug, the caller's membership in it and what that membership may do there (better-auth's
 * own permission check, custom roles included), or null for a non-member, whether or not the organization exists.
 * Server actions and route handlers use this (and answer "not found"); pages use `requireOrg`.
 */
/** The caller's memberships with each organization's custom roles, read with the session (lib/auth/server.ts). */
const myMemberships = cache(async () => {
  await requireSession();
  return getMyMemberships();
});

/** better-auth's context answering the caller's organizations' custom roles from `myMemberships` (no query). */
const permissionContext = cache(async () => {
  const memberships = await myMemberships();
  return contextWithRoles(await authContext(), new Map(memberships.map((m) => [m.org.id, m.roles])));
});

/**
 * Where this session stands with the organization's two-factor requirement (lib/organization/two-factor-policy.ts):
 * decided on how the session signed in; the authenticator app's state is read only when a trusted device decides it.
 */
async function twoFactorStanding(session: Session, found: { policy: Parameters<typeof policyOf>[0]; joinedAt: Date }) {
  const policy = policyOf(found.policy);
  if (!policy.required) return { state: "ok" } as Standing;
  const methods = parseSignInMethods(session.session.signInMethods);
  const twoFactorEnabled = Boolean(session.user.twoFactorEnabled);
  const totp = needsTotpState(methods, policy.methods) ? (await getTwoFactorStatus(session.user.id)).totp : undefined;
  return standingOf({ policy, joinedAt: found.joinedAt, methods, account: { twoFactorEnabled, totp } });
}

export const getOrgAccess = cache(async (slug: string) => {
  const session = await requireSession();
  const found = (await myMemberships()).find((m) => m.org.slug === slug);
  if (!found) return null;
  const [can, twoFactor] = await Promise.all([
    memberCapabilities(await permissionContext(), found.member),
    twoFactorStanding(session, { policy: found.policy, joinedAt: found.member.createdAt }),
  ]);
  const customRoles = found.roles.map((r) => r.role);
  return { session, org: found.org, member: found.member, can, customRoles, policy: found.policy, twoFactor };
});

export type OrgAccess = NonNullable<Awaited<ReturnType<typeof getOrgAccess>>>;

/**
 * The organization with this slug and the caller's membership in it. Non-members get a 404 whether or not the
 * organization exists, so one tenant cannot probe for another; so do members without the permissions of `area`
 * (e.g. "settings", "roles", "invitations": see ORG_AREA_PERMISSIONS). Queries must take the org id from here.
 * A member whose session does not meet the organization's two-factor requirement after their grace period is sent
 * to /account/security, which names the organization and the deadline.
 */
export const requireOrg = cache(async (slug: string, area?: OrgArea): Promise<OrgAccess> => {
  const access = await getOrgAccess(slug);
  if (!access) notFound();
  if (area && !access.can[area]) notFound();
  if (access.twoFactor.state === "blocked") redirect(`/account/security?required=${encodeURIComponent(slug)}`);
  return access;
});

/** The management area each organization page belongs to (pages not listed are open to every member). */
const ORG_PAGE_AREAS: Partial<Record<string, OrgArea>> = {
  settings: "settings",
  invitations: "invitations",
  roles: "roles",
  audit: "audit",
  webhooks: "webhooks",
  security: "security",
  domains: "domains",
  "api-keys": "apiKeys",
};

/** `requireOrg` for the organization layout: the area comes from the requested path (/org/<slug>/<section>). */
export async function requireOrgPage(slug: string): Promise<OrgAccess> {
  const section = new URL(await currentPath(), "http://gatehouse.invalid").pathname.split("/")[3] ?? "";
  return requireOrg(slug, ORG_PAGE_AREAS[section]);
}

/** Whether the caller's role in the organization of `access` grants these permissions (better-auth's check). */
export async function orgAllows(access: OrgAccess, permissions: OrgPermissions) {
  return memberHasPermission(await permissionContext(), access.member, permissions);
}

/** Whether the caller may hand out this role there: the rule plugins/organization-roles.ts enforces on endpoints. */
export async function mayGrantRole(access: OrgAccess, role: string) {
  if (access.can.owner) return true;
  const context = await permissionContext();
  const wanted = withoutBaseline(await rolePermissions(context, access.org.id, [role]));
  return memberHasPermission(context, access.member, wanted);
}

/** Every permission the caller holds in the organization of `access` (to offer only those in the role matrix). */
export async function heldPermissions(access: OrgAccess) {
  return memberHeldPermissions(await permissionContext(), access.member);
}

export interface MyOrganizationAccess extends MyOrganization {
  can: OrgCapabilities;
}

/** The signed-in user's organizations, each with what they may do there (for navigation; pages check again). */
export const listMyOrganizationAccess = cache(async (): Promise<MyOrganizationAccess[]> => {
  const [context, organizations] = await Promise.all([permissionContext(), myMemberships().then(myOrganizationsOf)]);
  return Promise.all(
    organizations.map(async (org) => ({
      ...org,
      can: await memberCapabilities(context, { organizationId: org.id, role: org.role }),
    })),
  );
});

export interface TwoFactorRequirement {
  organization: { id: string; name: string; slug: string };
  standing: Exclude<Standing, { state: "ok" }>;
}

/** The caller's organizations whose two-factor requirement this session does not meet yet (grace) or any more. */
export const listMyTwoFactorRequirements = cache(async (): Promise<TwoFactorRequirement[]> => {
  const session = await requireSession();
  const memberships = (await myMemberships()).filter((m) => m.policy?.requireTwoFactor);
  const standings = await Promise.all(
    memberships.map(async (m) => ({
      organization: { id: m.org.id, name: m.org.name, slug: m.org.slug },
      standing: await twoFactorStanding(session, { policy: m.policy, joinedAt: m.member.createdAt }),
    })),
  );
  return standings.filter((r): r is TwoFactorRequirement => r.standing.state !== "ok");
});

/** The bench instruments (app/api/bench) exist only in the worker `npm run bench` serves; elsewhere they 404. */
export async function requireBenchMode() {
  if ((await getEnv()).BENCH_INSTRUMENT !== "1") notFound();
}
