// Every search box against hostile text (issue 12, point 9): terms past D1's 50-byte LIKE pattern cap, edge code
// points, LIKE wildcards, quotes and FTS5 syntax. Each page must answer 200 with its own table and the ordinary empty
// state (or ordinary rows), never the error boundary inside a 200 (the failure happened after streaming started), and
// an ordinary term must still find its row. The last case types past the 100-character cap.
import type { Locator, Page } from "@playwright/test";
import { OPERATOR } from "../config";
import { expect, hydrated, otherIp, signIn, test, uniqueEmail } from "../fixtures";
import { type Account, addMember, createAccount, createOrganization, uniqueSlug } from "../org-helpers";
import { createUser, staff } from "./helpers";

interface Term {
  label: string;
  /** The `search` value as it goes into the URL (percent-encoded). */
  encoded: string;
  /** Nothing is left to search for once the server cleans it: the page lists everything. */
  matchesAll?: boolean;
}

const term = (label: string, text: string, matchesAll = false): Term => ({
  label,
  encoded: encodeURIComponent(text),
  matchesAll,
});

/** None of these can occur in this spec's names, emails, slugs or team names (letters, digits, "-", "@", "."). */
const HOSTILE: Term[] = [
  term("60 ASCII characters (past D1's 50-byte LIKE cap)", "a".repeat(60)),
  term("60 bytes of é", "é".repeat(30)),
  term("60 bytes of emoji", "😀".repeat(15)),
  term("100 characters (the cap)", "x".repeat(100)),
  term("150 characters (past the cap)", "y".repeat(150)),
  term("U+10FFFF", "\u{10FFFF}"),
  term("U+10FFFF after a letter", "q\u{10FFFF}"),
  term("two U+10FFFF", "\u{10FFFF}\u{10FFFF}"),
  term("U+0000 alone", "\u0000", true),
  term("U+0000 inside", "é\u0000é"),
  // encodeURIComponent refuses a lone surrogate; these are the UTF-8 forms a hand-made URL can carry.
  { label: "lone high surrogate", encoded: "%ED%A0%80" },
  { label: "lone low surrogate after text", encoded: "q%ED%BF%BF" },
  { label: "invalid UTF-8", encoded: "%FF%FE" },
  term("emoji", "😀"),
  term("combining mark", "e\u0301"),
  term("RTL text", "שלום"),
  term("RTL override", "\u202Eevil"),
  term("percent", "%"),
  term("underscore", "_"),
  term("backslash", "\\"),
  term("LIKE wildcards", "%_%"),
  term("single quote", "'"),
  term("SQL", "'; drop table user; --"),
  term("double quote", '"'),
  term("only quotes", '"""'),
  term("FTS5 NEAR", "NEAR(zq qz)"),
  term("FTS5 prefix", "zq*"),
  term("FTS5 column filter", "email:zq"),
  term("FTS5 initial token", "^zq"),
  term("FTS5 operators", "(zq) AND (qz) OR NOT zz"),
  term("FTS5 minus", "-(zq)"),
];

interface SearchBox {
  /** The table's caption, its accessible name. */
  table: string;
  /** What the table says when the search matches nothing. */
  empty: string;
}

/**
 * Loads `path?search=<term>` for every hostile term and checks what a person would see: a 200, the page's table, the
 * empty state (or rows, where something else may match: the operator's pages list everyone's data), no error page.
 */
async function expectEveryTermAnswersOrdinarily(
  page: Page,
  path: string,
  box: SearchBox,
  options: { othersMayMatch?: boolean } = {},
) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  for (const { label, encoded, matchesAll } of HOSTILE) {
    // The table streams in after the document starts: the assertions below wait for it, not the load event.
    const response = await page.goto(`${path}?search=${encoded}`, { waitUntil: "domcontentloaded" });
    expect(response?.status(), label).toBe(200);
    const table = page.getByRole("table", { name: box.table });
    await expect(table, label).toBeVisible();
    const empty = table.getByText(box.empty);
    const firstRow = table.getByRole("row").nth(1);
    if (matchesAll) {
      await expect(firstRow, label).toBeVisible();
      await expect(empty, label).toHaveCount(0);
    } else if (options.othersMayMatch) {
      await expect(empty.or(firstRow).first(), label).toBeVisible();
    } else {
      await expect(empty, label).toBeVisible();
      await expect(table.getByRole("row"), label).toHaveCount(2); // the header and the empty state
    }
    await expect(page.getByRole("heading", { name: "Something went wrong" }), label).toHaveCount(0);
  }
  expect(errors).toEqual([]);
}

/** The data rows of `table` that contain `text`. */
function rowsWith(page: Page, table: string, text: string): Locator {
  return page.getByRole("table", { name: table }).getByRole("row").filter({ hasText: text });
}

/** An owner with an organization that has a second member. */
async function orgWithMember(clientIp: string) {
  const owner = await createAccount(clientIp, "Search Owner");
  const member = await createAccount(otherIp(clientIp, 91), "Search Member");
  const org = await createOrganization(owner, "Search Org", uniqueSlug("search"));
  await addMember(owner, org.id, member, "member");
  return { owner, member, org };
}

/** An owner with an organization and one team, which the owner is a member of. */
async function orgWithTeam(clientIp: string) {
  const owner = await createAccount(clientIp, "Search Team Owner");
  const org = await createOrganization(owner, "Search Teams Org", uniqueSlug("searchteam"));
  const created = await owner.client.organization.createTeam({ organizationId: org.id, name: "Searchable Team" });
  expect(created.error).toBeNull();
  const teamId = created.data?.id ?? "";
  const joined = await owner.client.organization.addTeamMember({ teamId, userId: owner.userId });
  expect(joined.error).toBeNull();
  return { owner, org, teamId };
}

async function signInAs(page: Page, account: Account) {
  await signIn(page, account.email, account.password);
}

test.describe("operator search boxes", () => {
  test.describe.configure({ timeout: 300_000 });

  test("/admin/users: hostile terms answer ordinarily, an email still finds its user", async ({ page, clientIp }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("search-target"), { name: "Search Target" });
    await signIn(page, OPERATOR.email, OPERATOR.password);
    await expectEveryTermAnswersOrdinarily(
      page,
      "/admin/users",
      { table: "Users", empty: "No users match these filters." },
      { othersMayMatch: true },
    );
    await page.goto(`/admin/users?search=${encodeURIComponent(target.email)}`);
    await expect(rowsWith(page, "Users", target.email)).toHaveCount(1);
  });

  test("/admin/organizations: hostile terms answer ordinarily, a slug still finds its organization", async ({
    page,
    clientIp,
  }) => {
    const owner = await createAccount(clientIp, "Search Org Owner");
    const org = await createOrganization(owner, "Searchable Org", uniqueSlug("findorg"));
    await signIn(page, OPERATOR.email, OPERATOR.password);
    await expectEveryTermAnswersOrdinarily(
      page,
      "/admin/organizations",
      { table: "Organizations", empty: "No organizations match." },
      { othersMayMatch: true },
    );
    await page.goto(`/admin/organizations?search=${encodeURIComponent(org.slug)}`);
    await expect(rowsWith(page, "Organizations", org.slug)).toHaveCount(1);
  });

  test("/admin/audit: hostile terms answer ordinarily, an email still finds its events", async ({ page, clientIp }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("search-audited"), { name: "Search Audited" });
    await signIn(page, OPERATOR.email, OPERATOR.password);
    await expectEveryTermAnswersOrdinarily(
      page,
      "/admin/audit",
      { table: "Audit trail", empty: "No events match these filters." },
      { othersMayMatch: true },
    );
    await page.goto(`/admin/audit?search=${encodeURIComponent(target.email)}`);
    await expect(rowsWith(page, "Audit trail", target.email).first()).toBeVisible();
  });
});

test.describe("organization search boxes", () => {
  test.describe.configure({ timeout: 300_000 });

  test("/org/<slug>/members: hostile terms give the empty state, a name still finds its member", async ({
    page,
    clientIp,
  }) => {
    const { owner, member, org } = await orgWithMember(clientIp);
    await signInAs(page, owner);
    await expectEveryTermAnswersOrdinarily(page, `/org/${org.slug}/members`, {
      table: "Members",
      empty: "No members match.",
    });
    await page.goto(`/org/${org.slug}/members?search=${encodeURIComponent("search member")}`);
    await expect(page.getByRole("table", { name: "Members" }).getByRole("row")).toHaveCount(2);
    await expect(rowsWith(page, "Members", member.email)).toHaveCount(1);
  });

  test("/org/<slug>/invitations: hostile terms give the empty state, an address still finds its invitation", async ({
    page,
    clientIp,
  }) => {
    const owner = await createAccount(clientIp, "Search Inviter");
    const org = await createOrganization(owner, "Search Invitations Org", uniqueSlug("searchinv"));
    const invitee = uniqueEmail("search-invitee");
    const invited = await owner.client.organization.inviteMember({
      organizationId: org.id,
      email: invitee,
      role: "member",
    });
    expect(invited.error).toBeNull();
    await signInAs(page, owner);
    await expectEveryTermAnswersOrdinarily(page, `/org/${org.slug}/invitations`, {
      table: "Pending invitations",
      empty: "No invitations match.",
    });
    await page.goto(`/org/${org.slug}/invitations?search=${encodeURIComponent(invitee.toUpperCase())}`);
    await expect(rowsWith(page, "Pending invitations", invitee)).toHaveCount(1);
  });

  test("/org/<slug>/teams: hostile terms give the empty state, a name still finds its team", async ({
    page,
    clientIp,
  }) => {
    const { owner, org } = await orgWithTeam(clientIp);
    await signInAs(page, owner);
    await expectEveryTermAnswersOrdinarily(page, `/org/${org.slug}/teams`, {
      table: "Teams",
      empty: "No teams match.",
    });
    await page.goto(`/org/${org.slug}/teams?search=${encodeURIComponent("SEARCHABLE")}`);
    await expect(rowsWith(page, "Teams", "Searchable Team")).toHaveCount(1);
  });

  test("/org/<slug>/teams/<id>: hostile terms give the empty state, an email still finds its team member", async ({
    page,
    clientIp,
  }) => {
    const { owner, org, teamId } = await orgWithTeam(clientIp);
    await signInAs(page, owner);
    await expectEveryTermAnswersOrdinarily(page, `/org/${org.slug}/teams/${teamId}`, {
      table: "Team members",
      empty: "No team members match.",
    });
    await page.goto(`/org/${org.slug}/teams/${teamId}?search=${encodeURIComponent(owner.email)}`);
    await expect(rowsWith(page, "Team members", owner.email)).toHaveCount(1);
  });

  test("/org/<slug>/audit: hostile terms give the empty state, a person still finds their events", async ({
    page,
    clientIp,
  }) => {
    const { owner, member, org } = await orgWithMember(clientIp);
    await signInAs(page, owner);
    await expectEveryTermAnswersOrdinarily(page, `/org/${org.slug}/audit`, {
      table: "Audit events",
      empty: "No events match.",
    });
    await page.goto(`/org/${org.slug}/audit?search=${encodeURIComponent(member.email)}`);
    await expect(rowsWith(page, "Audit events", member.email).first()).toBeVisible();
  });
});

test("typing past 100 characters keeps 100 and says that search is limited", async ({ page, clientIp }) => {
  test.setTimeout(120_000);
  const { owner, org } = await orgWithMember(clientIp);
  await signInAs(page, owner);
  await page.goto(`/org/${org.slug}/members`);
  await hydrated(page);
  const box = page.getByRole("searchbox", { name: "Search by name or email" });
  const limit = page.getByText("Search is limited to 100 characters");
  await expect(limit).toHaveCount(0);

  await box.pressSequentially("z".repeat(120));
  await expect(box).toHaveValue("z".repeat(100));
  await expect(limit).toBeVisible();
  await expect(box).toHaveAccessibleDescription("Search is limited to 100 characters");
  // The capped term reaches the URL and the server, which answers with the ordinary empty state.
  await expect(page).toHaveURL(/[?&]search=z{100}(&|$)/);
  await expect(page.getByRole("table", { name: "Members" }).getByText("No members match.")).toBeVisible();

  // Below the cap the message goes away again.
  await box.press("Backspace");
  await expect(box).toHaveValue("z".repeat(99));
  await expect(limit).toHaveCount(0);
});
