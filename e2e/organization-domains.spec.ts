// Verified domains and join modes: an owner proves a domain by a mailed code and by a TXT record (served by the local
// DNS-over-HTTPS resolver the e2e server starts), "suggest" lets a new user at the domain ask and the admin approve,
// "automatic" lets the next one join directly; a free-mail domain is refused.
import { BASE_URL, DOH_URL, SINK_URL } from "./config";
import { expect, hydrated, otherIp, signIn, test } from "./fixtures";
import { extractCode, extractLink, waitForMail } from "./mail";
import { createAccount, createOrganization, ORG_TEST_PASSWORD, uniqueSlug } from "./org-helpers";
import { createSdkClient } from "./sdk-client";

/** Signs up at this address, verifies by the mailed link (which signs in), and signs in with the SDK. */
async function signUpAt(email: string, name: string, clientIp: string) {
  const sdk = createSdkClient({ baseURL: BASE_URL, clientIp });
  const signUp = await sdk.client.signUp.email({ name, email, password: ORG_TEST_PASSWORD });
  expect(signUp.error).toBeNull();
  const mail = await waitForMail(SINK_URL, email, { subject: /verify your email/i });
  const verified = await fetch(extractLink(mail, "/api/auth/verify-email"), {
    redirect: "manual",
    headers: { "cf-connecting-ip": clientIp },
  });
  expect(verified.status).toBeLessThan(400);
  expect((await sdk.client.signIn.email({ email, password: ORG_TEST_PASSWORD })).error).toBeNull();
  return sdk;
}

test("verify a domain by mailed code and by DNS record; suggest with approval, then automatic joining", async ({
  page,
  browser,
  clientIp,
}) => {
  test.setTimeout(120_000);
  const owner = await createAccount(clientIp, "Dora Domains");
  const org = await createOrganization(owner, "Domain Works", uniqueSlug("domains"));
  const domain = `${uniqueSlug("acme")}.test`;
  await signIn(page, owner.email, owner.password);
  await page.goto(`/org/${org.slug}/domains`);
  await hydrated(page);

  // A free-mail domain is refused, with the reason under the field.
  const add = page.getByRole("form", { name: "Add a domain" });
  await add.getByLabel("Domain").fill("gmail.com");
  await add.getByRole("button", { name: "Add domain" }).click();
  await expect(add).toContainText("gmail.com is a free or disposable email provider");
  await expect(add.getByLabel("Domain")).toHaveValue("gmail.com");

  await add.getByLabel("Domain").fill(`@${domain.toUpperCase()}`);
  await add.getByRole("button", { name: "Add domain" }).click();
  const card = page.getByTestId(`domain-${domain}`);
  await expect(card).toContainText("Not verified");

  // Affiliation: a code mailed to an address at the domain.
  const before = new Date();
  await card.getByLabel(`Address at ${domain}`).fill("it-team");
  await card.getByRole("button", { name: "Send code" }).click();
  const codeMail = await waitForMail(SINK_URL, `it-team@${domain}`, { subject: /verify/i, after: before });
  await card.getByLabel("Code from the email").fill(extractCode(codeMail));
  await card.getByRole("button", { name: "Verify" }).click();
  await expect(card).toContainText("Verified by email");

  // "Automatic" needs ownership; "suggest" is enough with the mailed code.
  const joinMode = card.getByRole("form", { name: `Join mode for ${domain}` });
  await joinMode.getByLabel("Join mode").selectOption("automatic");
  await joinMode.getByRole("button", { name: "Save join mode" }).click();
  await expect(joinMode).toContainText("Automatic joining needs the DNS record");
  await joinMode.getByLabel("Join mode").selectOption("suggest");
  await joinMode.getByRole("button", { name: "Save join mode" }).click();
  await expect(page.getByText(`${domain}: Suggest.`)).toBeVisible();

  // Two new people at the domain see the organization and ask to join.
  const sam = `sam@${domain}`;
  const rex = `rex@${domain}`;
  for (const [email, name, offset] of [
    [sam, "Sam Suggest", 41],
    [rex, "Rex Refused", 44],
  ] as const) {
    await signUpAt(email, name, otherIp(clientIp, offset));
    const context = await browser.newContext({
      baseURL: BASE_URL,
      extraHTTPHeaders: { "cf-connecting-ip": otherIp(clientIp, offset + 1) },
    });
    try {
      const asker = await context.newPage();
      await signIn(asker, email, ORG_TEST_PASSWORD);
      const suggested = asker.getByRole("region", { name: "Organizations you can join" });
      await expect(suggested).toContainText("Domain Works");
      await hydrated(asker);
      await suggested.getByRole("button", { name: "Request to join Domain Works" }).click();
      await expect(asker.getByText("Request sent.")).toBeVisible();
      await expect(suggested).toContainText("Requested");
    } finally {
      await context.close();
    }
  }

  // The owner approves Sam, who is a member; refuses Rex after a confirmation, who is not, and the request is gone.
  await page.reload();
  await hydrated(page);
  const requests = page.getByRole("list", { name: "Requests to join" });
  await expect(requests).toContainText(sam);
  await requests.getByRole("button", { name: "Approve Sam Suggest" }).click();
  await expect(page.getByText("Sam Suggest joined as member.")).toBeVisible();
  await requests.getByRole("button", { name: "Refuse Rex Refused" }).click();
  await page
    .getByRole("alertdialog", { name: "Refuse Rex Refused's request?" })
    .getByRole("button", { name: "Refuse" })
    .click();
  await expect(page.getByText("Rex Refused's request was refused.")).toBeVisible();
  await expect(page.getByText("No requests waiting.")).toBeVisible();
  const members = await owner.client.organization.listMembers({ query: { organizationId: org.id } });
  expect(members.data?.members.map((m) => m.user.email)).toContain(sam);
  expect(members.data?.members.map((m) => m.user.email)).not.toContain(rex);

  // Ownership: the TXT record, published on the local resolver, checked through DNS-over-HTTPS.
  const record = (await card.getByTestId("txt-record").textContent()) ?? "";
  expect(record).toMatch(/^gatehouse-verification=[0-9a-f]{32}$/);
  await card.getByRole("button", { name: "Check DNS record" }).click();
  await expect(page.getByText(`No TXT record ${record} on ${domain} yet`)).toBeVisible();
  await fetch(DOH_URL.replace("/dns-query", "/records"), {
    method: "PUT",
    body: JSON.stringify({ name: domain, txt: ["v=spf1 -all", record] }),
  });
  await card.getByRole("button", { name: "Check DNS record" }).click();
  await expect(card).toContainText("Verified by DNS");

  await joinMode.getByLabel("Join mode").selectOption("automatic");
  await joinMode.getByRole("button", { name: "Save join mode" }).click();
  await expect(page.getByText(`${domain}: Automatic.`)).toBeVisible();

  // The next person at the domain is a member as soon as their verified sign-in begins.
  const ava = await signUpAt(`ava@${domain}`, "Ava Auto", otherIp(clientIp, 43));
  const mine = await ava.client.organization.list();
  expect(mine.data?.map((o) => o.slug)).toEqual([org.slug]);

  // Every step is in the organization's audit log.
  await page.goto(`/org/${org.slug}/audit`);
  for (const words of [
    "Added a domain",
    "Verified a domain by email",
    "Asked to join",
    "Approved a request to join",
    "Refused a request to join",
    "Verified a domain by DNS",
    "Joined through a verified domain",
  ]) {
    await expect(page.getByRole("table").getByText(words, { exact: true }).first()).toBeVisible();
  }
});
