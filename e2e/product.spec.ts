// The product side of Gatehouse, as a product sees it: the example product (examples/product) on loopback fetches a
// token from the browser's Gatehouse session (CORS for PRODUCT_ORIGINS), verifies it against the JWKS with jose,
// shows who is signed in (and who impersonates them), and refuses writes under impersonation, forged keys and
// expired tokens.
import { generateKeyPair, SignJWT } from "jose";
import { type Product, startProduct } from "../examples/product/server";
import { BASE_URL, E2E_TOKEN_SECONDS, PRODUCT_PORT, SUPPORT } from "./config";
import { expect, hydrated, otherIp, signIn, test } from "./fixtures";
import { postAuth } from "./operator-helpers";
import { createAccount, createOrganization } from "./org-helpers";

// One product server on its port: the tests of this file run in order, in one worker.
test.describe.configure({ mode: "serial" });

let product: Product;
test.beforeAll(async () => {
  product = await startProduct({ port: PRODUCT_PORT, gatehouseUrl: BASE_URL });
});
test.afterAll(async () => {
  await product.close();
});

const me = (token: string) => fetch(`${product.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });

test("the example product accepts a Gatehouse token, shows the impersonator and refuses a write then", async ({
  page,
  browser,
  clientIp,
}) => {
  test.slow(); // two browsers, a mail round trip and the impersonation flow on a shared machine
  const owner = await createAccount(clientIp, "Product Owner");
  const org = await createOrganization(owner, "Product Org");

  await signIn(page, owner.email, owner.password);
  expect((await postAuth(page, "/organization/set-active", { organizationId: org.id })).status).toBe(200);
  await page.goto(product.url);
  await expect(page.getByRole("status")).toHaveText(
    `Signed in as ${owner.name} (${owner.email}) in Product Org as owner.`,
  );
  await page.getByRole("button", { name: "Save a note" }).click();
  await expect(page.getByRole("alert")).toHaveText("Note saved.");

  // Support impersonates the owner in another browser: the product names them and refuses the write.
  const staff = await browser.newContext({ extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, 3) } });
  const staffPage = await staff.newPage();
  await signIn(staffPage, SUPPORT.email, SUPPORT.password);
  await staffPage.goto(`/admin/users/${owner.userId}`);
  await hydrated(staffPage);
  await staffPage.getByRole("button", { name: "Impersonate" }).click();
  const dialog = staffPage.getByRole("dialog", { name: `Impersonate ${owner.name}` });
  await dialog.getByLabel("Reason").fill("Checking what the product shows them");
  await dialog.getByRole("button", { name: "Start impersonating" }).click();
  await expect(staffPage.getByRole("region", { name: "Impersonation" })).toBeVisible();

  await staffPage.goto(product.url);
  await expect(staffPage.getByRole("status")).toHaveText(
    // The impersonation session starts in the organization the user last worked in.
    `Signed in as ${owner.name} (${owner.email}) in Product Org as owner (impersonated by Sam Support, read-only).`,
  );
  await staffPage.getByRole("button", { name: "Save a note" }).click();
  await expect(staffPage.getByRole("alert")).toHaveText("Refused (403): Impersonation is read-only.");
  await staff.close();
});

test("the example product refuses a token signed by another key, and a token past its lifetime", async ({
  clientIp,
}) => {
  test.slow(); // waits for a real token to expire
  const user = await createAccount(clientIp, "Token Holder");
  const { data, error } = await user.client.$fetch<{ token: string }>("/token", { method: "GET" });
  expect(error).toBeNull();
  const token = data?.token ?? "";
  const accepted = await me(token);
  expect(accepted.status).toBe(200);
  expect(await accepted.json()).toMatchObject({
    user: { email: user.email },
    organization: null,
    impersonatedBy: null,
  });

  // The same claims, signed with a key Gatehouse never published.
  const { privateKey } = await generateKeyPair("EdDSA");
  const forged = await new SignJWT({ email: user.email, name: user.name, role: "admin" })
    .setProtectedHeader({ alg: "EdDSA", kid: JSON.parse(atob(token.split(".")[0] ?? "")).kid })
    .setSubject(user.userId)
    .setIssuer(BASE_URL)
    .setAudience(BASE_URL)
    .setExpirationTime("10m")
    .sign(privateKey);
  const refused = await me(forged);
  expect(refused.status).toBe(401);
  expect(await refused.json()).toEqual({ error: "invalid_token" });

  // The e2e worker's tokens live E2E_TOKEN_SECONDS: the real one is refused once that has passed.
  await expect
    .poll(async () => (await me(token)).status, { timeout: (E2E_TOKEN_SECONDS + 15) * 1000, intervals: [2000] })
    .toBe(401);
  expect(await (await me(token)).json()).toEqual({ error: "token_expired" });
  // A fresh token works again.
  const fresh = await user.client.$fetch<{ token: string }>("/token", { method: "GET" });
  expect((await me(fresh.data?.token ?? "")).status).toBe(200);
});

test("only the product's origin may fetch a token cross-origin", async ({ clientIp }) => {
  const user = await createAccount(clientIp, "Cors Check");
  const cookie = [...user.cookies()].map(([name, value]) => `${name}=${value}`).join("; ");
  const tokenFrom = (origin: string) =>
    fetch(`${BASE_URL}/api/auth/token`, { headers: { origin, cookie, "cf-connecting-ip": clientIp } });
  const allowed = await tokenFrom(product.url);
  expect(allowed.status).toBe(200);
  expect(allowed.headers.get("access-control-allow-origin")).toBe(product.url);
  expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
  const other = await tokenFrom("http://localhost:8899");
  expect(other.headers.get("access-control-allow-origin")).toBeNull();
  const session = await fetch(`${BASE_URL}/api/auth/get-session`, { headers: { origin: product.url, cookie } });
  expect(session.headers.get("access-control-allow-origin")).toBeNull();
});
