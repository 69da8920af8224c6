// The provisioning API in the OpenAPI document staff read (GET /api/auth/open-api/generate-schema, better-auth's
// openAPI plugin): its paths, described from the same zod schemas that check the requests, with the scope each needs
// and the refusals it answers. better-auth's document covers its own endpoints only; lib/auth/plugins/api-keys.ts
// adds these to it (and drops the api-key plugin's endpoints, which are closed over HTTP).
import { z } from "zod";
import { API_KEY_SCOPE_LABELS, type ApiKeyScope } from "@/lib/auth/api-key-scopes";
import {
  createInvitationBodySchema,
  listAuditEventsQuerySchema,
  listInvitationsQuerySchema,
  listMembersQuerySchema,
  updateMemberBodySchema,
} from "@/lib/validations/provisioning";

type Json = Record<string, unknown>;

const TAG = "Provisioning API";
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ "application/json": { schema } });

/** The shared schemas of the API's bodies, under components/schemas. */
export const PROVISIONING_SCHEMAS: Record<string, Json> = {
  ApiError: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", example: "INSUFFICIENT_SCOPE" },
          message: { type: "string" },
          retryAfter: { type: "integer", description: "Seconds to wait (429)." },
          fields: { type: "object", additionalProperties: { type: "string" }, description: "Per-field words (400)." },
        },
      },
    },
  },
  Member: {
    type: "object",
    required: ["id", "userId", "email", "name", "role", "joinedAt"],
    properties: {
      id: { type: "string", description: "The membership's id (use it in /members/{memberId})." },
      userId: { type: "string" },
      email: { type: "string", format: "email" },
      name: { type: "string" },
      role: { type: "string", description: "Comma-separated role names." },
      joinedAt: { type: "string", format: "date-time" },
    },
  },
  Invitation: {
    type: "object",
    required: ["id", "email", "role", "status", "inviterId", "createdAt", "expiresAt"],
    properties: {
      id: { type: "string" },
      email: { type: "string", format: "email" },
      role: { type: "string" },
      teamId: { type: ["string", "null"] },
      status: { type: "string", enum: ["pending", "accepted", "rejected", "canceled"] },
      inviterId: { type: "string", description: "The key's creator: invitations a key sends name them." },
      createdAt: { type: "string", format: "date-time" },
      expiresAt: { type: "string", format: "date-time" },
    },
  },
  AuditEvent: {
    type: "object",
    required: ["id", "at", "action"],
    properties: {
      id: { type: "string" },
      at: { type: "string", format: "date-time" },
      action: { type: "string", example: "member.remove" },
      actor: {
        oneOf: [
          {
            type: "object",
            properties: { type: { const: "user" }, userId: { type: "string" }, email: { type: "string" } },
          },
          { type: "object", properties: { type: { const: "api_key" }, apiKeyId: { type: "string" } } },
          { type: "null" },
        ],
      },
      impersonatorUserId: { type: ["string", "null"] },
      target: { type: ["object", "null"], properties: { userId: { type: "string" }, email: { type: "string" } } },
      metadata: { type: ["object", "null"] },
    },
  },
};

const page = (item: string) => ({
  type: "object",
  required: ["data", "nextCursor"],
  properties: {
    data: { type: "array", items: ref(item) },
    nextCursor: { type: ["string", "null"], description: "Pass as `cursor` for the next page; null at the end." },
  },
});

/** The query parameters of a zod object schema, as OpenAPI parameters. */
function queryParameters(schema: z.ZodType): Json[] {
  const described = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(described.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: described.required?.includes(name) ?? false,
    description: property.description,
    schema: property,
  }));
}

function body(schema: z.ZodType) {
  return { required: true, content: json(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json) };
}

const refusal = (description: string) => ({ description, content: json(ref("ApiError")) });

/** The answers every call may get, besides its own. */
const COMMON = {
  "400": refusal("The request failed its schema (INVALID_REQUEST, INVALID_JSON, INVALID_CURSOR) or a rule."),
  "401": refusal(
    "No key, or not a working one: API_KEY_REQUIRED, INVALID_API_KEY (revoked or unknown), KEY_EXPIRED, KEY_DISABLED (its creator left the organization), KEY_CREATOR_BANNED.",
  ),
  "403": refusal(
    "INSUFFICIENT_SCOPE, KEY_CREATOR_LACKS_PERMISSION (the creator's role no longer allows it), or an organization rule.",
  ),
  "429": {
    ...refusal("RATE_LIMITED: the key's requests per minute are used up."),
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
  },
};

function operation(scope: ApiKeyScope, summary: string, extra: Json, answers: Record<string, unknown>) {
  return {
    tags: [TAG],
    summary,
    description: `Scope \`${scope}\` (${API_KEY_SCOPE_LABELS[scope].label.toLowerCase()}). Acts with the rights its creator holds now; every call is audited with the key as actor.`,
    security: [{ organizationApiKey: [] }],
    "x-gatehouse-scope": scope,
    ...extra,
    responses: { ...answers, ...COMMON },
  };
}

const idParameter = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });

/** The API's paths; each names the console's origin as its server (better-auth's document is under /api/auth). */
export function provisioningPaths(origin: string): Record<string, Json> {
  const servers = [{ url: origin }];
  return {
    "/api/v1/members": {
      servers,
      get: operation(
        "members:read",
        "List the organization's members, newest first",
        { parameters: queryParameters(listMembersQuerySchema) },
        { "200": { description: "A page of members.", content: json(page("Member")) } },
      ),
    },
    "/api/v1/members/{memberId}": {
      servers,
      parameters: [idParameter("memberId")],
      patch: operation(
        "members:write",
        "Change a member's role",
        { requestBody: body(updateMemberBodySchema) },
        {
          "200": {
            description: "The member with the new role.",
            content: json({ type: "object", properties: { member: ref("Member") } }),
          },
          "404": refusal("MEMBER_NOT_FOUND"),
        },
      ),
      delete: operation(
        "members:write",
        "Remove a member (an owner is removed only by an owner's key, and never the last owner)",
        {},
        {
          "200": {
            description: "The member removed.",
            content: json({ type: "object", properties: { member: ref("Member") } }),
          },
          "404": refusal("MEMBER_NOT_FOUND"),
        },
      ),
    },
    "/api/v1/invitations": {
      servers,
      get: operation(
        "invitations:write",
        "List invitations (pending by default), newest first",
        { parameters: queryParameters(listInvitationsQuerySchema) },
        { "200": { description: "A page of invitations.", content: json(page("Invitation")) } },
      ),
      post: operation(
        "invitations:write",
        "Invite someone: they get the invitation mail and accept it in the console",
        { requestBody: body(createInvitationBodySchema) },
        {
          "201": {
            description:
              "The invitation; `mailSent` is false when the mail could not be sent (resend it from the console).",
            content: json({
              type: "object",
              properties: { invitation: ref("Invitation"), mailSent: { type: "boolean" } },
            }),
          },
          "409": refusal(
            "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION, USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION, INVITATION_LIMIT_REACHED, INVITATION_IN_PROGRESS.",
          ),
        },
      ),
    },
    "/api/v1/invitations/{invitationId}": {
      servers,
      parameters: [idParameter("invitationId")],
      delete: operation(
        "invitations:write",
        "Cancel a pending invitation",
        {},
        {
          "200": {
            description: "The cancelled invitation.",
            content: json({ type: "object", properties: { invitation: ref("Invitation") } }),
          },
          "404": refusal("INVITATION_NOT_FOUND"),
        },
      ),
    },
    "/api/v1/audit-events": {
      servers,
      get: operation(
        "audit:read",
        "Page through the organization's audit trail, newest first",
        { parameters: queryParameters(listAuditEventsQuerySchema) },
        { "200": { description: "A page of audit events.", content: json(page("AuditEvent")) } },
      ),
    },
  };
}

/** better-auth's document with the provisioning API added and `hidden` paths (closed over HTTP) removed. */
export function withProvisioningApi(document: Json, origin: string, hidden: (path: string) => boolean): Json {
  const paths = Object.fromEntries(
    Object.entries((document.paths as Record<string, Json> | undefined) ?? {}).filter(([path]) => !hidden(path)),
  );
  const components = (document.components as Json | undefined) ?? {};
  return {
    ...document,
    tags: [
      ...((document.tags as Json[] | undefined) ?? []),
      { name: TAG, description: "For an organization's own systems, with an organization API key (Bearer)." },
    ],
    components: {
      ...components,
      schemas: { ...((components.schemas as Json | undefined) ?? {}), ...PROVISIONING_SCHEMAS },
      securitySchemes: {
        ...((components.securitySchemes as Json | undefined) ?? {}),
        organizationApiKey: {
          type: "http",
          scheme: "bearer",
          description: "An organization API key (made on /org/<slug>/api-keys): Authorization: Bearer gatehouse_…",
        },
      },
    },
    paths: { ...paths, ...provisioningPaths(origin) },
  };
}
