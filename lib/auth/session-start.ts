// What a new session starts from, read in one D1 call (a password sign-in's lockout claim carries it:
// sessionStartByEmail; otherwise when better-auth creates the session): the organization the user last worked in,
// while they are still its member (plugins/organization-policy.ts restores it), and the organizations their verified
// address joins automatically (plugins/domain-join.ts). Two plugins' session hooks ask;
// the first call reads both in one `db.batch`, the second gets the same answer from the request's state. Before, they
// took a D1 call each (two for a user with a saved organization), which was 1.5–2 ms of a sign-in's CPU in the bench.
import { defineRequestState, hasRequestState } from "@better-auth/core/context";
import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { organizationDomain, user, verification } from "@/db/schema";
import { userByEmailRead } from "@/lib/auth/sign-in-user";

/** Where a user's next session starts: better-auth's verification row of this identifier holds the organization. */
export const LAST_ACTIVE_PREFIX = "last-active-organization:";

export const lastActiveKey = (userId: string) => `${LAST_ACTIVE_PREFIX}${userId}`;

/** An organization this user's verified address joins automatically, which they are not in yet. */
export interface JoinCandidate {
  organizationId: string;
  defaultRole: string;
  domain: string;
}

export interface SessionStart {
  /** The organization saved as last active, when they are still a member; otherwise null. */
  lastActiveOrganizationId: string | null;
  joinCandidates: JoinCandidate[];
}

// Query builders, not `db.all(sql)`: D1's batch in Drizzle takes only statements it prepared itself (a raw `all`
// has none to bind, which libSQL's batch in the unit tests does not mind). The columns of each are distinct: D1
// keys a batch's rows by column name.
// `userId` is the id, or SQL that gives it (the user of an address: sessionStartByEmail).
function statements(db: Database, userId: string | SQL) {
  const key = typeof userId === "string" ? lastActiveKey(userId) : sql`(${LAST_ACTIVE_PREFIX} || ${userId})`;
  return [
    // The newest saved row (as better-auth's findVerificationValue reads it), kept only while they are a member.
    db
      .select({ organizationId: verification.value })
      .from(verification)
      .where(
        and(
          eq(verification.identifier, key),
          sql`${verification.createdAt} = (select max(created_at) from verification where identifier = ${key})`,
          sql`exists (select 1 from member m where m.organization_id = ${verification.value} and m.user_id = ${userId})`,
        ),
      )
      .limit(1),
    db
      .select({
        organizationId: organizationDomain.organizationId,
        defaultRole: organizationDomain.defaultRole,
        domain: organizationDomain.domain,
      })
      .from(user)
      .innerJoin(
        organizationDomain,
        sql`${organizationDomain.domain} = lower(substr(${user.email}, instr(${user.email}, '@') + 1))`,
      )
      .where(
        and(
          eq(user.id, userId),
          eq(user.emailVerified, true),
          eq(organizationDomain.joinMode, "automatic"),
          isNotNull(organizationDomain.ownershipVerifiedAt),
          sql`not exists (select 1 from member m where m.organization_id = ${organizationDomain.organizationId} and m.user_id = ${user.id})`,
        ),
      ),
  ] as const;
}

type Rows = readonly [{ organizationId: string }[], JoinCandidate[]];

const shaped = ([saved, candidates]: Rows): SessionStart => ({
  lastActiveOrganizationId: saved[0]?.organizationId ?? null,
  joinCandidates: candidates,
});

async function read(db: Database, userId: string): Promise<SessionStart> {
  return shaped(await db.batch(statements(db, userId)));
}

const held = defineRequestState<{ userId: string; reads: Promise<SessionStart> } | null>(() => null);

/**
 * The same reads for the account of an address, plus its id, before the password is checked: a password sign-in
 * sends them in the D1 call that claims its lockout attempt (plugins/account-lockout.ts) and keeps the rows with
 * `keepSessionStart`, so creating the session needs no call of its own (README, "Performance"). The address is
 * looked up as better-auth looks it up (lower-cased).
 */
export function sessionStartByEmail(db: Database, email: string) {
  const address = email.toLowerCase();
  return [
    ...statements(db, sql`(select ${user.id} from ${user} where ${user.email} = ${address})`),
    // The account itself, as better-auth reads it next (lib/auth/sign-in-user.ts): its id is whose session starts.
    userByEmailRead(db, address),
  ] as const;
}

/** Keeps what sessionStartByEmail read for the session hooks of this request; nothing when no account has it. */
export async function keepSessionStart([saved, candidates, account]: readonly [...Rows, { id: string }[]]) {
  const userId = account[0]?.id;
  if (!userId || !(await hasRequestState())) return;
  await held.set({ userId, reads: Promise.resolve(shaped([saved, candidates])) });
}

/** The session-start reads for this user, once per request (outside one, each call reads). */
export async function sessionStart(db: Database, userId: string): Promise<SessionStart> {
  if (!(await hasRequestState())) return read(db, userId);
  const current = await held.get();
  if (current?.userId === userId) return current.reads;
  const reads = read(db, userId);
  await held.set({ userId, reads });
  return reads;
}
