// "Needs attention" on /admin (issue 20): each count finds what it names, stops at its cap, and reads an index.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { ATTENTION_CAP, selectNeedsAttention } from "./needs-attention";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function user(key: string, role = "user", emailVerified = true) {
  const body = { name: key, email: `${key}@example.test`, password: PASSWORD, role, data: { emailVerified } };
  return (await h.auth.api.createUser({ body: body as never })).user.id;
}

it("counts locked addresses, week-old unverified accounts, bans ending within a day and operators without two-factor", async () => {
  const now = Date.now();
  const empty = await selectNeedsAttention(h.db, now);
  const old = await user("old-unverified", "user", false);
  await user("new-unverified", "user", false);
  await h.db.run(sql`update user set created_at = ${now - 8 * 86_400_000} where id = ${old}`);
  const banned = await user("banned-soon");
  await h.db.run(sql`update user set banned = 1, ban_expires = ${now + 3_600_000} where id = ${banned}`);
  const bannedLong = await user("banned-long");
  await h.db.run(sql`update user set banned = 1, ban_expires = ${now + 5 * 86_400_000} where id = ${bannedLong}`);
  await user("operator-no-2fa", "admin");
  await user("support-no-2fa", "support");
  await h.db.run(
    sql`insert into sign_in_lockout (email, failures, window_started_at, locked_until) values ('x@example.test', 10, ${now}, ${now + 600_000})`,
  );

  const got = await selectNeedsAttention(h.db, now);
  expect(got.unverified).toEqual({ n: empty.unverified.n + 1, more: false });
  expect(got.bansEnding).toEqual({ n: empty.bansEnding.n + 1, more: false });
  expect(got.operatorsWithoutTwoFactor).toEqual({ n: empty.operatorsWithoutTwoFactor.n + 1, more: false });
  expect(got.locked).toEqual({ n: empty.locked.n + 1, more: false });

  for (let i = 0; i <= ATTENTION_CAP; i++) {
    await h.db.run(
      sql`insert into sign_in_lockout (email, failures, window_started_at, locked_until) values (${`l${i}@example.test`}, 10, ${now}, ${now + 600_000})`,
    );
  }
  expect((await selectNeedsAttention(h.db, now)).locked).toEqual({ n: ATTENTION_CAP, more: true });
});

it("reads indexes only: no full scan of the user table", async () => {
  const now = Date.now();
  const plan = async (where: string) =>
    (await h.client.execute(`explain query plan select 1 from user where ${where} limit 101`)).rows.map((r) =>
      String(r.detail),
    );
  expect(await plan(`email_verified = 0 and created_at < ${now}`)).toEqual([
    expect.stringMatching(/SEARCH user USING (COVERING )?INDEX user_unverified_idx/),
  ]);
  expect(await plan(`banned = 1 and ban_expires > ${now} and ban_expires <= ${now + 1}`)).toEqual([
    expect.stringMatching(/SEARCH user USING (COVERING )?INDEX user_banned_idx/),
  ]);
  const staff = await plan(
    "role <> 'user' and (',' || role || ',') like '%,admin,%' and coalesce(two_factor_enabled, 0) = 0",
  );
  expect(staff.join("\n")).toMatch(/user_staff_idx/);
  expect(staff.join("\n")).not.toMatch(/^SCAN user$/m);
});
