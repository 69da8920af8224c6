import { readFile } from "node:fs/promises";
import { BASE_URL, OPERATOR, SINK_URL, SUPPORT } from "./config";
import { expect, formError, signIn, test, uniqueEmail } from "./fixtures";
import { waitForMail } from "./mail";
import { auditEventsFor, browserFetch, createVerifiedUser, openAuditFor, postAuth } from "./operator-helpers";
import { createSdkClient } from "./sdk-client";

test("the users table keeps search, filters and sort in the URL, and a reload keeps them", async ({
  page,
  clientIp,
}) => {
  const target = await createVerifiedUser("findme", clientIp);
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  const searchText = target.email.split("@")[0] as string;
  await page.getByRole("searchbox", { name: "Search users" }).fill(searchText);
  await expect(page).toHaveURL(/[?&]search=findme-/);
  await page.getByRole("button", { name: /^Status/ }).click();
  await page.getByRole("menuitemradio", { name: "Active" }).click();
  await expect(page).toHaveURL(/[?&]status=active/);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /^Email verified/ }).click();
  await page.getByRole("menuitemradio", { name: "Verified", exact: true }).click();
  await expect(page).toHaveURL(/[?&]verified=yes/);
  await page.keyboard.press("Escape");
  await page.getByRole("columnheader", { name: "Email" }).getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=email\.asc/);

  const rows = page.getByRole("table", { name: "Users" }).getByRole("row");
  await expect(rows).toHaveCount(2); // header + the one match
  await expect(rows.nth(1)).toContainText(target.email);

  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search users" })).toHaveValue(searchText);
  await expect(page.getByRole("button", { name: /^Status/ })).toContainText("Active");
  await expect(page.getByRole("button", { name: /^Email verified/ })).toContainText("Verified");
  await expect(page.getByRole("columnheader", { name: "Email" })).toHaveAttribute("aria-sort", "ascending");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(target.email);

  // The CSV export holds everything matching the current filter, and nothing else.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = await readFile((await download.path()) as string, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("id,name,email,role,status,ban_expires,email_verified,two_factor,created_at");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${target.id},${target.name},${target.email},user,active,`);

  // A filter that excludes them: the table says so.
  await page.getByRole("button", { name: /^Status/ }).click();
  await page.getByRole("menuitemradio", { name: "Banned" }).click();
  await expect(page.getByText("No users match these filters.")).toBeVisible();
});

test("a page load of the users table carries its rows and no skeleton to swap out; a navigation to it shows the rows", async ({
  page,
  clientIp,
}) => {
  const target = await createVerifiedUser("firstpaint", clientIp);
  await signIn(page, OPERATOR.email, OPERATOR.password);
  // The HTML as a browser loads it: the matching row is in the markup and the loading placeholder is not.
  const response = await page.request.get(`/admin/users?search=${encodeURIComponent(target.email)}`, {
    headers: { accept: "text/html,application/xhtml+xml" },
  });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(`>${target.email}<`);
  expect(html).not.toContain('aria-label="Loading table"');
  // A client-side navigation from the sidebar ends with the table and its rows.
  await page.goto("/");
  await page.getByRole("link", { name: "Users", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row").nth(1)).toBeVisible();
});

test("a console page found without a fresh session cookie cache has the browser renew it, from D1", async ({
  page,
}) => {
  await signIn(page, OPERATOR.email, OPERATOR.password);
  const isCache = (name: string) => name.endsWith("better-auth.session_data");
  // The cache expired (or was never set): the browser holds the session cookie alone.
  const context = page.context();
  const kept = (await context.cookies()).filter((cookie) => !isCache(cookie.name));
  await context.clearCookies();
  await context.addCookies(kept);
  const renewal = page.waitForResponse((response) =>
    response.url().endsWith("/api/auth/get-session?disableCookieCache=true"),
  );
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
  expect((await renewal).status()).toBe(200);
  await expect.poll(async () => (await context.cookies()).some((cookie) => isCache(cookie.name))).toBe(true);
});

test("a ban with a reason and 1-day expiry ends the user's session and shows at sign-in; unban lets them back", async ({
  page,
  browser,
  clientIp,
}) => {
  test.slow(); // two browsers, mail round trips and a dozen page loads on a shared machine
  const target = await createVerifiedUser("banme", clientIp);

  // The user has an open session in their own browser.
  const userContext = await browser.newContext({ extraHTTPHeaders: { "cf-connecting-ip": clientIp } });
  const userPage = await userContext.newPage();
  await signIn(userPage, target.email, target.password);
  await expect(userPage.getByRole("heading", { name: `Welcome, ${target.name}` })).toBeVisible();

  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto(`/admin/users?search=${encodeURIComponent(target.email)}`);
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(2);

  // Ban from the row menu: reason required, 1 day.
  await page.getByRole("button", { name: `Actions for ${target.email}` }).click();
  await page.getByRole("menuitem", { name: "Ban…" }).click();
  const banDialog = page.getByRole("dialog", { name: `Ban ${target.email}` });
  await banDialog.getByRole("button", { name: "Ban", exact: true }).click();
  await expect(banDialog.getByText("Give a reason for the ban.")).toBeVisible();
  await expect(banDialog.getByText("Choose how long the ban lasts.")).toBeVisible(); // no length is preselected
  await banDialog.getByLabel("Reason").fill("Spamming other tenants (ticket 1234)");
  await banDialog.getByRole("radio", { name: "1 day" }).check();
  await banDialog.getByRole("button", { name: "Ban", exact: true }).click();
  await expect(banDialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row").nth(1)).toContainText("Banned until");

  // Their open session has ended, and signing in again tells them until when.
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/sign-in/);
  await userPage.getByLabel("Email").fill(target.email);
  await userPage.getByLabel("Password").fill(target.password);
  await userPage.getByRole("button", { name: "Sign in" }).click();
  await expect(formError(userPage)).toContainText(/suspended until .* UTC/);

  // Unban from the user page.
  await page.goto(`/admin/users/${target.id}`);
  await expect(page.getByText("Reason: Spamming other tenants (ticket 1234)")).toBeVisible();
  await page.getByRole("button", { name: "Unban user" }).click();
  const unban = page.getByRole("dialog", { name: `Unban ${target.email}?` });
  await unban.getByLabel("Reason").fill("Appeal accepted (ticket 1235)");
  await unban.getByRole("button", { name: "Unban", exact: true }).click();
  await expect(page.getByRole("button", { name: "Ban user" })).toBeVisible();

  await signIn(userPage, target.email, target.password);
  await expect(userPage.getByRole("heading", { name: `Welcome, ${target.name}` })).toBeVisible();
  await userContext.close();

  const audit = await openAuditFor(page, target.email);
  const banRow = audit.getByRole("row").filter({ hasText: "user.ban" });
  await expect(banRow).toContainText(OPERATOR.email);
  await expect(banRow).toContainText(target.email);
  await expect(banRow).toContainText("Spamming other tenants (ticket 1234)");
  await expect(audit.getByRole("row").filter({ hasText: "user.unban" })).toContainText(OPERATOR.email);
  await expect(audit.getByRole("row").filter({ hasText: "user.unban" })).toContainText("Appeal accepted (ticket 1235)");
});

test("an operator impersonates with a reason, cannot reach operator pages or security changes, and stops", async ({
  page,
  clientIp,
}) => {
  test.slow(); // a dozen page loads and a mail round trip on a shared machine
  const target = await createVerifiedUser("helpme", clientIp);
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto(`/admin/users/${target.id}`);
  await expect(page.getByRole("heading", { name: target.name, level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Impersonate" }).click();
  const dialog = page.getByRole("dialog", { name: `Impersonate ${target.name}` });
  await dialog.getByLabel("Reason").fill("too short");
  await dialog.getByRole("button", { name: "Start impersonating" }).click();
  await expect(dialog.getByText(/at least 10 characters/).first()).toBeVisible();
  const reason = "Checking the dashboard for ticket 4567";
  await dialog.getByLabel("Reason").fill(reason);
  const before = new Date();
  await dialog.getByRole("button", { name: "Start impersonating" }).click();

  // The console as the user sees it, with the banner on every page.
  await expect(page.getByRole("heading", { name: `Welcome, ${target.name}` })).toBeVisible();
  const banner = page.getByRole("region", { name: "Impersonation" });
  await expect(banner).toContainText(`is impersonating ${target.name}`);
  await expect(banner).toContainText(/(59|60) min left|1 h left/);
  await page.goto("/account/profile");
  await expect(banner).toBeVisible();

  // Operator pages and APIs are refused while impersonating; so are security changes.
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  expect((await browserFetch(page, "/api/admin/audit-events")).status).toBe(403);
  expect((await browserFetch(page, "/api/auth/admin/list-users")).status).toBe(403);
  const changePassword = await postAuth(page, "/change-password", {
    currentPassword: target.password,
    newPassword: "taken-over-password-1",
  });
  expect(changePassword.status).toBe(403);
  expect(changePassword.body).toMatchObject({ code: "NOT_WHILE_IMPERSONATING" });
  const changeEmail = await postAuth(page, "/change-email", { newEmail: uniqueEmail("takeover") });
  expect(changeEmail.status).toBe(403);
  const deleteUser = await postAuth(page, "/delete-user", { password: target.password });
  expect(deleteUser.status).toBe(403);
  const enable2fa = await postAuth(page, "/two-factor/enable", { password: target.password });
  expect(enable2fa.status).toBe(403);

  // The user is told.
  const notice = await waitForMail(SINK_URL, target.email, { subject: /support signed in/i, after: before });
  expect(notice.text).toContain(reason);

  await page.goto("/");
  await expect(banner).toContainText(/min left/); // the countdown runs: the banner is interactive now
  await banner.getByRole("button", { name: "Stop impersonating" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/admin/users/${target.id}`);
  await expect(page.getByRole("heading", { name: target.name, level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Impersonation" })).toHaveCount(0);
  await expect(page.getByTestId("shell-user-name")).toHaveText("Gatehouse Operator");

  const audit = await openAuditFor(page, target.email);
  await expect(audit.getByRole("row").filter({ hasText: "impersonation.start" })).toContainText(reason);
  await expect(audit.getByRole("row").filter({ hasText: "impersonation.start" })).toContainText(OPERATOR.email);
  await expect(audit.getByRole("row").filter({ hasText: "impersonation.stop" })).toContainText(OPERATOR.email);
  await expect(audit.getByRole("row").filter({ hasText: "user.password.change.denied" })).toContainText(
    `impersonated by ${OPERATOR.email}`,
  );
});

test("support can look and impersonate, but sees no ban or role controls and the API refuses them", async ({
  page,
  clientIp,
}) => {
  test.slow(); // a dozen page loads on a shared machine
  const target = await createVerifiedUser("supported", clientIp);
  await signIn(page, SUPPORT.email, SUPPORT.password);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create user" })).toHaveCount(0);

  await page.goto(`/admin/users/${target.id}`);
  await expect(page.getByRole("heading", { name: target.name, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Impersonate" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Ban user" })).toHaveCount(0);
  await expect(page.getByLabel("Change role")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete user" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Set password" })).toHaveCount(0);

  const ban = await postAuth(page, "/admin/ban-user", { userId: target.id, banReason: "Support overreach" });
  expect(ban.status).toBe(403);
  const role = await postAuth(page, "/admin/set-role", { userId: target.id, role: "admin" });
  expect(role.status).toBe(403);
  const remove = await postAuth(page, "/admin/remove-user", { userId: target.id });
  expect(remove.status).toBe(403);
  // Support reads the trail too.
  expect((await browserFetch(page, "/api/admin/audit-events?limit=1")).status).toBe(200);

  await page.getByRole("button", { name: "Impersonate" }).click();
  const dialog = page.getByRole("dialog", { name: `Impersonate ${target.name}` });
  await dialog.getByLabel("Reason").fill("Walking the customer through setup");
  await dialog.getByRole("button", { name: "Start impersonating" }).click();
  const banner = page.getByRole("region", { name: "Impersonation" });
  await expect(banner).toContainText(`Sam Support is impersonating ${target.name}`);
  await expect(banner).toContainText(/min left/); // the countdown runs: the banner is interactive now
  await banner.getByRole("button", { name: "Stop impersonating" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/admin/users/${target.id}`);

  const events = await auditEventsFor(page, target.id);
  expect(events).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ action: "user.ban.denied", actorEmail: SUPPORT.email, reason: "Support overreach" }),
      expect.objectContaining({
        action: "impersonation.start",
        actorEmail: SUPPORT.email,
        reason: "Walking the customer through setup",
      }),
      expect.objectContaining({ action: "impersonation.stop", actorEmail: SUPPORT.email }),
    ]),
  );
  const audit = await openAuditFor(page, target.email);
  await expect(audit.getByRole("row").filter({ hasText: "user.ban.denied" })).toContainText(SUPPORT.email);
  await expect(audit.getByRole("row").filter({ hasText: "impersonation.start" })).toContainText(
    "Walking the customer through setup",
  );
});

test("an operator creates another operator, and then can neither impersonate nor ban them", async ({ page }) => {
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  const email = uniqueEmail("second-operator");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("Enter a name.")).toBeVisible();
  await dialog.getByLabel("Name").fill("Second Operator");
  await dialog.getByLabel("Email", { exact: true }).fill(email);
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: "Operator" }).click();
  await dialog.getByRole("radio", { name: "Set a password now" }).check();
  await dialog.getByLabel("New password").fill("second-operator-pass-1");
  await dialog.getByRole("button", { name: "Create user" }).click();

  await expect(page.getByRole("heading", { name: "Second Operator", level: 1 })).toBeVisible();
  const userId = page.url().split("/").pop() as string;
  await expect(page.getByRole("button", { name: "Impersonate" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ban user" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete user" })).toHaveCount(0);

  const impersonate = await postAuth(page, "/admin/impersonate-user", {
    userId,
    reason: "Trying to look at their screen",
  });
  expect(impersonate.status).toBe(403);
  expect(impersonate.body).toMatchObject({ code: "CANNOT_ACT_ON_OPERATOR" });
  const ban = await postAuth(page, "/admin/ban-user", { userId, banReason: "Operators banning operators" });
  expect(ban.status).toBe(403);

  const audit = await openAuditFor(page, email);
  await expect(audit.getByRole("row").filter({ hasText: "user.create" })).toContainText(OPERATOR.email);
  await expect(audit.getByRole("row").filter({ hasText: "impersonation.start.denied" })).toContainText(
    "Trying to look at their screen",
  );
  await expect(audit.getByRole("row").filter({ hasText: "user.ban.denied" })).toContainText(
    "Operators banning operators",
  );
});

test("bulk actions ask first and report the result for each selected user", async ({ page, clientIp }) => {
  test.slow(); // two sign-ups with mail round trips, then a few page loads on a shared machine
  const token = Math.random().toString(36).slice(2, 8);
  const first = await createVerifiedUser(`bulk${token}`, clientIp);
  const second = await createVerifiedUser(`bulk${token}`, clientIp);
  await signIn(page, OPERATOR.email, OPERATOR.password);
  await page.goto(`/admin/users?search=bulk${token}`);
  const table = page.getByRole("table", { name: "Users" });
  await expect(table.getByRole("row")).toHaveCount(3);

  await table.getByRole("checkbox", { name: "Select all on this page" }).check();
  const bar = page.getByRole("region", { name: "Selected rows" });
  await expect(bar).toContainText("2 selected");
  await bar.getByRole("button", { name: "Ban", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Ban 2 users" });
  await dialog.getByLabel("Reason").fill("Coordinated spam wave (ticket 999)");
  await dialog.getByRole("radio", { name: "7 days" }).check();
  await dialog.getByRole("button", { name: "Ban", exact: true }).click();

  const results = page.getByRole("dialog", { name: /Ban: 2 of 2 done/ });
  await expect(results.getByRole("list", { name: "Results" })).toContainText(first.email);
  await expect(results.getByRole("list", { name: "Results" })).toContainText(second.email);
  await results.getByRole("button", { name: "Close" }).first().click();
  await expect(table.getByRole("row").filter({ hasText: "Banned until" })).toHaveCount(2);

  await table.getByRole("checkbox", { name: "Select all on this page" }).check();
  await bar.getByRole("button", { name: "Unban", exact: true }).click();
  const confirm = page.getByRole("alertdialog", { name: "Unban 2 users?" });
  await confirm.getByRole("button", { name: "Unban", exact: true }).click();
  await expect(page.getByRole("dialog", { name: /Unban: 2 of 2 done/ })).toBeVisible();

  const events = await auditEventsFor(page, first.id);
  expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(["user.ban", "user.unban"]));
  expect(events.find((event) => event.action === "user.ban")?.reason).toBe("Coordinated spam wave (ticket 999)");
});

test("staff see every organization with its member count, and its members and pending invitations", async ({
  page,
  clientIp,
}) => {
  const owner = await createVerifiedUser("orgowner", clientIp);
  const { client } = createSdkClient({ baseURL: BASE_URL, clientIp });
  expect((await client.signIn.email({ email: owner.email, password: owner.password })).error).toBeNull();
  const slug = `org-${Math.random().toString(36).slice(2, 8)}`;
  const created = await client.organization.create({ name: `Org ${slug}`, slug });
  expect(created.error).toBeNull();
  const invitee = uniqueEmail("invitee");
  const invited = await client.organization.inviteMember({
    email: invitee,
    role: "member",
    organizationId: created.data?.id,
  });
  expect(invited.error).toBeNull();

  await signIn(page, SUPPORT.email, SUPPORT.password);
  await page.goto(`/admin/organizations?search=${slug}`);
  const row = page
    .getByRole("table", { name: "Organizations" })
    .getByRole("row")
    .filter({ hasText: `Org ${slug}` });
  await expect(row).toContainText(`/${slug}`);
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await row.getByRole("link", { name: `Org ${slug}` }).click();
  await expect(page.getByRole("heading", { name: `Org ${slug}`, level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Members" })).toContainText(owner.email);
  await expect(page.getByRole("table", { name: "Members" })).toContainText("owner");
  await expect(page.getByRole("table", { name: "Pending invitations" })).toContainText(invitee);
});
