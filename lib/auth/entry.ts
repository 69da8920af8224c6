import "server-only";
// The one way into our own server actions and route handlers: the registry row (lib/auth/registry.ts) of the
// action picks the guard, an impersonation session is refused what the row does not allow it (with an audit row
// naming the staff member behind it), and a sensitive action asks for a fresh sign-in. Every action in lib/actions and
// every route handler in app/api is built with `serverAction` / `routeHandler` (a unit test checks the files), so
// nothing of ours is reachable without a row. The action chain of the console grows from here.
import { headers } from "next/headers";
import { getDb } from "@/db";
import { auditActor, recordAudit, requestOrigin } from "@/lib/audit";
import { isImpersonating, isOperator, isStaff, requireOperator, requireSession, requireStaff } from "./guard";
import { ENDPOINT_POLICY_ERROR_CODES } from "./plugins/endpoint-policy";
import { isFreshSession } from "./plugins/step-up";
import { ACTIONS, type ActionName, type Caller, type Rule } from "./registry";
import { getSession, type Session } from "./server";
import { FRESH_SIGN_IN_MESSAGE, FRESH_SIGN_IN_REQUIRED } from "./step-up-rules";

/** What an action refused by its entry returns: the words for the screen and the code for the client. */
export interface ActionRefusal {
  ok: false;
  error: string;
  code: typeof FRESH_SIGN_IN_REQUIRED | "NOT_WHILE_IMPERSONATING";
  fieldErrors?: undefined;
}

export interface ActionContext {
  name: ActionName;
  rule: Rule;
  session: Session;
  /** Who acts, for audit rows: the signed-in user and the staff member behind an impersonation. */
  actor: ReturnType<typeof auditActor>;
}

export interface ActionOptions<I> {
  /** The user an action is about, for the audit row of a refusal (default: the signed-in account). */
  target?: (input: I) => string | null | undefined;
}

const GUARDS: Record<Exclude<Caller, "anyone" | "server" | "key">, () => Promise<Session>> = {
  user: requireSession,
  member: requireSession, // the action resolves its organization through getOrgAccess (tenancy) itself
  staff: requireStaff,
  operator: requireOperator,
};

function guardOf(rule: Rule): () => Promise<Session> {
  if (rule.callers === "anyone" || rule.callers === "server" || rule.callers === "key") {
    throw new Error(`A server action is for a signed-in caller, not "${rule.callers}".`);
  }
  return GUARDS[rule.callers];
}

/** The refusal of an impersonated write, recorded first. */
async function refuseWhileImpersonating(rule: Rule, session: Session, targetUserId: string | null) {
  await recordAudit(await getDb(), {
    action: `${rule.action}.denied`,
    ...auditActor(session),
    targetUserId,
    metadata: { code: "NOT_WHILE_IMPERSONATING" },
    ...requestOrigin(await headers()),
  });
  return {
    ok: false,
    error: ENDPOINT_POLICY_ERROR_CODES.NOT_WHILE_IMPERSONATING,
    code: "NOT_WHILE_IMPERSONATING",
  } satisfies ActionRefusal;
}

/** A server action named in the registry: guard, impersonation and step-up checks, then `run`. */
export function serverAction<I = void, R = unknown>(
  name: ActionName,
  run: (context: ActionContext, input: I) => Promise<R>,
  options: ActionOptions<I> = {},
): (input: I) => Promise<R | ActionRefusal> {
  const rule: Rule = ACTIONS[name];
  const guard = guardOf(rule);
  return async (input: I) => {
    const session = await guard();
    if (isImpersonating(session) && !rule.whileImpersonating) {
      return refuseWhileImpersonating(rule, session, options.target?.(input) ?? session.user.id);
    }
    if (rule.stepUp === true && !isFreshSession(session.session)) {
      return { ok: false, error: FRESH_SIGN_IN_MESSAGE, code: FRESH_SIGN_IN_REQUIRED } satisfies ActionRefusal;
    }
    return run({ name, rule, session, actor: auditActor(session) }, input);
  };
}

export interface RouteContext {
  name: ActionName;
  rule: Rule;
  session: Session;
  actor: ReturnType<typeof auditActor>;
  request: Request;
}

/**
 * The 403 of a staff route. A signed-in caller's refusal is recorded first (`<action>.denied`, with the staff member
 * behind an impersonation); a request without a session has no one to record.
 */
async function refuseRoute(rule: Rule, session: Session | null, request: Request) {
  if (session) {
    await recordAudit(await getDb(), {
      action: `${rule.action}.denied`,
      ...auditActor(session),
      targetUserId: null,
      metadata: { code: isImpersonating(session) ? "NOT_WHILE_IMPERSONATING" : "STAFF_ONLY" },
      ...requestOrigin(request.headers),
    });
  }
  return Response.json({ error: "Forbidden" }, { status: 403 });
}

/**
 * A staff route handler named in the registry: anyone else, impersonators included, gets 403 JSON (no redirect, no
 * 404 page: these are APIs).
 */
export function routeHandler(name: ActionName, run: (context: RouteContext) => Promise<Response>) {
  const rule: Rule = ACTIONS[name];
  if (rule.callers !== "staff" && rule.callers !== "operator") {
    throw new Error(`routeHandler serves staff routes; "${name}" is for "${rule.callers}".`);
  }
  return async (request: Request) => {
    const session = await getSession();
    if (!session || isImpersonating(session) || !isStaff(session.user)) return refuseRoute(rule, session, request);
    if (rule.callers === "operator" && !isOperator(session.user)) return refuseRoute(rule, session, request);
    return run({ name, rule, session, actor: auditActor(session), request });
  };
}

/** A route handler open to anyone (its own checks decide), classified by name all the same. */
export function publicRouteHandler<H>(name: ActionName, handler: H): H {
  if (ACTIONS[name].callers !== "anyone") {
    throw new Error(`publicRouteHandler is for routes open to anyone; "${name}" is not.`);
  }
  return handler;
}
