// What an impersonating agent sees: Impersonate in the users table's row menu (disabled, with the reason, where it
// is refused), a start page, the banner stuck to the top however far the page scrolls, and account forms that say
// they are not available instead of failing on submit.
import { OPERATOR } from "./config";
import { expect, hydrated, signIn, test } from "./fixtures";
import { createVerifiedUser } from "./operator-helpers";

test("an agent impersonates from the row menu, starts on the profile, keeps the banner in view and cannot submit", async ({
  page,
  clientIp,
}) => {
  const target = await createVerifiedUser("lookedat", clientIp);
  await signIn(page, OPERATOR.email, OPERATOR.password);

  // Another operator's row offers Impersonate, disabled, with the reason.
  await page.goto(`/admin/users?search=${encodeURIComponent(OPERATOR.email)}`);
  await hydrated(page);
  await page.getByRole("button", { name: `Actions for ${OPERATOR.email}` }).click();
  const refused = page.getByRole("menuitem", { name: /Impersonate/ });
  await expect(refused).toBeDisabled();
  await expect(refused).toContainText("This is you.");
  await page.keyboard.press("Escape");

  await page.goto(`/admin/users?search=${encodeURIComponent(target.email)}`);
  await hydrated(page);
  await page.getByRole("button", { name: `Actions for ${target.email}` }).click();
  await page.getByRole("menuitem", { name: /Impersonate/ }).click();
  const dialog = page.getByRole("dialog", { name: `Impersonate ${target.name}` });
  await dialog.getByLabel("Reason").fill("Checking their profile for ticket 9001");
  await dialog.getByLabel("Start at").selectOption({ label: "Their profile" });
  await dialog.getByRole("button", { name: "Start impersonating" }).click();

  await expect(page).toHaveURL(/\/account\/profile$/);
  const banner = page.getByRole("region", { name: "Impersonation" });
  await expect(banner).toContainText(`is impersonating ${target.name}`);
  await expect(banner).toContainText(/min left|1 h left/);

  // Scrolled to the bottom (of a short window, so there is somewhere to scroll), the banner is still on screen.
  await page.setViewportSize({ width: 1280, height: 420 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(banner).toBeInViewport();

  // The account forms say why they cannot be used, and their buttons cannot be pressed.
  const profile = page.getByRole("form", { name: "Your details" });
  await expect(profile.getByText("Not available while impersonating.")).toBeVisible();
  await expect(profile.getByRole("button", { name: "Save profile" })).toBeDisabled();
  await expect(profile.getByLabel("Name")).toBeDisabled();
});
