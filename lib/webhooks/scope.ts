import "server-only";
// Who may manage which endpoints, decided on the server for every webhook action: platform endpoints are for
// operators; an organization's for its members whose role grants the webhook permission the action needs (owners
// hold them all; better-auth's own check, custom roles included). Anyone else is told the endpoint does not exist.
import { getEnv } from "@/db";
import { type ActionFailure, refused } from "@/lib/actions/result";
import { getOrgAccess, isOperator, orgAllows, requireSession } from "@/lib/auth/guard";
import type { WebhookScope } from "@/lib/validations/webhooks";
import type { EndpointScope } from "./endpoints";

export type WebhookPermission = "create" | "read" | "update" | "delete";

export interface ResolvedScope {
  scope: EndpointScope;
  /** Where its endpoints are listed, for revalidation and links. */
  basePath: string;
  env: CloudflareEnv;
}

const NOT_FOUND: ActionFailure = refused("NOT_FOUND", "This endpoint does not exist, or you cannot manage it.");

/** The scope, when the caller may do `permission` there; otherwise the refusal. */
export async function resolveWebhookScope(
  input: WebhookScope,
  permission: WebhookPermission,
): Promise<ResolvedScope | ActionFailure> {
  const env = await getEnv();
  if (input.kind === "platform") {
    const session = await requireSession();
    if (!isOperator(session.user)) return NOT_FOUND;
    return { scope: { organizationId: null }, basePath: "/admin/webhooks", env };
  }
  const access = await getOrgAccess(input.slug);
  if (!access || !(await orgAllows(access, { webhook: [permission] }))) return NOT_FOUND;
  return { scope: { organizationId: access.org.id }, basePath: `/org/${access.org.slug}/webhooks`, env };
}

export function isRefusal(value: ResolvedScope | ActionFailure): value is ActionFailure {
  return "ok" in value;
}
