// `npm run db:seed`: an operator and two demo organizations in the local D1. Safe to run again: what exists is kept.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { organization, user } from "../db/schema";
import { openLocal } from "./local-env";

const DEMO_PASSWORD = "gatehouse-demo-1";

const DEMO_ORGS = [
  {
    name: "Acme Corp",
    slug: "acme",
    members: [
      { name: "Alice Archer", email: "alice@acme.test", role: "owner" },
      { name: "Bob Baker", email: "bob@acme.test", role: "admin" },
      { name: "Carol Chen", email: "carol@acme.test", role: "member" },
    ],
  },
  {
    name: "Globex",
    slug: "globex",
    members: [
      { name: "Dave Diaz", email: "dave@globex.test", role: "owner" },
      { name: "Erin Evans", email: "erin@globex.test", role: "member" },
    ],
  },
] as const;

export interface SeedResult {
  operator: { email: string; password: string | null; created: boolean };
  support: { email: string; password: string | null };
  demoPassword: string;
}

/** Seeds the local D1 behind `persistTo` (default: the state `npm run preview` uses). */
export async function seed(
  options: { persistTo?: string; vars?: Record<string, string>; quiet?: boolean } = {},
): Promise<SeedResult> {
  const { db, auth, settings, dispose } = await openLocal({ persistTo: options.persistTo, vars: options.vars });
  const vars = { ...(settings as unknown as Record<string, string | undefined>), ...process.env };
  const log = options.quiet ? () => {} : console.log;
  try {
    async function ensureUser(name: string, email: string, password: string, role: "admin" | "support" | "user") {
      const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, email)).limit(1);
      if (existing) return { id: existing.id, created: false };
      const created = await auth.api.createUser({
        body: { name, email, password, role, data: { emailVerified: true } },
      });
      return { id: created.user.id, created: true };
    }

    const operatorEmail = (vars.SEED_ADMIN_EMAIL ?? "admin@gatehouse.local").toLowerCase();
    const generated = randomBytes(12).toString("base64url");
    const operatorPassword = vars.SEED_ADMIN_PASSWORD || generated;
    const operator = await ensureUser("Gatehouse Operator", operatorEmail, operatorPassword, "admin");
    log(operator.created ? `Seeded operator ${operatorEmail}` : `Operator ${operatorEmail} exists (kept as is)`);

    const supportEmail = (vars.SEED_SUPPORT_EMAIL ?? "support@gatehouse.local").toLowerCase();
    const supportPassword = vars.SEED_SUPPORT_PASSWORD || DEMO_PASSWORD;
    const support = await ensureUser("Sam Support", supportEmail, supportPassword, "support");
    log(support.created ? `Seeded support ${supportEmail}` : `Support ${supportEmail} exists (kept as is)`);

    for (const org of DEMO_ORGS) {
      const ids: Record<string, string> = {};
      for (const person of org.members) {
        ids[person.email] = (await ensureUser(person.name, person.email, DEMO_PASSWORD, "user")).id;
      }
      const [existing] = await db
        .select({ id: organization.id })
        .from(organization)
        .where(eq(organization.slug, org.slug))
        .limit(1);
      if (existing) {
        log(`Organization ${org.slug} exists (kept as is)`);
        continue;
      }
      const [owner, ...rest] = org.members;
      if (!owner) continue;
      const created = await auth.api.createOrganization({
        body: { name: org.name, slug: org.slug, userId: ids[owner.email] as string },
      });
      if (!created) throw new Error(`could not create ${org.slug}`);
      for (const person of rest) {
        await auth.api.addMember({
          body: { organizationId: created.id, userId: ids[person.email] as string, role: person.role },
        });
      }
      log(`Seeded organization ${org.name} (/${org.slug}) with ${org.members.length} members`);
    }
    return {
      operator: {
        email: operatorEmail,
        password: operator.created || vars.SEED_ADMIN_PASSWORD ? operatorPassword : null,
        created: operator.created,
      },
      support: { email: supportEmail, password: support.created ? supportPassword : null },
      demoPassword: DEMO_PASSWORD,
    };
  } finally {
    await dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await seed({ persistTo: process.env.D1_PERSIST_TO });
  console.log("");
  console.log(`Operator:   ${result.operator.email}`);
  console.log(`Password:   ${result.operator.password ?? "(unchanged; set SEED_ADMIN_PASSWORD or reset it by mail)"}`);
  console.log(`Support:    ${result.support.email} (${result.support.password ?? "password unchanged"})`);
  console.log(`Demo users: alice@acme.test, bob@acme.test, carol@acme.test, dave@globex.test, erin@globex.test`);
  console.log(`            password ${result.demoPassword}`);
}
