// The command palette and the breadcrumbs (issue 20), against the built worker: an operator finds a user by email and
// opens their page with the keyboard alone; a plain member's palette offers their organization's pages and no
// operator page, and the user search answers them 403.
import type { Page } from "@playwright/test";
import { OPERATOR } from "./config";
import { expect, hydrated, signIn, test } from "./fixtures";
import { browserFetch, createVerifiedUser } from "./operator-helpers";
import { addMember, createAccount, createOrganization, uniqueSlug } from "./org-helpers";

async function openPalette(page: Page) {
  await hydrated(page);
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Search and commands" });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole("combobox")).toBeFocused();
  return palette;
}

test("an operator finds a user by email and opens their page with the keyboard only", async ({ page, clientIp }) => {
  const ada = await createVerifiedUser("ada", clientIp);
  await signIn(page, OPERATOR.email, OPERATOR.password);
  const palette = await openPalette(page);
  await page.keyboard.type(ada.email);
  const found = palette.getByRole("option", { name: new RegExp(ada.email) });
  await expect(found).toBeVisible();
  await expect(palette.getByText("1 user found.")).toBeAttached();
  await expect(found).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(`/admin/users/${ada.id}`);
  await expect(page.getByRole("heading", { level: 1, name: ada.name })).toBeVisible();
  const trail = page.getByRole("navigation", { name: "breadcrumb" });
  await expect(trail.getByRole("link", { name: "Admin" })).toHaveAttribute("href", "/admin");
  await expect(trail.getByRole("link", { name: "Users" })).toHaveAttribute("href", "/admin/users");
  await expect(trail.locator('[aria-current="page"]')).toHaveText(ada.name);

  // The search route takes any text as a search, in any shape the query string can have: a result or none, no error.
  for (const query of ["q=a&q=b", "q[]=ada", "q=", `q=${"x".repeat(5000)}`, 'q="*^ NEAR(', "q=%00%22"]) {
    const answer = await browserFetch(page, `/api/admin/users/search?${query}`);
    expect(answer.status, query).toBe(200);
    expect(Array.isArray(answer.body?.users), query).toBe(true);
  }
  const exact = await browserFetch(page, `/api/admin/users/search?q=${encodeURIComponent(ada.email)}`);
  expect(exact.body?.users).toEqual([{ id: ada.id, name: ada.name, email: ada.email }]);

  // A search that matches nobody says so, and Escape closes the palette where it was opened.
  const again = await openPalette(page);
  await page.keyboard.type(`nobody-${Date.now()}@example.invalid`);
  await expect(again.getByText("Nothing matches.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(again).toBeHidden();
  await expect(page).toHaveURL(`/admin/users/${ada.id}`);
});

test("a plain member's palette lists their organization's pages and no operator page", async ({ page, clientIp }) => {
  const owner = await createAccount(clientIp, "Pia Owner");
  const member = await createAccount(clientIp, "Max Member");
  const org = await createOrganization(owner, "Palette Works", uniqueSlug("palette"));
  await addMember(owner, org.id, member, "member");
  const team = await owner.client.organization.createTeam({ name: "Core", organizationId: org.id });
  expect(team.error).toBeNull();

  await signIn(page, member.email, member.password);
  const palette = await openPalette(page);
  await expect(palette.getByRole("option", { name: "Members · Palette Works" })).toBeVisible();
  await expect(palette.getByRole("option", { name: "Profile" })).toBeVisible();
  await expect(palette.getByRole("option", { name: /Admin|Platform audit trail/ })).toHaveCount(0);
  await expect(palette.getByRole("option", { name: /Invitations|Settings|Roles/ })).toHaveCount(0);
  // Typing an operator page's name offers nothing, and the user search is not theirs.
  await page.keyboard.type("Platform audit");
  await expect(palette.getByText("Nothing matches.")).toBeVisible();
  expect((await browserFetch(page, "/api/admin/users/search?q=a")).status).toBe(403);

  await page.keyboard.press("Control+a");
  await page.keyboard.type("Teams Palette");
  await expect(palette.getByRole("option", { name: "Teams · Palette Works" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/org/${org.slug}/teams`);
  await page.goto(`/org/${org.slug}/teams/${team.data?.id}`);
  const trail = page.getByRole("navigation", { name: "breadcrumb" });
  await expect(trail.getByRole("link", { name: "Palette Works" })).toHaveAttribute("href", `/org/${org.slug}`);
  await expect(trail.getByRole("link", { name: "Teams" })).toHaveAttribute("href", `/org/${org.slug}/teams`);
  await expect(trail.locator('[aria-current="page"]')).toHaveText("Core");
});
