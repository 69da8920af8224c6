import type { AuthContext } from "better-auth";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromLibsql } from "@/db/database";
import * as schema from "@/db/schema";
import { createAuth } from "@/lib/auth/create-auth";
import { createHarness, type Harness } from "@/test/auth-harness";
import { memberCapabilities, memberHeldPermissions } from "./org-access";

let h: Harness;
let context: AuthContext;
let statements = 0;

beforeAll(async () => {
  h = await createHarness();
  const logger = {
    logQuery: () => {
      statements += 1;
    },
  };
  const auth = createAuth(fromLibsql(drizzle(h.client, { schema, logger })), {
    BETTER_AUTH_SECRET: "unit-test-secret-0123456789abcdef0123456789",
    BETTER_AUTH_URL: h.baseURL,
    RESEND_API_KEY: "re_test",
    RESEND_BASE_URL: h.sink.url,
  });
  context = (await auth.$context) as unknown as AuthContext;
});
afterAll(async () => {
  await h.close();
});

describe("organization permission checks", () => {
  it("read the organization's role definitions once per call, however many permissions they check", async () => {
    statements = 0;
    const can = await memberCapabilities(context, { organizationId: "org-1", role: "admin" });
    expect(can.invitations).toBe(true);
    expect(statements).toBe(1);

    statements = 0;
    const held = await memberHeldPermissions(context, { organizationId: "org-1", role: "member" });
    expect(Object.keys(held).length).toBeGreaterThan(0);
    expect(statements).toBe(1);
  });
});
