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
export function* bulkSql(options: { orgId: string; now: number }): Generator<string> {
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
}
