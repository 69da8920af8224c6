// One provisioning API request, from its headers to its answer, given the database, better-auth and the settings:
// the key is verified and held to the route's scope (api-key-auth.ts), the operation runs as that key, and every call
// leaves an audit row with the key as actor: a write's row lands with the change (the operation writes it), a read's
// and a refusal's here. No cookie is read: a browser's session grants nothing on this path. key-entry.ts serves it
// to Next's route handlers; the tests call it directly.
import { recordAudit, requestOrigin } from "@/lib/audit";
import {
  type KeyCall,
  keyAuditFields,
  type OperationResult,
  type ProvisioningDeps,
} from "@/lib/organization/provisioning/call";
import { type ApiRefusal, authenticateKey } from "./api-key-auth";
import type { Rule } from "./registry";

const NO_STORE = { "cache-control": "no-store" };

/** A JSON answer of the API. */
export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** A refusal as `{ error: { code, message } }`, with the headers its status calls for. */
export function apiError(refusal: Pick<ApiRefusal, "status" | "code" | "message" | "retryAfter" | "fields">): Response {
  const headers = new Headers(NO_STORE);
  if (refusal.status === 401) {
    const error = refusal.code === "API_KEY_REQUIRED" ? "" : ', error="invalid_token"';
    headers.set("WWW-Authenticate", `Bearer realm="Gatehouse"${error}`);
  }
  if (refusal.retryAfter !== undefined) headers.set("Retry-After", String(refusal.retryAfter));
  const error = {
    code: refusal.code,
    message: refusal.message,
    ...(refusal.retryAfter === undefined ? {} : { retryAfter: refusal.retryAfter }),
    ...(refusal.fields ? { fields: refusal.fields } : {}),
  };
  return Response.json({ error }, { status: refusal.status, headers });
}

/** What a read's audit row says besides its action: how many rows it answered. */
function readSummary(body: unknown): Record<string, unknown> {
  const data = (body as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? { count: data.length } : {};
}

export interface KeyRequest {
  deps: ProvisioningDeps;
  /** The registry row of the route (callers `key`). */
  rule: Rule;
  request: Request;
  run: (call: KeyCall) => Promise<OperationResult<unknown>>;
  /** Where errors are logged from. */
  name: string;
}

/** Serves one request of the provisioning API. */
export async function serveKeyRequest({ deps, rule, request, run, name }: KeyRequest): Promise<Response> {
  const { db } = deps;
  const origin = requestOrigin(request.headers);
  const authenticated = await authenticateKey(deps, request.headers, rule.scope);
  if (!authenticated.ok) {
    // A key we know (its scope or creator fell short) is named; an unknown or rate-limited one names nobody.
    if (authenticated.key) {
      await recordAudit(db, {
        action: `${rule.action}.denied`,
        ...keyAuditFields({ key: authenticated.key, origin }, { code: authenticated.code }),
      });
    }
    return apiError(authenticated);
  }
  const call: KeyCall = { key: authenticated.key, origin };
  let result: OperationResult<unknown>;
  try {
    result = await run(call);
  } catch (error) {
    console.error(`${name} failed:`, error);
    return apiError({ status: 500, code: "INTERNAL_ERROR", message: "The request could not be completed. Try again." });
  }
  if (!result.ok) {
    await recordAudit(db, {
      action: `${rule.action}.denied`,
      ...keyAuditFields(call, { code: result.code, ...result.metadata }),
      targetUserId: result.targetUserId ?? null,
    });
    return apiError(result);
  }
  if (rule.audited && !result.audited) {
    await recordAudit(db, { action: rule.action, ...keyAuditFields(call, readSummary(result.body)) });
  }
  return apiJson(result.body, result.status ?? 200);
}
