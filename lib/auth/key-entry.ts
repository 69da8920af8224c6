import "server-only";
// The one way into the provisioning API (app/api/v1): every route handler there is built with `keyRouteHandler`
// under its registry row (callers `key`, the scope it needs; a unit test checks the files), and served by
// `serveKeyRequest` (key-request.ts: the key verified and held to the scope, the operation, the audit rows).
import { getDb, getEnv } from "@/db";
import type { KeyCall, OperationResult, ProvisioningDeps } from "@/lib/organization/provisioning/call";
import type { AuthSettings } from "./create-auth";
import { serveKeyRequest } from "./key-request";
import { ACTIONS, type ActionName, type Rule } from "./registry";
import { getAuth } from "./server";

export interface KeyRouteContext {
  deps: ProvisioningDeps;
  call: KeyCall;
  request: Request;
}

/** A provisioning API route handler named in the registry; `run` answers the operation's result. */
export function keyRouteHandler<P extends Record<string, string> = Record<string, never>>(
  name: ActionName,
  run: (context: KeyRouteContext, params: P) => Promise<OperationResult<unknown>>,
) {
  const rule: Rule = ACTIONS[name];
  if (rule.callers !== "key") {
    throw new Error(`keyRouteHandler serves API key routes; "${name}" is for "${rule.callers}".`);
  }
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const [env, db, auth, params] = await Promise.all([getEnv(), getDb(), getAuth(), context.params]);
    const deps: ProvisioningDeps = { db, auth, settings: env as unknown as AuthSettings };
    return serveKeyRequest({ deps, rule, request, name, run: (call) => run({ deps, call, request }, params) });
  };
}
