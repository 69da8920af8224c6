// The provisioning API's tests: organizations with owners, admins and members made through `auth.api`, keys made the
// way the console makes them (lib/organization/provisioning/keys.ts), and requests served exactly as the route
// handlers serve them (lib/auth/key-request.ts), each through its registry row.
import { and, eq } from "drizzle-orm";
import { member } from "@/db/schema";
import type { ApiKeyScope } from "@/lib/auth/api-key-scopes";
import { serveKeyRequest } from "@/lib/auth/key-request";
import { ACTIONS, type ActionName } from "@/lib/auth/registry";
import type { KeyCall, OperationResult, ProvisioningDeps } from "@/lib/organization/provisioning/call";
import { createOrganizationApiKey } from "@/lib/organization/provisioning/keys";
import type { Harness } from "./auth-harness";
import { PASSWORD } from "./auth-harness";

let counter = 0;

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

export async function createUser(h: Harness, name: string): Promise<TestUser> {
  counter += 1;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, "-")}-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: { name, email, password: PASSWORD, data: { emailVerified: true } },
  });
  return { id: user.id, email, name };
}

/** An organization owned by `owner`. */
export async function createOrg(h: Harness, owner: TestUser, name = "Provisioned") {
  counter += 1;
  const org = await h.auth.api.createOrganization({ body: { name, slug: `prov-${counter}`, userId: owner.id } });
  if (!org) throw new Error("no organization");
  return org;
}

/** `who` joins the organization with `role`; their membership row. */
export async function join(h: Harness, organizationId: string, who: TestUser, role: string) {
  await h.auth.api.addMember({ body: { organizationId, userId: who.id, role: role as "member" } });
  const [row] = await h.db
    .select()
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, who.id)));
  if (!row) throw new Error("no member");
  return row;
}

/** A key of the organization made by `creator`. */
export async function createKey(
  h: Harness,
  organizationId: string,
  creator: TestUser,
  scopes: ApiKeyScope[],
  options: { rateLimit?: number; expiresInDays?: number | null } = {},
) {
  return createOrganizationApiKey(h.auth, {
    organizationId,
    creatorUserId: creator.id,
    name: `Key ${scopes.join(" ")}`,
    scopes,
    expiresInDays: options.expiresInDays ?? 30,
    rateLimit: options.rateLimit ?? 100,
  });
}

export function depsOf(h: Harness): ProvisioningDeps {
  return {
    db: h.db,
    auth: h.auth,
    settings: {
      BETTER_AUTH_SECRET: "unit-test-secret-0123456789abcdef0123456789",
      BETTER_AUTH_URL: h.baseURL,
      RESEND_API_KEY: "re_test",
      RESEND_BASE_URL: h.sink.url,
      ORG_MAX_PENDING_INVITATIONS: "3",
    },
  };
}

let ip = 0;

/** A request to the API as a client would send it (`key` null: no Authorization header). */
export function apiRequest(path: string, key: string | null, init: { method?: string; body?: unknown } = {}) {
  ip += 1;
  const headers = new Headers({ "cf-connecting-ip": `10.77.${Math.floor(ip / 250)}.${ip % 250}` });
  if (key !== null) headers.set("authorization", `Bearer ${key}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost:3999${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** Serves `request` through the registry row `name`, running `run` as the key (what app/api/v1's handlers do). */
export async function serve(
  h: Harness,
  name: ActionName,
  request: Request,
  run: (deps: ProvisioningDeps, call: KeyCall) => Promise<OperationResult<unknown>>,
) {
  const deps = depsOf(h);
  const response = await serveKeyRequest({ deps, rule: ACTIONS[name], request, name, run: (call) => run(deps, call) });
  const body = (await response.json()) as Record<string, unknown> & { error?: { code: string; retryAfter?: number } };
  return { status: response.status, body, headers: response.headers, code: body.error?.code };
}
