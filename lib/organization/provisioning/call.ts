// What every provisioning operation takes and answers (lib/organization/provisioning): the database, better-auth
// (its context decides permissions, custom roles included) and the settings (limits, mail); the key that acts and
// where the request came from; a result the route turns into JSON, or a refusal with its status and code.
import type { Database } from "@/db/database";
import type { AuditEntry } from "@/lib/audit";
import { type ApiRefusal, apiRefusal, type KeyActor } from "@/lib/auth/api-key-auth";
import type { Auth, AuthSettings } from "@/lib/auth/create-auth";
import { ERROR_MESSAGES } from "@/lib/auth/errors";

export { apiRefusal };

/** The API's words for the refusals it shares with the console, said of the key's creator where they differ. */
const API_MESSAGES: Record<string, string> = {
  MEMBER_NOT_FOUND: "No member with this id in the key's organization.",
  INVITATION_NOT_FOUND: "No pending invitation with this id in the key's organization.",
  TEAM_NOT_FOUND: "No team with this id in the key's organization.",
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER: "The key's creator may not change this member's role.",
  YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER: "The key's creator may not remove members.",
  YOU_CANNOT_CHANGE_YOUR_OWN_ROLE: "A key cannot change its creator's own role; only an owner changes their own.",
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER:
    "Owners are removed by owners only, and the organization must keep an owner.",
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE: "Only an owner's key may invite someone as an owner.",
  YOU_CANNOT_GRANT_PERMISSIONS_YOU_DO_NOT_HOLD:
    "The key's creator can only give a role whose permissions they hold themselves.",
};

/** A refusal in the API's words (the console's table when the API has none of its own). */
export function refusalOf(status: ApiRefusal["status"], code: string): ApiRefusal {
  return apiRefusal(
    status,
    code,
    API_MESSAGES[code] ?? ERROR_MESSAGES[code] ?? code.toLowerCase().replaceAll("_", " "),
  );
}

export interface ProvisioningDeps {
  db: Database;
  auth: Auth;
  settings: AuthSettings;
}

/** The key that acts, and the client address and user agent of its request (for the audit row). */
export interface KeyCall {
  key: KeyActor;
  origin: { ip: string | null; userAgent: string | null };
}

/** A refusal, with what its `<action>.denied` audit row should name. */
export type OperationRefusal = ApiRefusal & { targetUserId?: string | null; metadata?: Record<string, unknown> };

/** What an operation answers: the JSON body (and status) or the refusal. `audited`: its audit row is written. */
export type OperationResult<T> = { ok: true; status?: 200 | 201; body: T; audited: boolean } | OperationRefusal;

/**
 * The audit fields of anything a key does: the key as actor (no person: its creator is in the metadata), its
 * organization, and the request's origin. `metadata` is merged with the key's name and creator.
 */
export function keyAuditFields(call: KeyCall, metadata: Record<string, unknown> = {}) {
  return {
    actorUserId: null,
    actorApiKeyId: call.key.keyId,
    impersonatorUserId: null,
    organizationId: call.key.organization.id,
    ...call.origin,
    metadata: { ...metadata, apiKey: { name: call.key.keyName, creatorUserId: call.key.creator.userId } },
  } satisfies Omit<AuditEntry, "action">;
}

/** A keyset position `<ms>.<id>` (newest first), opaque to clients (base64url). */
export function encodeCursor(row: { at: Date; id: string }): string {
  return Buffer.from(`${row.at.getTime()}.${row.id}`).toString("base64url");
}

/** The position of a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  const dot = raw.indexOf(".");
  const at = Number(raw.slice(0, dot));
  const id = raw.slice(dot + 1);
  if (dot < 1 || !Number.isSafeInteger(at) || !/^[\w-]{1,100}$/.test(id)) return null;
  return { at: new Date(at), id };
}

/** An invalid cursor's refusal. */
export const INVALID_CURSOR = apiRefusal(400, "INVALID_CURSOR", "This cursor is not valid: use a nextCursor as given.");
