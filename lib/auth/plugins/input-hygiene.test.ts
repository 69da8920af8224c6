// Names over better-auth's HTTP API and auth.api: refused with a clear 400 when they hold control or text-direction
// characters or are too long, stored normalized otherwise, and nothing is written for a refused one.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organization, organizationRole, team, user } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";

let h: Harness;
let owner: { id: string; headers: Headers };
let orgId = "";

const RLO = "\u202e";
const HOSTILE = [
  `Acme${RLO}gnp.exe`,
  "Isolate\u2066Evil\u2069",
  "Line\nBreak",
  "Carriage\rReturn",
  "Tab\tbed",
  "Null\u0000byte",
  "Mark\u200fRLM",
  "Arabic\u061cmark",
  "Zero\u200bwidth",
];

async function rows(table: typeof user | typeof organization | typeof team | typeof organizationRole) {
  const [row] = await h.db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

beforeAll(async () => {
  h = await createHarness();
  const { user: created } = await h.auth.api.createUser({
    body: {
      name: "Owner",
      email: "owner@example.test",
      password: PASSWORD,
      role: "admin",
      data: { emailVerified: true },
    },
  });
  owner = { id: created.id, headers: (await h.signIn("owner@example.test")).headers };
  const org = await h.auth.api.createOrganization({ headers: owner.headers, body: { name: "Acme", slug: "acme" } });
  orgId = org?.id ?? "";
});
afterAll(async () => {
  await h.close();
});

describe("sign-up over HTTP", () => {
  const signUp = (name: string, email: string) =>
    h.auth.handler(
      new Request(`${h.baseURL}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: h.baseURL, "cf-connecting-ip": "203.0.113.7" },
        body: JSON.stringify({ name, email, password: PASSWORD }),
      }),
    );

  it("refuses a name with a bidi override, with the field and the reason, and creates nobody", async () => {
    const before = await rows(user);
    const response = await signUp(`Eve${RLO}nimda`, "bidi@example.test");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "INVALID_NAME",
      message: "Name: Remove control and text-direction characters.",
    });
    expect(await rows(user)).toBe(before);
  });

  it("refuses a 10,000-character name with the limit", async () => {
    const before = await rows(user);
    const response = await signUp("x".repeat(10_000), "long@example.test");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: "Name: Use at most 100 characters." });
    expect(await rows(user)).toBe(before);
  });

  it("stores an accepted name in NFC with single spaces", async () => {
    const response = await signUp("  Ade\u0301le \u00a0  Martin ", "nfc@example.test");
    expect(response.status).toBe(200);
    const [row] = await h.db.select({ name: user.name }).from(user).where(eq(user.email, "nfc@example.test"));
    expect(row?.name).toBe("Ad\u00e9le Martin");
  });
});

describe("every endpoint that stores a name", () => {
  it.each(HOSTILE)(
    "refuses %j as a user name on update-user, admin create-user and admin update-user",
    async (name) => {
      await expectRefused(h.auth.api.updateUser({ headers: owner.headers, body: { name } }), "INVALID_NAME");
      const before = await rows(user);
      await expectRefused(
        h.auth.api.createUser({
          headers: owner.headers,
          body: { name, email: "hostile@example.test", password: PASSWORD },
        }),
        "INVALID_NAME",
      );
      expect(await rows(user)).toBe(before);
      await expectRefused(
        h.auth.api.adminUpdateUser({ headers: owner.headers, body: { userId: owner.id, data: { name } } }),
        "INVALID_NAME",
      );
      const [row] = await h.db.select({ name: user.name }).from(user).where(eq(user.id, owner.id));
      expect(row?.name).toBe("Owner");
    },
  );

  it.each(HOSTILE)("refuses %j as an organization or team name, creating or renaming", async (name) => {
    const orgs = await rows(organization);
    const error = await expectRefused(
      h.auth.api.createOrganization({ headers: owner.headers, body: { name, slug: "hostile-org" } }),
      "INVALID_NAME",
    );
    expect(error.message).toBe("Organization name: Remove control and text-direction characters.");
    expect(await rows(organization)).toBe(orgs);
    await expectRefused(
      h.auth.api.updateOrganization({ headers: owner.headers, body: { organizationId: orgId, data: { name } } }),
      "INVALID_NAME",
    );
    const [org] = await h.db.select({ name: organization.name }).from(organization).where(eq(organization.id, orgId));
    expect(org?.name).toBe("Acme");

    const teams = await rows(team);
    const teamError = await expectRefused(
      h.auth.api.createTeam({ headers: owner.headers, body: { name, organizationId: orgId } }),
      "INVALID_NAME",
    );
    expect(teamError.message).toMatch(/^Team name: /);
    expect(await rows(team)).toBe(teams);
  });

  it("normalizes accepted organization and team names, and refuses hostile renames of a team", async () => {
    const org = await h.auth.api.createOrganization({
      headers: owner.headers,
      body: { name: "  Cafe\u0301   Cre\u0300me ", slug: "cafe-creme" },
    });
    expect(org?.name).toBe("Caf\u00e9 Cr\u00e8me");
    const created = await h.auth.api.createTeam({
      headers: owner.headers,
      body: { name: " Platform   Team ", organizationId: orgId },
    });
    expect(created.name).toBe("Platform Team");
    await expectRefused(
      h.auth.api.updateTeam({
        headers: owner.headers,
        body: { teamId: created.id, data: { name: `Team${RLO}`, organizationId: orgId } },
      }),
      "INVALID_NAME",
    );
    const [row] = await h.db.select({ name: team.name }).from(team).where(eq(team.id, created.id));
    expect(row?.name).toBe("Platform Team");
  });

  it("refuses role names outside the console's rules over the API too", async () => {
    const roles = await rows(organizationRole);
    for (const role of [`closer${RLO}`, "Closer", "x".repeat(33), "owner"]) {
      const error = await expectRefused(
        h.auth.api.createOrgRole({
          headers: owner.headers,
          body: { organizationId: orgId, role, permission: { organization: ["update"] } },
        }),
        "INVALID_NAME",
        role,
      );
      expect(error.message, role).toMatch(/^Role name: /);
    }
    expect(await rows(organizationRole)).toBe(roles);
  });

  it("refuses a name over the limit with the limit", async () => {
    const error = await expectRefused(
      h.auth.api.updateUser({ headers: owner.headers, body: { name: "y".repeat(10_000) } }),
      "INVALID_NAME",
    );
    expect(error.message).toBe("Name: Use at most 100 characters.");
    const org = await expectRefused(
      h.auth.api.createOrganization({ headers: owner.headers, body: { name: "z".repeat(81), slug: "too-long" } }),
      "INVALID_NAME",
    );
    expect(org.message).toBe("Organization name: Use at most 80 characters.");
  });
});
