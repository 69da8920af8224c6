// Organization permission checks through better-auth's own `hasPermission` (the function its endpoints use), so the
// console and the HTTP API can never disagree, custom (dynamic) roles included.
import { hasRequestState, runWithRequestState } from "@better-auth/core/context";
import type { AuthContext } from "better-auth";
import { hasPermission } from "better-auth/plugins/organization";
import type { RoleRow } from "@/db/queries/organizations";
import {
  ORG_AREA_PERMISSIONS,
  type OrgArea,
  type OrgCapabilities,
  type OrgPermissions,
  orgAccessControl,
  orgRoles,
  orgStatements,
  parseRoleList,
} from "./permissions";

type PermissionContext = Parameters<typeof hasPermission>[1];
type PermissionOptions = Parameters<typeof hasPermission>[0]["options"];
type PermissionMap = Record<string, string[]>;

// `orgAccessControl` is exactly what the organization plugin is configured with (create-auth.ts spreads it).
const options = orgAccessControl as unknown as PermissionOptions;

/** Runs `fn` with a better-auth request state, so role definitions are read from the database once per call tree. */
async function withRoleCache<T>(fn: () => Promise<T>): Promise<T> {
  if (await hasRequestState()) return fn();
  return runWithRequestState(new WeakMap(), fn);
}

/**
 * `Promise.all(items.map(check))`, except that the first check runs alone: it loads the organization's role
 * definitions into the request's role cache, which the rest then read. All at once, every check missed the cache and
 * read them itself (the members page issued 31 D1 statements, 22 of them the same roles query).
 */
async function checkAll<T, R>(items: readonly T[], check: (item: T) => Promise<R>): Promise<R[]> {
  const [first, ...rest] = items;
  if (first === undefined) return [];
  const head = await check(first);
  return [head, ...(await Promise.all(rest.map(check)))];
}

/**
 * better-auth's context, except that its adapter answers "the custom roles of organization X" from rows this request
 * has already read (db/queries/organizations.ts `myMembershipsQuery`). better-auth's `hasPermission` reads them with
 * exactly that `findMany`; it still parses, validates and merges them itself, so the verdict stays better-auth's, one
 * query fewer on every organization page. Any other read goes to the real adapter.
 */
export function contextWithRoles(context: AuthContext, rolesByOrganization: ReadonlyMap<string, RoleRow[]>) {
  const real = context.adapter;
  const findMany: typeof real.findMany = async (query) => {
    const [only, ...more] = query.where ?? [];
    const known =
      query.model === "organizationRole" && more.length === 0 && only?.field === "organizationId"
        ? rolesByOrganization.get(String(only.value))
        : undefined;
    if (known && (only?.operator ?? "eq") === "eq") return known as never;
    return real.findMany(query);
  };
  const adapter = Object.assign(Object.create(real) as typeof real, { findMany });
  return Object.assign(Object.create(context) as AuthContext, { adapter });
}

function nonEmpty(permissions: OrgPermissions | PermissionMap): PermissionMap {
  const result: PermissionMap = {};
  for (const [resource, actions] of Object.entries(permissions)) {
    if (actions && actions.length > 0) result[resource] = [...actions];
  }
  return result;
}

export interface MemberRef {
  organizationId: string;
  /** The member's role column (a comma-separated list). */
  role: string;
}

/** Whether this member's role(s) grant every permission in `permissions` (better-auth's check, custom roles included). */
export async function memberHasPermission(
  context: AuthContext,
  member: MemberRef,
  permissions: OrgPermissions | PermissionMap,
): Promise<boolean> {
  const required = nonEmpty(permissions);
  if (Object.keys(required).length === 0) return true;
  return withRoleCache(() =>
    hasPermission(
      {
        role: member.role,
        organizationId: member.organizationId,
        options,
        permissions: required,
        useMemoryCache: true,
      },
      { context } as PermissionContext,
    ),
  );
}

/** Every management capability of a member in their organization (one roles query, then in memory). */
export async function memberCapabilities(context: AuthContext, member: MemberRef): Promise<OrgCapabilities> {
  return withRoleCache(async () => {
    const entries = await checkAll(
      Object.keys(ORG_AREA_PERMISSIONS) as OrgArea[],
      async (area) => [area, await memberHasPermission(context, member, ORG_AREA_PERMISSIONS[area])] as const,
    );
    const capabilities = Object.fromEntries(entries) as Record<OrgArea, boolean>;
    return { ...capabilities, owner: parseRoleList(member.role).includes(orgAccessControl.creatorRole) };
  });
}

/** The union of the permissions the named roles grant in an organization (built-in and custom roles). */
export async function rolePermissions(
  context: AuthContext,
  organizationId: string,
  roleNames: readonly string[],
): Promise<PermissionMap> {
  const union: Record<string, Set<string>> = {};
  const add = (statements: Record<string, readonly string[] | undefined>) => {
    for (const [resource, actions] of Object.entries(statements)) {
      if (!(resource in orgStatements) || !actions) continue;
      union[resource] ??= new Set();
      for (const action of actions) union[resource].add(action);
    }
  };
  const custom = roleNames.filter((name) => !(name in orgRoles));
  for (const name of roleNames) {
    const builtIn = orgRoles[name as keyof typeof orgRoles];
    if (builtIn) add(builtIn.statements);
  }
  if (custom.length > 0) {
    const rows = await context.adapter.findMany<{ role: string; permission: string }>({
      model: "organizationRole",
      where: [
        { field: "organizationId", value: organizationId },
        { field: "role", value: custom, operator: "in" },
      ],
    });
    for (const row of rows) {
      try {
        add(JSON.parse(row.permission) as Record<string, string[]>);
      } catch {
        // A malformed row grants nothing; better-auth itself refuses to use it.
      }
    }
  }
  return Object.fromEntries(Object.entries(union).map(([resource, actions]) => [resource, [...actions]]));
}

/** Every permission the member holds, resource by resource (what they could grant in a custom role). */
export async function memberHeldPermissions(context: AuthContext, member: MemberRef): Promise<PermissionMap> {
  return withRoleCache(async () => {
    const held: PermissionMap = {};
    for (const [resource, actions] of Object.entries(orgStatements)) {
      const granted = await checkAll(actions, async (action: string) =>
        (await memberHasPermission(context, member, { [resource]: [action] })) ? action : null,
      );
      held[resource] = granted.filter((action): action is string => action !== null);
    }
    return held;
  });
}
