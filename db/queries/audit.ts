import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { auditEvent, organization, user } from "@/db/schema";
import type { AuditBaseAction } from "@/lib/audit-actions";
import { cappedTotal, containsAny, countUpTo, startsWith } from "./search";

/** The row a deleted user leaves (its metadata keeps who they were). */
const USER_DELETE: AuditBaseAction = "user.delete";

/** One audit event with the people and organization it names. */
export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  /** The organization API key that acted (the provisioning API), when no person did. */
  actorApiKeyId: string | null;
  impersonator: { id: string; name: string | null; email: string | null } | null;
  target: { id: string; name: string | null; email: string | null } | null;
  /** The account behind the address an invitation row names (`metadata.email`), when there is one. */
  invitee: { id: string; name: string | null; email: string | null } | null;
  organization: { id: string; name: string | null; slug: string | null } | null;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  metadata: Record<string, unknown> | null;
}

/**
 * What narrows the audit trail. People and organizations may be given by id or (people) email / (organizations) slug;
 * `action` is exact, or a prefix when it ends with "." or "*" ("user." → every user action).
 */
export interface AuditFilter {
  actor?: string | null;
  target?: string | null;
  action?: string | null;
  /** Any of these exact actions (the trail's action multi-select); at most 100 (D1's bound parameters). */
  actions?: readonly string[] | null;
  organization?: string | null;
  /** Exactly this organization's id (the provisioning API: never a slug another tenant could pick). */
  organizationId?: string | null;
  /** Inclusive lower bound. */
  from?: Date | null;
  /** Exclusive upper bound. */
  to?: Date | null;
  /** Free text across reason, action and the emails of actor and target. */
  search?: string | null;
  /** A user id: events where they acted, were acted on or impersonated (a user's own trail). */
  involving?: string | null;
}

const actorUser = alias(user, "actor_user");
const impersonatorUser = alias(user, "impersonator_user");
const targetUser = alias(user, "target_user");
const inviteeUser = alias(user, "invitee_user");

function personIs(
  column: typeof auditEvent.actorUserId | typeof auditEvent.targetUserId,
  value: string,
  db: Database,
): SQL {
  const email = value.trim().toLowerCase();
  const byEmail = db.select({ id: user.id }).from(user).where(eq(user.email, email));
  // A deleted user is found by the email their deletion row recorded.
  const deletedByEmail = db
    .select({ id: auditEvent.targetUserId })
    .from(auditEvent)
    .where(and(eq(auditEvent.action, USER_DELETE), sql`json_extract(${auditEvent.metadata}, '$.email') = ${email}`));
  return or(eq(column, value.trim()), inArray(column, byEmail), inArray(column, deletedByEmail)) as SQL;
}

/** The WHERE of the audit trail; the table, its CSV export and the JSON API all use it. */
export function auditWhere(filter: AuditFilter, db: Database): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.involving) {
    const id = filter.involving;
    conditions.push(
      or(eq(auditEvent.actorUserId, id), eq(auditEvent.targetUserId, id), eq(auditEvent.impersonatorUserId, id)) as SQL,
    );
  }
  if (filter.actor) conditions.push(personIs(auditEvent.actorUserId, filter.actor, db));
  if (filter.target) {
    conditions.push(
      or(
        personIs(auditEvent.targetUserId, filter.target, db),
        // Rows written before the trail kept ids of deleted users (migration 0003) have the id only in metadata.
        sql`json_extract(${auditEvent.metadata}, '$.userId') = ${filter.target.trim()}`,
      ) as SQL,
    );
  }
  if (filter.action) {
    const action = filter.action.trim();
    if (action.endsWith("*") || action.endsWith(".")) {
      // A range on audit_event_action_idx rather than LIKE 'prefix%' (D1's 50-byte pattern cap, escaping).
      conditions.push(startsWith(auditEvent.action, action.replace(/\*+$/, "")));
    } else {
      conditions.push(eq(auditEvent.action, action));
    }
  }
  if (filter.actions && filter.actions.length > 0) {
    conditions.push(inArray(auditEvent.action, filter.actions.slice(0, 100)));
  }
  if (filter.organization) {
    const value = filter.organization.trim();
    const bySlug = db.select({ id: organization.id }).from(organization).where(eq(organization.slug, value));
    conditions.push(or(eq(auditEvent.organizationId, value), inArray(auditEvent.organizationId, bySlug)) as SQL);
  }
  if (filter.organizationId) conditions.push(eq(auditEvent.organizationId, filter.organizationId));
  if (filter.from) conditions.push(gte(auditEvent.at, filter.from));
  if (filter.to) conditions.push(lt(auditEvent.at, filter.to));
  const searched = filter.search
    ? containsAny(filter.search, [auditEvent.reason, auditEvent.action, actorUser.email, targetUser.email])
    : undefined;
  if (searched) conditions.push(searched);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

function auditSelect(db: Database) {
  return (
    db
      .select({
        event: auditEvent,
        actorName: actorUser.name,
        actorEmail: actorUser.email,
        impersonatorName: impersonatorUser.name,
        impersonatorEmail: impersonatorUser.email,
        targetName: targetUser.name,
        targetEmail: targetUser.email,
        inviteeId: inviteeUser.id,
        inviteeName: inviteeUser.name,
        inviteeEmail: inviteeUser.email,
        orgName: organization.name,
        orgSlug: organization.slug,
      })
      .from(auditEvent)
      .leftJoin(actorUser, eq(actorUser.id, auditEvent.actorUserId))
      .leftJoin(impersonatorUser, eq(impersonatorUser.id, auditEvent.impersonatorUserId))
      .leftJoin(targetUser, eq(targetUser.id, auditEvent.targetUserId))
      // Invitations name an address, not a user: whether it has an account is decided when the trail is read.
      .leftJoin(
        inviteeUser,
        and(
          startsWith(auditEvent.action, "invitation."),
          eq(inviteeUser.email, sql`json_extract(${auditEvent.metadata}, '$.email')`),
        ),
      )
      .leftJoin(organization, eq(organization.id, auditEvent.organizationId))
  );
}

type AuditSelectRow = Awaited<ReturnType<ReturnType<typeof auditSelect>["limit"]>>[number];

function toRow(row: AuditSelectRow): AuditRow {
  const { event } = row;
  const person = (id: string | null, name: string | null, email: string | null) => (id ? { id, name, email } : null);
  return {
    id: event.id,
    at: event.at,
    action: event.action,
    actor: person(event.actorUserId, row.actorName, row.actorEmail),
    actorApiKeyId: event.actorApiKeyId,
    impersonator: person(event.impersonatorUserId, row.impersonatorName, row.impersonatorEmail),
    target: person(event.targetUserId, row.targetName, row.targetEmail),
    invitee: person(row.inviteeId, row.inviteeName, row.inviteeEmail),
    organization: event.organizationId ? { id: event.organizationId, name: row.orgName, slug: row.orgSlug } : null,
    reason: event.reason,
    ip: event.ip,
    userAgent: event.userAgent,
    metadata: event.metadata ?? null,
  };
}

/** One page of the audit tables: its rows and how many events match, counted up to `AUDIT_COUNT_CAP`. */
export interface AuditPage {
  data: AuditRow[];
  /** The matches, or `AUDIT_COUNT_CAP` when there are more (`capped`). */
  rowCount: number;
  /** More matches than `rowCount`: their number is not counted, nor the pages (`pageCount` is -1, unknown). */
  capped: boolean;
  pageCount: number;
}

/**
 * How many matching events are counted. The trail grows with every sign-in and every change; counting it all read
 * every row of the table (or of a user's trail) on each view, however few the page shows. Past this the table says
 * "200+", as the users search says "1,000+": it keeps a page of the trail, its count and its joins within the bench's
 * budget of 1,000 D1 rows per page (README, "Performance"); a user's trail counts up to that many in each of its three
 * indexes (countAuditEvents).
 */
export const AUDIT_COUNT_CAP = 200;

/** One page of the trail (newest first unless `oldestFirst`) and the capped total, for the audit tables. */
export async function listAuditEvents(
  filter: AuditFilter,
  page: { perPage: number; offset: number; oldestFirst?: boolean },
): Promise<AuditPage> {
  return selectAuditPage(await getDb(), filter, page);
}

/** `listAuditEvents` on a given database. */
export async function selectAuditPage(
  db: Database,
  filter: AuditFilter,
  page: { perPage: number; offset: number; oldestFirst?: boolean },
  cap = AUDIT_COUNT_CAP,
): Promise<AuditPage> {
  const where = auditWhere(filter, db);
  const direction = page.oldestFirst ? asc : desc;
  // Not db.batch: D1's batch returns rows as objects, so the joined users' same-named columns (name, email) would
  // overwrite each other; a plain select reads them positionally.
  const [rows, [total]] = await Promise.all([
    auditSelect(db)
      .where(sql`${auditEvent}.rowid in (${pageRowids(db, filter, where, page)})`)
      .orderBy(direction(auditEvent.at), direction(auditEvent.id)),
    countAuditEvents(db, filter, where, cap),
  ]);
  return { data: rows.map(toRow), ...cappedTotal(total?.n ?? 0, cap, page.perPage) };
}

/** A user's own trail and nothing else: read as three walks of their indexes (pageRowids, countAuditEvents). */
function onlyInvolving(filter: AuditFilter): filter is AuditFilter & { involving: string } {
  return Boolean(filter.involving) && Object.entries(filter).every(([key, value]) => key === "involving" || !value);
}

/**
 * The rowids of a page's events, found before anything is joined to them. Joined first, SQLite looked up the people
 * and organization of every matching event before sorting them and keeping twenty: on a user's page whose trail had
 * 2,000 events, 9,403 D1 rows a view. The users are joined here only when the free-text search needs their emails.
 *
 * A user's own trail (`involving`, and nothing else) is the union of three index walks (as actor, target, or
 * impersonator), each stopped after as many events as the page reaches (offset + page size) in the page's order:
 * an event in the page is among the first that many of every walk that finds it. One `OR` instead made SQLite collect
 * and sort all of their events.
 */
function pageRowids(
  db: Database,
  filter: AuditFilter,
  where: SQL | undefined,
  page: { perPage: number; offset: number; oldestFirst?: boolean },
): SQL {
  const order = sql.raw(page.oldestFirst ? "at asc, id asc" : "at desc, id desc");
  if (onlyInvolving(filter)) {
    const reach = page.offset + page.perPage;
    const walk = (column: SQL) =>
      sql`select * from (select rowid as rid, at, id from ${auditEvent} where ${column} = ${filter.involving} order by ${order} limit ${reach})`;
    return sql`select rid from (${walk(sql`actor_user_id`)} union ${walk(sql`target_user_id`)} union ${walk(sql`impersonator_user_id`)})
      order by ${order} limit ${page.perPage} offset ${page.offset}`;
  }
  const direction = page.oldestFirst ? asc : desc;
  const rowids = db.select({ rid: sql`${auditEvent}.rowid` }).from(auditEvent);
  const matched = filter.search
    ? rowids
        .leftJoin(actorUser, eq(actorUser.id, auditEvent.actorUserId))
        .leftJoin(targetUser, eq(targetUser.id, auditEvent.targetUserId))
    : rowids;
  return sql`${matched
    .where(where)
    .orderBy(direction(auditEvent.at), direction(auditEvent.id))
    .limit(page.perPage)
    .offset(page.offset)}`;
}

/**
 * How many events match, up to one past `cap`: the users are joined only when the free-text search needs their
 * emails.
 */
function countAuditEvents(db: Database, filter: AuditFilter, where: SQL | undefined, cap: number) {
  if (onlyInvolving(filter)) {
    // Each walk stops one past the cap, in its index alone (no table row read): when the union of the three holds at
    // most `cap` events, no walk was cut, so the count is exact; otherwise it is past the cap. One OR fetched the
    // table row of every event it counted.
    const walk = (column: SQL) =>
      sql`select * from (select rowid from ${auditEvent} where ${column} = ${filter.involving} limit ${cap + 1})`;
    return db
      .select({ n: count() })
      .from(
        sql`(${walk(sql`actor_user_id`)} union ${walk(sql`target_user_id`)} union ${walk(sql`impersonator_user_id`)})`,
      );
  }
  const matches = filter.search
    ? db
        .select({ one: sql`1` })
        .from(auditEvent)
        .leftJoin(actorUser, eq(actorUser.id, auditEvent.actorUserId))
        .leftJoin(targetUser, eq(targetUser.id, auditEvent.targetUserId))
        .where(where)
        .$dynamic()
    : db.select({ one: sql`1` }).from(auditEvent).where(where).$dynamic();
  return countUpTo(db, matches, cap);
}

/** The position after the last event of a page: `<at ms>.<id>`, opaque to clients (base64url). */
export function encodeAuditCursor(row: { at: Date; id: string }): string {
  return Buffer.from(`${row.at.getTime()}.${row.id}`).toString("base64url");
}

export function decodeAuditCursor(cursor: string): { at: Date; id: string } | null {
  try {
    const raw = Buffer.from(cursor, "base64url").toString("utf8");
    const dot = raw.indexOf(".");
    const at = Number(raw.slice(0, dot));
    const id = raw.slice(dot + 1);
    if (dot < 1 || !Number.isSafeInteger(at) || !id) return null;
    return { at: new Date(at), id };
  } catch {
    return null;
  }
}

/** Newest-first events after `cursor` (keyset paging: stable while new events arrive), plus the next cursor. */
export async function pageAuditEvents(
  filter: AuditFilter,
  cursor: { at: Date; id: string } | null,
  limit: number,
  given?: Database,
): Promise<{ events: AuditRow[]; nextCursor: string | null }> {
  const db = given ?? (await getDb());
  const after = cursor
    ? (or(lt(auditEvent.at, cursor.at), and(eq(auditEvent.at, cursor.at), lt(auditEvent.id, cursor.id))) as SQL)
    : undefined;
  const rows = await auditSelect(db)
    .where(and(auditWhere(filter, db), after))
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(limit + 1);
  const events = rows.slice(0, limit).map(toRow);
  const last = events.at(-1);
  return { events, nextCursor: rows.length > limit && last ? encodeAuditCursor(last) : null };
}

/** Every event matching the filter, newest first, a chunk at a time (for the CSV export). */
export async function* iterateAuditEvents(filter: AuditFilter, chunkSize = 500): AsyncGenerator<AuditRow[]> {
  let cursor: { at: Date; id: string } | null = null;
  for (;;) {
    const { events, nextCursor } = await pageAuditEvents(filter, cursor, chunkSize);
    if (events.length > 0) yield events;
    if (!nextCursor) return;
    cursor = decodeAuditCursor(nextCursor);
  }
}

/**
 * The distinct actions recorded so far (suggestions for the action filter), at most 200. `select distinct` read every
 * row of the trail's action index; this walks it as a skip scan, one seek per action (the next action greater than
 * the last), so it reads about as many rows as there are actions, however long the trail.
 */
export async function listAuditActions(given?: Database): Promise<string[]> {
  const db = given ?? (await getDb());
  const rows = await db.all<{ action: string }>(sql`
    with recursive actions(action) as (
      select min(action) from audit_event
      union all
      select (select min(action) from audit_event where action > actions.action) from actions
      where actions.action is not null
    )
    select action from actions where action is not null limit 200`);
  return rows.map((row) => row.action);
}
