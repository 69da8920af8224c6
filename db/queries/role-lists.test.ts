import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, describe, expect, it } from "vitest";
import { holdsAnyRole, holdsOwner, holdsRole } from "./role-lists";

const client = createClient({ url: ":memory:" });
const db = drizzle(client);
afterAll(() => client.close());

async function holds(condition: ReturnType<typeof sql>, role: string | null) {
  const [row] = await db.all<{ yes: number | null }>(sql`select ${condition} as yes from (select ${role} as role)`);
  return row?.yes === 1;
}
const column = sql`role`;

describe("role lists in SQL", () => {
  it("finds a role between commas, spaces or not, and never inside another name", async () => {
    for (const role of ["owner", "admin,owner", "admin, owner", " owner ,member"]) {
      expect(await holds(holdsOwner(column), role), role).toBe(true);
    }
    for (const role of ["co-owner", "owners", "admin", "", null]) {
      expect(await holds(holdsOwner(column), role), String(role)).toBe(false);
    }
    expect(await holds(holdsRole(column, "team-lead"), "member, team-lead")).toBe(true);
    expect(await holds(sql`not ${holdsOwner(column)}`, "admin")).toBe(true);
    expect(await holds(holdsAnyRole(column, ["admin", "member"]) ?? sql`0`, "owner, member")).toBe(true);
    expect(holdsAnyRole(column, [])).toBeUndefined();
  });
});
