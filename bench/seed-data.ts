// Bulk data for `npm run bench`: SQL text with 100,000 users and one 5,000-member organization, written straight
// into the bench D1 (`wrangler d1 execute --file`), which is orders of magnitude faster than 100k API calls.

const FIRST = [
  "Ada",
  "Alan",
  "Grace",
  "Linus",
  "Margaret",
  "Dennis",
  "Barbara",
  "Ken",
  "Frances",
  "Edsger",
  "Radia",
  "Tim",
  "Katherine",
  "John",
  "Hedy",
  "Donald",
  "Shafi",
  "Leslie",
  "Sophie",
  "Niklaus",
  "Anita",
  "Guido",
  "Yukihiro",
  "Brendan",
  "Bjarne",
  "Joan",
  "Karen",
  "Vint",
  "Marissa",
  "Susan",
  "Jean",
  "Ivan",
  "Carol",
  "Elena",
  "Mateo",
  "Aisha",
  "Kenji",
  "Priya",
  "Olga",
  "Tomás",
];
const LAST = [
  "Lovelace",
  "Turing",
  "Hopper",
  "Torvalds",
  "Hamilton",
  "Ritchie",
  "Liskov",
  "Thompson",
  "Allen",
  "Dijkstra",
  "Perlman",
  "Berners-Lee",
  "Johnson",
  "McCarthy",
  "Lamarr",
  "Knuth",
  "Goldwasser",
  "Lamport",
  "Wilson",
  "Wirth",
  "Borg",
  "Rossum",
  "Matsumoto",
  "Eich",
  "Stroustrup",
  "Clarke",
  "Spärck Jones",
  "Cerf",
  "Mayer",
  "Kare",
  "Sammet",
  "Sutherland",
  "Shaw",
  "García",
  "Rossi",
  "Khan",
  "Sato",
  "Patel",
  "Ivanova",
  "Silva",
];
const DOMAINS = ["example.com", "mail.test", "corp.test", "startup.io", "uni.edu", "agency.co"];

export const BENCH_USERS = 100_000;
export const BENCH_ORG_MEMBERS = 5_000;
export const BENCH_ORG_SLUG = "bench-org";
/** Audit events seeded over the last 90 days (a tenth done to the owner, three tenths in the organization). */
export const BENCH_AUDIT_EVENTS = 20_000;
/** Open sessions of the owner, left by a script that signs in over and over. */
export const BENCH_OWNER_SESSIONS = 300;

function quote(value: string) {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Deterministic pseudo-random numbers, so every run seeds the same data. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface BulkUser {
  id: string;
  name: string;
  email: string;
}

/** The bulk users (generated deterministically; the i-th user is the same on every run). */
export function bulkUser(i: number): BulkUser {
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
  const domain = DOMAINS[i % DOMAINS.length] as string;
  const slug = `${first}.${last}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z.]/g, "");
  return { id: `bench-user-${i}`, name: `${first} ${last}`, email: `${slug}.${i}@${domain}` };
}

/**
 * SQL statements (≤ 200 rows each: D1 caps one statement at 100 KB) inserting the bulk users and memberships, and the
 * last active day of 40 % of the users (platform-wide) and of 60 % of the members (in the organization), spread over the
 * last 90 days: a platform of this size with activity, so the dashboards' active-user counts are measured at scale.
 * Inserted rows go through migrations 0016's and 0018's triggers like a sign-in's (the day's active counter, the
 * users per last active day).
 */
export function* bulkSql(options: {
  orgId: string;
  now: number;
  /** The bench's two accounts: the trail names them, and the owner has sessions left open (see below). */
  operatorId: string;
  ownerId: string;
}): Generator<string> {
  const random = rng(42);
  const twoYears = 2 * 365 * 24 * 3600 * 1000;
  const rows: string[] = [];
  const flush = function* (table: string, columns: string) {
    if (rows.length) yield `INSERT INTO ${table} (${columns}) VALUES ${rows.join(",")};`;
    rows.length = 0;
  };
  const userColumns =
    "id, name, email, email_verified, created_at, updated_at, role, banned, ban_reason, two_factor_enabled";
  for (let i = 0; i < BENCH_USERS; i += 1) {
    const user = bulkUser(i);
    const created = Math.floor(options.now - random() * twoYears);
    const banned = random() < 0.03;
    const twoFactor = random() < 0.1;
    rows.push(
      `(${quote(user.id)},${quote(user.name)},${quote(user.email)},${random() < 0.9 ? 1 : 0},${created},${created},'user',${
        banned ? 1 : 0
      },${banned ? quote("Spam") : "NULL"},${twoFactor ? 1 : 0})`,
    );
    if (rows.length === 200) yield* flush("user", userColumns);
  }
  yield* flush("user", userColumns);

  const memberColumns = "id, organization_id, user_id, role, created_at";
  for (let i = 0; i < BENCH_ORG_MEMBERS - 1; i += 1) {
    const role = i < 20 ? "admin" : "member";
    rows.push(
      `(${quote(`bench-member-${i}`)},${quote(options.orgId)},${quote(bulkUser(i).id)},'${role}',${options.now})`,
    );
    if (rows.length === 200) yield* flush("member", memberColumns);
  }
  yield* flush("member", memberColumns);

  const day = (ago: number) => new Date(options.now - ago * 86_400_000).toISOString().slice(0, 10);
  const lastActiveColumns = "scope, user_id, day";
  for (let i = 0; i < BENCH_USERS; i += 1) {
    if (random() < 0.4) rows.push(`('',${quote(bulkUser(i).id)},'${day(Math.floor(random() * 90))}')`);
    if (rows.length === 200) yield* flush("user_last_active", lastActiveColumns);
  }
  for (let i = 0; i < BENCH_ORG_MEMBERS - 1; i += 1) {
    if (random() < 0.6)
      rows.push(`(${quote(options.orgId)},${quote(bulkUser(i).id)},'${day(Math.floor(random() * 90))}')`);
    if (rows.length === 200) yield* flush("user_last_active", lastActiveColumns);
  }
  yield* flush("user_last_active", lastActiveColumns);

  // An audit trail of 90 days, as a platform of this size writes one (every sign-in and change adds a row), so the
  // audit pages and the dashboard read their counts at scale: 20,000 events, 2,000 of them done to the owner by the
  // operator, 3,000 in the organization. Actions the activity triggers do not count (migrations/0016), so the
  // dashboards' figures stay the seeded ones.
  const auditColumns = "id, at, actor_user_id, action, target_user_id, organization_id, reason, metadata";
  const PLATFORM_ACTIONS = ["user.update", "user.sessions.revoke", "session.revoke"];
  const ORG_ACTIONS = ["member.add", "organization.update"];
  for (let i = 0; i < BENCH_AUDIT_EVENTS; i += 1) {
    const at = Math.floor(options.now - random() * 90 * 86_400_000);
    const someone = bulkUser(Math.floor(random() * BENCH_USERS)).id;
    const [actor, action, target, org] =
      i % 10 === 0
        ? [options.operatorId, PLATFORM_ACTIONS[(i / 10) % 3], options.ownerId, null]
        : i % 10 < 4
          ? [bulkUser(Math.floor(random() * (BENCH_ORG_MEMBERS - 1))).id, ORG_ACTIONS[i % 2], someone, options.orgId]
          : [options.operatorId, PLATFORM_ACTIONS[i % 3], someone, null];
    rows.push(
      `(${quote(`bench-audit-${i}`)},${at},${quote(actor)},${quote(action as string)},${quote(target)},${
        org ? quote(org) : "NULL"
      },${i % 7 === 0 ? quote("Requested by support ticket") : "NULL"},'{}')`,
    );
    if (rows.length === 200) yield* flush("audit_event", auditColumns);
  }
  yield* flush("audit_event", auditColumns);

  // Sessions a script left open by signing in over and over (the bench itself does, 30 times a run): the user page
  // lists the most recently active (USER_SESSIONS_SHOWN), not all of them.
  const sessionColumns = "id, token, user_id, created_at, updated_at, expires_at, ip_address, user_agent";
  for (let i = 0; i < BENCH_OWNER_SESSIONS; i += 1) {
    const created = Math.floor(options.now - random() * 6 * 86_400_000);
    rows.push(
      `(${quote(`bench-session-${i}`)},${quote(`bench-token-${i}`)},${quote(options.ownerId)},${created},${created},${
        created + 7 * 86_400_000
      },'198.51.100.${i % 250}','bench-script/1.0')`,
    );
    if (rows.length === 200) yield* flush("session", sessionColumns);
  }
  yield* flush("session", sessionColumns);
}
