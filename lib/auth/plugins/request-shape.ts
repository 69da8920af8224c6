// Every rule of ours reads ids and roles from the request before better-auth validates it, and better-auth then
// coerces what it validates (`userId: z.coerce.string()` turns `["x"]` into "x"). A rule that read `["x"]` as "no
// user" would pass a request that better-auth then carries out on user "x". So this plugin runs first and refuses,
// with 400 before any rule or endpoint sees it, every id or role field that is not already in the one shape both read
// the same way: a non-empty string without surrounding spaces or control characters (roles and team ids: such a
// string or a list of them; null only where the endpoint itself means "none" by it). What passes is a value that
// better-auth's own schema leaves unchanged, so every rule decides on exactly what will be acted on.
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { Database } from "@/db/database";
import { auditActor, deniedAction, recordAudit, requestOrigin } from "@/lib/audit";
import { auditActionOf } from "@/lib/auth/registry";

export const INVALID_REQUEST_FIELD = "INVALID_REQUEST_FIELD";

/** Fields holding one id (or one name or token used as an id), in any endpoint's body or query. */
export const ID_FIELDS = [
  "userId",
  "sessionToken",
  "memberId",
  "memberIdOrEmail",
  "organizationId",
  "organizationSlug",
  "invitationId",
  "id",
  "token",
  "roleId",
  "roleName",
  "accountId",
  "providerId",
  "passkeyId",
] as const;
/** Fields better-auth accepts as one value or a list of them; every item is held to the id shape. */
export const LIST_FIELDS = ["role", "teamId"] as const;
/** Addresses: better-auth validates their format, but a rule keyed by an address must get a string. */
export const EMAIL_FIELDS = ["email", "newEmail"] as const;

/** Where an endpoint means "none" by null (unset the active organization or team). */
export const NULLABLE_FIELDS: Record<string, readonly string[]> = {
  "/organization/set-active": ["organizationId"],
  "/organization/set-active-team": ["teamId"],
};

/** Fields that are not ids on one endpoint: the name of a role being created is checked as a name (input-hygiene). */
const NOT_IDS: Record<string, readonly string[]> = { "/organization/create-role": ["role"] };

const MAX_ID_LENGTH = 320; // memberIdOrEmail may be an address
/** Signed tokens (the mailed links' JWTs) carry both addresses and grow with them. */
const MAX_TOKEN_LENGTH = 4096;
const MAX_LIST_LENGTH = 20;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** Whether a value is a plain id: what both our rules and better-auth's schema read as the same string. */
export function isPlainId(value: unknown, maxLength = MAX_ID_LENGTH): value is string {
  return (
    typeof value === "string" &&
    value.length > 0 &&
    value.length <= maxLength &&
    value.trim() === value &&
    !UNPRINTABLE.test(value)
  );
}

/** Why a field's value is refused, or null when it has the plain shape (absent counts as plain). */
export function shapeProblem(path: string, field: string, value: unknown): string | null {
  if (value === undefined || NOT_IDS[path]?.includes(field)) return null;
  if (value === null) return NULLABLE_FIELDS[path]?.includes(field) ? null : `${field} must not be null`;
  if ((EMAIL_FIELDS as readonly string[]).includes(field)) {
    return typeof value === "string" ? null : `${field} must be a single email address`;
  }
  if ((LIST_FIELDS as readonly string[]).includes(field) && Array.isArray(value)) {
    if (value.length === 0 || value.length > MAX_LIST_LENGTH)
      return `${field} must list 1 to ${MAX_LIST_LENGTH} values`;
    return value.every((item) => isPlainId(item))
      ? null
      : `every ${field} in the list must be a non-empty string without spaces`;
  }
  const maxLength = field === "token" || field === "sessionToken" ? MAX_TOKEN_LENGTH : MAX_ID_LENGTH;
  return isPlainId(value, maxLength) ? null : `${field} must be a single non-empty string without surrounding spaces`;
}

const CHECKED = [...ID_FIELDS, ...LIST_FIELDS, ...EMAIL_FIELDS];

/** The first refused field of a body or query (top level, where better-auth reads them), or null. */
export function firstShapeProblem(path: string, input: unknown): string | null {
  if (input === undefined || input === null) return null;
  if (typeof input !== "object" || Array.isArray(input)) return "the request must be a JSON object";
  const record = input as Record<string, unknown>;
  for (const field of CHECKED) {
    if (!Object.hasOwn(record, field)) continue;
    const problem = shapeProblem(path, field, record[field]);
    if (problem) return problem;
  }
  return null;
}

export interface RequestShapeOptions {
  db: Database;
}

/** better-auth plugin: the id-shape gate described at the top; put it right after sessionCacheScope. */
export function requestShape({ db }: RequestShapeOptions) {
  return {
    id: "request-shape",
    $ERROR_CODES: {
      [INVALID_REQUEST_FIELD]: { code: INVALID_REQUEST_FIELD, message: "A field of this request has the wrong shape." },
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path !== undefined,
          handler: createAuthMiddleware(async (ctx) => {
            const problem = firstShapeProblem(ctx.path, ctx.body) ?? firstShapeProblem(ctx.path, ctx.query);
            if (!problem) return;
            // A refused request of a signed-in user is part of the trail; its target is unknown by construction.
            const session = await getSessionFromCtx(ctx).catch(() => null);
            if (session) {
              await recordAudit(db, {
                action: deniedAction(auditActionOf(ctx.path)),
                ...auditActor(session as Parameters<typeof auditActor>[0]),
                metadata: { code: INVALID_REQUEST_FIELD, path: ctx.path, problem },
                ...requestOrigin(ctx.headers),
              });
            }
            throw APIError.from("BAD_REQUEST", {
              code: INVALID_REQUEST_FIELD,
              message: `Invalid request: ${problem}.`,
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
