import { authenticator } from "../test/totp";
import {
  createVerifiedUser,
  enrolTotpOverHttp,
  expectConsole,
  open,
  otherIp,
  signInToChallenge,
  signOutFromMenu,
  submitCode,
} from "./account";
import { BASE_URL, SINK_URL } from "./config";
import { expect, formError, signIn, test } from "./fixtures";
import { extractCode, waitForMail } from "./mail";

test("enrol with the QR secret; sign-in asks for the code; wrong, right, replayed and backup codes", async ({
  page,
  clientIp,
}) => {
  test.slow(); // a whole enrolment and four sign-ins
  const user = await createVerifiedUser(clientIp, "enrol");
  await signIn(page, user.email, user.password);
  await open(page, "/account/security");
  await expect(page.getByTestId("two-factor-status")).toHaveText("Off");

  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Password").fill("not-my-password");
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(dialog.getByText("Wrong password.")).toBeVisible();
  await dialog.getByLabel("Password").fill(user.password);
  await dialog.getByRole("button", { name: "Continue" }).click();

  // The QR code is drawn in the page (a data: URL), and the same secret is shown for manual entry.
  const qr = dialog.getByRole("img", { name: "QR code to scan with your authenticator app" });
  await expect(qr).toHaveAttribute("src", /^data:image\/svg\+xml/);
  const secret = (await dialog.getByTestId("totp-secret").textContent())?.replace(/\s+/g, "") ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const app = authenticator(secret);

  await dialog.getByLabel("Code from the app").fill("12345");
  await dialog.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(dialog.getByText("Enter the 6-digit code.")).toBeVisible();
  await dialog.getByLabel("Code from the app").fill(await app.nextCode());
  await dialog.getByRole("button", { name: "Confirm and turn on" }).click();

  const backupList = dialog.getByRole("list", { name: "Backup codes" });
  await expect(backupList.getByRole("listitem")).toHaveCount(10);
  const codes = await backupList.getByRole("listitem").allTextContents();
  await expect(dialog.getByRole("button", { name: "Download" })).toBeVisible();
  await dialog.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");

  await signOutFromMenu(page, user.name);
  await signInToChallenge(page, user);
  const right = await app.nextCode();
  const wrong = right === "000000" ? "111111" : "000000";
  await submitCode(page, wrong);
  await expect(formError(page)).toContainText("That code is not right");
  await expect(page.getByLabel("Authentication code")).toHaveValue(wrong);
  await submitCode(page, right);
  await expectConsole(page, user.name);

  // The same code, again within its 30-second window, on a new sign-in: refused.
  await signOutFromMenu(page, user.name);
  await signInToChallenge(page, user);
  await submitCode(page, right);
  await expect(formError(page)).toContainText("This code has already been used");

  // A backup code works once.
  const backup = codes[0] as string;
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await submitCode(page, backup, { label: "Backup code" });
  await expectConsole(page, user.name);
  await signOutFromMenu(page, user.name);
  await signInToChallenge(page, user);
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await submitCode(page, backup, { label: "Backup code" });
  await expect(formError(page)).toContainText("This backup code has already been used");

  // Email codes are the alternative second factor.
  const before = new Date();
  await page.getByRole("button", { name: "Email me a code instead" }).click();
  await expect(page.getByTestId("form-success")).toContainText("We emailed a code");
  const mail = await waitForMail(SINK_URL, user.email, { subject: /code/i, after: before });
  await submitCode(page, extractCode(mail), { label: "Code from the email" });
  await expectConsole(page, user.name);
});

test("trust this device: skips the challenge in that browser only, until it is removed (one, then all)", async ({
  page,
  browser,
  clientIp,
}) => {
  test.slow();
  const user = await createVerifiedUser(clientIp, "trusty");
  const { app, backupCodes } = await enrolTotpOverHttp(user, clientIp);

  await signInToChallenge(page, user);
  await submitCode(page, await app.nextCode(), { trust: true });
  await expectConsole(page, user.name);
  await signOutFromMenu(page, user.name);
  await signIn(page, user.email, user.password);
  await expectConsole(page, user.name); // no challenge in the trusted browser

  const fresh = await browser.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, 7) },
  });
  try {
    // A fresh browser is still asked; it answers with a backup code and is trusted too.
    const other = await fresh.newPage();
    await signInToChallenge(other, user);
    await other.getByRole("button", { name: "Use a backup code" }).click();
    await submitCode(other, backupCodes[0] as string, { label: "Backup code", trust: true });
    await expectConsole(other, user.name);

    await open(page, "/account/security");
    const devices = page.getByRole("list", { name: "Trusted devices" });
    await expect(devices.getByRole("listitem")).toHaveCount(2);
    await expect(devices.getByText("This device")).toHaveCount(1);
    await devices.getByRole("button", { name: /^Remove .*\(this device\)$/ }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
    await expect(page.getByText("That device will be asked for a second factor")).toBeVisible();
    await expect(devices.getByRole("listitem")).toHaveCount(1);
    await expect(devices.getByText("This device")).toHaveCount(0);

    await signOutFromMenu(page, user.name);
    await signInToChallenge(page, user); // the challenge is back here...
    await submitCode(page, await app.nextCode(), { trust: true });
    await expectConsole(page, user.name);

    await open(page, "/account/security");
    await expect(devices.getByRole("listitem")).toHaveCount(2);
    await page.getByRole("button", { name: "Remove all" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove all" }).click();
    await expect(page.getByText("No trusted devices.")).toBeVisible();

    await signOutFromMenu(other, user.name); // ...and in the other browser after "Remove all"
    await signInToChallenge(other, user);
  } finally {
    await fresh.close();
  }
});

test("new backup codes replace the old ones; turning two-factor off needs the password", async ({ page, clientIp }) => {
  test.slow();
  const user = await createVerifiedUser(clientIp, "regen");
  const { app, backupCodes } = await enrolTotpOverHttp(user, clientIp);
  await signInToChallenge(page, user);
  await submitCode(page, await app.nextCode());
  await expectConsole(page, user.name);

  await open(page, "/account/security");
  await page.getByRole("button", { name: "Regenerate backup codes" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Password").fill("not-my-password");
  await dialog.getByRole("button", { name: "Issue new codes" }).click();
  await expect(dialog.getByText("Wrong password.")).toBeVisible();
  await dialog.getByLabel("Password").fill(user.password);
  await dialog.getByRole("button", { name: "Issue new codes" }).click();
  const list = dialog.getByRole("list", { name: "Backup codes" }).getByRole("listitem");
  await expect(list).toHaveCount(10);
  const fresh = await list.allTextContents();
  expect(fresh).not.toContain(backupCodes[0]);
  await dialog.getByRole("button", { name: "Done" }).click();

  await signOutFromMenu(page, user.name);
  await signInToChallenge(page, user);
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await submitCode(page, backupCodes[0] as string, { label: "Backup code" });
  await expect(formError(page)).toContainText("That backup code is not right");
  await submitCode(page, fresh[0] as string, { label: "Backup code" });
  await expectConsole(page, user.name);

  await open(page, "/account/security");
  await page.getByRole("button", { name: "Turn off two-factor" }).click();
  await dialog.getByLabel("Password").fill("not-my-password");
  await dialog.getByRole("button", { name: "Turn off" }).click();
  await expect(dialog.getByText("Wrong password.")).toBeVisible();
  await dialog.getByLabel("Password").fill(user.password);
  await dialog.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByText("Two-factor authentication is off.")).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Off");

  await signOutFromMenu(page, user.name);
  await signIn(page, user.email, user.password);
  await expectConsole(page, user.name); // password only again
});

test("email codes as the only second factor", async ({ page, clientIp }) => {
  const user = await createVerifiedUser(clientIp, "mailer");
  await signIn(page, user.email, user.password);
  await open(page, "/account/security");
  await page.getByRole("button", { name: "Use email codes" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Password").fill(user.password);
  await dialog.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");

  await signOutFromMenu(page, user.name);
  const before = new Date();
  await signInToChallenge(page, user);
  // No authenticator app: the page mails a code by itself and offers nothing else but email.
  await expect(page.getByText("Enter the 6-digit code we emailed you.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Use a backup code" })).toHaveCount(0);
  const mail = await waitForMail(SINK_URL, user.email, { subject: /code/i, after: before });
  await submitCode(page, extractCode(mail), { label: "Code from the email" });
  await expectConsole(page, user.name);
});

test("too many wrong codes end the challenge with a clear message", async ({ page, clientIp }) => {
  const user = await createVerifiedUser(clientIp, "lockout");
  const { app } = await enrolTotpOverHttp(user, clientIp);
  await signInToChallenge(page, user);
  const right = app.currentCode();
  const wrong = right === "000000" ? "111111" : "000000";
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitCode(page, wrong);
    await expect(formError(page)).toContainText("That code is not right");
  }
  await submitCode(page, wrong);
  await expect(formError(page)).toContainText("Too many wrong codes for this sign-in");
  await page.getByRole("link", { name: "Sign in again" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
});
