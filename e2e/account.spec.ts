import { createVerifiedUser, expectConsole, open, otherIp, PASSWORD } from "./account";
import { BASE_URL, SINK_URL } from "./config";
import { expect, formError, signIn, test, uniqueEmail } from "./fixtures";
import { extractLink, waitForMail } from "./mail";

test("a profile change shows in the shell at once, without a reload", async ({ page, clientIp }) => {
  const user = await createVerifiedUser(clientIp, "profile");
  await signIn(page, user.email, user.password);
  await open(page, "/account/profile");
  await expect(page.getByTestId("shell-user-name")).toHaveText(user.name);
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });

  const form = page.getByRole("form", { name: "Your details" });
  await form.getByLabel("Name").fill("");
  await form.getByLabel("Avatar URL").fill("http://insecure.example/me.png");
  await form.getByRole("button", { name: "Save profile" }).click();
  await expect(form.getByText("Enter your name.")).toBeVisible();
  await expect(form.getByText("Enter an https:// address, or leave it empty.")).toBeVisible();
  await expect(form.getByLabel("Avatar URL")).toHaveValue("http://insecure.example/me.png");

  await form.getByLabel("Name").fill("Renamed Person");
  await form.getByLabel("Avatar URL").fill("");
  await form.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await expect(page.getByTestId("shell-user-name")).toHaveText("Renamed Person");
  await expect(page.getByRole("button", { name: "Account menu for Renamed Person" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  await page.reload();
  await expect(page.getByTestId("shell-user-name")).toHaveText("Renamed Person");
});

async function mailCountTo(to: string) {
  const res = await fetch(`${SINK_URL}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: unknown[] }).messages.length;
}

test("change email: the current address confirms first, then the new one gets the link that moves the account", async ({
  page,
  clientIp,
}) => {
  const user = await createVerifiedUser(clientIp, "mover");
  const newEmail = uniqueEmail("moved");
  await signIn(page, user.email, user.password);
  await open(page, "/account/profile");
  const form = page.getByRole("form", { name: "Change email address" });
  await form.getByLabel("New email address").fill(user.email);
  await form.getByRole("button", { name: "Change email" }).click();
  await expect(form.getByText("This is already your email address.")).toBeVisible();

  await form.getByLabel("New email address").fill(newEmail);
  await form.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByTestId("form-success")).toContainText(`We sent a confirmation link to ${user.email}`);

  // Nothing reaches the new address until the current one confirms.
  const confirm = await waitForMail(SINK_URL, user.email, { subject: /confirm the change/i });
  expect(confirm.text).toContain(newEmail);
  expect(await mailCountTo(newEmail)).toBe(0);
  await page.goto(extractLink(confirm, "/api/auth/verify-email"));
  await expect(page.getByTestId("form-success")).toHaveText(
    `Change confirmed. We sent a link to ${newEmail}: open it to finish moving your account there.`,
  );
  await expect(page.getByTestId("current-email")).toHaveText(user.email);

  const link = await waitForMail(SINK_URL, newEmail, { subject: /verify your email/i });
  await page.goto(extractLink(link, "/api/auth/verify-email"));
  await expect(page).toHaveURL(/\/account\/profile\?email=changed/);
  await expect(page.getByTestId("form-success")).toHaveText(`Your email address is now ${newEmail}.`);
  await expect(page.getByTestId("current-email")).toHaveText(newEmail);
});

test("change password: current one required, notice mailed, other sessions signed out", async ({
  page,
  browser,
  clientIp,
}) => {
  const user = await createVerifiedUser(clientIp, "rekey");
  const other = await browser.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, 9) },
  });
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, user.email, user.password);
    await expectConsole(otherPage, user.name);

    await signIn(page, user.email, user.password);
    await open(page, "/account/security");
    await page.getByRole("button", { name: "Change password…" }).click();
    const form = page.getByRole("form", { name: "Change password" });
    await expect(form.getByLabel("Current password")).toBeFocused(); // the form opens where typing goes
    await form.getByLabel("Current password").fill("not-the-password");
    await form.getByLabel("New password", { exact: true }).fill("a-new-password-2");
    await form.getByLabel("Repeat the new password").fill("a-new-password-3");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("The passwords do not match.")).toBeVisible();
    await form.getByLabel("Repeat the new password").fill("a-new-password-2");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("This is not your current password.")).toBeVisible();
    await expect(form.getByLabel("New password", { exact: true })).toHaveValue("a-new-password-2");

    await form.getByLabel("Current password").fill(PASSWORD);
    await expect(form.getByLabel("Sign out my other sessions")).toBeChecked();
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed. Your other sessions were signed out.")).toBeVisible();

    const notice = await waitForMail(SINK_URL, user.email, { subject: /password was changed/i });
    expect(notice.text).toContain("Every other device signed in to your account was signed out.");

    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await page.reload(); // this browser keeps its (renewed) session
    await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  } finally {
    await other.close();
  }
});

test("sessions: each listed with browser and OS; revoking another signs that browser out", async ({
  page,
  browser,
  clientIp,
}) => {
  const user = await createVerifiedUser(clientIp, "sessions");
  const other = await browser.newContext({
    baseURL: BASE_URL,
    userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
    extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, 11) },
  });
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, user.email, user.password);
    await expectConsole(otherPage, user.name);

    await signIn(page, user.email, user.password);
    await open(page, "/account/sessions");
    const table = page.getByRole("table", { name: "Your sessions" });
    const firefox = table.getByRole("row", { name: /Firefox 140 on Linux/ });
    await expect(firefox).toContainText(otherIp(clientIp, 11));
    const mine = table.getByRole("row", { name: /This device/ });
    await expect(mine).toContainText("Current session");
    await expect(mine).toContainText(clientIp);

    await firefox.getByRole("button", { name: /^Sign out Firefox 140 on Linux/ }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("Sign out this session?");
    await confirm.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("That session was signed out.")).toBeVisible();
    await expect(firefox).toHaveCount(0);
    await expect(mine).toBeVisible();

    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/sign-in/);
  } finally {
    await other.close();
  }
});

test("sessions: sign out all others at once", async ({ page, browser, clientIp }) => {
  const user = await createVerifiedUser(clientIp, "others");
  const contexts = await Promise.all(
    [21, 22].map((n) =>
      browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, n) } }),
    ),
  );
  try {
    const pages = await Promise.all(contexts.map((c) => c.newPage()));
    for (const p of pages) await signIn(p, user.email, user.password);
    await signIn(page, user.email, user.password);
    await open(page, "/account/sessions");
    await page.getByRole("button", { name: "Sign out all other sessions" }).click();
    // Two browsers here, plus the session the verification link opened when the account was made.
    await expect(page.getByRole("alertdialog")).toContainText("3 other sessions will be signed out.");
    await page.getByRole("alertdialog").getByRole("button", { name: "Sign out others" }).click();
    await expect(page.getByText("Every other session was signed out.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Your sessions" }).getByRole("row")).toHaveCount(2); // header + this
    await expect(page.getByText("You are not signed in anywhere else.")).toBeVisible();
    for (const p of pages) {
      await p.reload();
      await expect(p).toHaveURL(/\/sign-in/);
    }
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

test("the account pages need a session", async ({ page }) => {
  for (const path of ["/account/security", "/account/sessions"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(path)}`));
  }
  await page.goto("/two-factor");
  await expect(page.getByRole("heading", { name: "Sign-in expired" })).toBeVisible();
  await expect(formError(page)).toHaveCount(0);
});
