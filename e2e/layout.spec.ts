// Every console page, as the person who can open it, at the viewport and theme of the running project
// (playwright.config.ts: "viewport-390-light", "viewport-390-dark", "viewport-1366-light", "viewport-1366-dark").
// One test per kind of user visits all their pages, so each project signs in twice.
import { OPERATOR } from "./config";
import { test as base, otherIp, signIn, uniqueEmail } from "./fixtures";
import { checkConsolePage } from "./layout-checks";
import { addMember, createAccount, createOrganization } from "./org-helpers";

const test = base;
// Each test walks every page of its role with axe: 52 to 56 s when they passed in a CI run on a slow machine
// (2026-12-07), the same runs' others timed out at the default 60 s.
test.describe.configure({ timeout: 180_000 });

test("an organization owner's pages fit, keep rows and menus in reach, and pass axe", async ({ page, clientIp }) => {
  const owner = await createAccount(clientIp, "Layout Owner");
  const member = await createAccount(otherIp(clientIp, 1), "Layout Member");
  const org = await createOrganization(owner, "Layout Works");
  await addMember(owner, org.id, member, "member");
  const team = await owner.client.organization.createTeam({ organizationId: org.id, name: "Platform" });
  if (team.error || !team.data) throw new Error(`team: ${team.error?.message}`);
  await owner.client.organization.addTeamMember({ teamId: team.data.id, userId: member.userId });
  const invited = await owner.client.organization.inviteMember({
    organizationId: org.id,
    email: uniqueEmail("layout-invitee"),
    role: "member",
  });
  if (invited.error) throw new Error(`invite: ${invited.error.message}`);

  await signIn(page, owner.email, owner.password);
  const base = `/org/${org.slug}`;
  await checkConsolePage(page, "/");
  for (const path of ["/account/profile", "/account/security"]) await checkConsolePage(page, path);
  await checkConsolePage(page, "/account/sessions", { expectRows: true });
  await checkConsolePage(page, base);
  for (const path of ["members", "invitations", "teams", "audit"]) {
    await checkConsolePage(page, `${base}/${path}`, { expectRows: true });
  }
  await checkConsolePage(page, `${base}/teams/${team.data.id}`, { expectRows: true });
  await checkConsolePage(page, `${base}/roles`);
  await checkConsolePage(page, `${base}/settings`);
  for (const path of ["security", "domains", "webhooks", "api-keys"]) await checkConsolePage(page, `${base}/${path}`);
});

test("an operator's pages fit, keep rows and menus in reach, and pass axe", async ({ page, clientIp }) => {
  const owner = await createAccount(otherIp(clientIp, 2), "Layout Someone");
  const org = await createOrganization(owner, "Layout Elsewhere");
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await checkConsolePage(page, "/admin");
  for (const path of ["/admin/users", "/admin/organizations", "/admin/audit"]) {
    await checkConsolePage(page, path, { expectRows: true });
  }
  await checkConsolePage(page, `/admin/users/${owner.userId}`, { expectRows: true });
  await checkConsolePage(page, `/admin/organizations/${org.id}`);
  await checkConsolePage(page, "/admin/webhooks");
});
