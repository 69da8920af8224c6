// Automatic joining by verified domain (plugins/domain-join.ts), through auth.api over the real migrations.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, member, organizationDomain } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ ORG_MAX_MEMBERS: "3" });
});
afterAll(async () => {
  await h.close();
});

let n = 0;
async function account(email: string, verified = true) {
  const { user } = await h.auth.api.createUser({
    body: { name: email.split("@")[0] ?? "x", email, password: PASSWORD, data: { emailVerified: verified } },
  });
  return user;
}

async function orgWithDomain(domain: string, joinMode: string, ownership: boolean) {
  n += 1;
  const owner = await account(`owner-${n}@owner-${n}.test`);
  const headers = (await h.signIn(owner.email)).headers;
  const org = await h.auth.api.createOrganization({ headers, body: { name: `Domain ${n}`, slug: `domain-${n}` } });
  await h.db.insert(organizationDomain).values({
    id: `d-${n}`,
    organizationId: org.id,
    domain,
    verificationToken: "t",
    joinMode,
    defaultRole: "admin",
    ownershipVerifiedAt: ownership ? new Date() : null,
  });
  return org;
}

async function membership(organizationId: string, userId: string) {
  const [row] = await h.db
    .select()
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)));
  return row;
}

describe("automatic joining by verified domain", () => {
  it("a verified address at an owned domain joins at sign-in with the default role, audited", async () => {
    const org = await orgWithDomain("auto.test", "automatic", true);
    const ada = await account("ada@Auto.test");
    await h.signIn("ada@auto.test");
    expect((await membership(org.id, ada.id))?.role).toBe("admin");
    const rows = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.organizationId, org.id), eq(auditEvent.action, "member.join.domain")));
    expect(rows.map((r) => [r.actorUserId, r.metadata?.domain])).toEqual([[ada.id, "auto.test"]]);
    await h.signIn("ada@auto.test"); // once only
    expect(await h.db.$count(member, eq(member.userId, ada.id))).toBe(1);
  });

  it("nobody joins through a domain in suggest mode, without ownership, or past the member limit", async () => {
    const suggest = await orgWithDomain("suggest.test", "automatic", false);
    const bo = await account("bo@suggest.test");
    await h.signIn(bo.email);
    expect(await membership(suggest.id, bo.id)).toBeUndefined();

    const full = await orgWithDomain("full.test", "automatic", true); // limit 3: the owner and two more
    const joined: string[] = [];
    for (const name of ["a", "b", "c"]) {
      const who = await account(`${name}@full.test`);
      await h.signIn(who.email);
      if (await membership(full.id, who.id)) joined.push(name);
    }
    expect(joined).toEqual(["a", "b"]);
    const audited = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.organizationId, full.id), eq(auditEvent.action, "member.join.domain")));
    expect(audited).toHaveLength(2);
  });
});
