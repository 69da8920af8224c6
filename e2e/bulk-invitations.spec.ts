// Bulk invitations: a CSV of 30 rows with every kind of problem gets the right dry-run verdict per row, and sending
// creates exactly the invitable ones (the e2e worker allows 4 pending invitations per organization).
import { SINK_URL } from "./config";
import { expect, hydrated, otherIp, signIn, test } from "./fixtures";
import { waitForMail } from "./mail";
import { addMember, createAccount, createOrganization, uniqueSlug } from "./org-helpers";

test("a 30-row CSV: a verdict per row in the dry run, and sending invites exactly the invitable rows", async ({
  page,
  clientIp,
}) => {
  test.setTimeout(120_000);
  const owner = await createAccount(clientIp, "Bea Bulk");
  const org = await createOrganization(owner, "Bulk Works", uniqueSlug("bulk"));
  const admin = await createAccount(otherIp(clientIp, 51), "Abe Admin");
  await addMember(owner, org.id, admin, "admin");
  const colleague = await createAccount(otherIp(clientIp, 52), "Cy Colleague");
  await addMember(owner, org.id, colleague, "member");
  const team = await owner.client.organization.createTeam({ name: "Engineering", organizationId: org.id });
  expect(team.error).toBeNull();
  const d = `${uniqueSlug("people")}.test`;
  const pending = await owner.client.organization.inviteMember({
    organizationId: org.id,
    email: `pending@${d}`,
    role: "member",
  });
  expect(pending.error).toBeNull();

  const over = Array.from({ length: 13 }, (_, i) => `o${i + 1}@${d},member,`);
  const csv = [
    "email,role,team",
    `a1@${d},,`,
    `a2@${d},admin,`,
    `"a3@${d}","member","engineering"`,
    "not-an-email,member,",
    "x@,member,",
    "@nobody.test,member,",
    `spaced name@${d},member,`,
    ",member,",
    `a1@${d},member,`,
    `A2@${d.toUpperCase()},admin,`,
    `${colleague.email},member,`,
    `${owner.email},member,`,
    `pending@${d},member,`,
    `boss1@${d},owner,`,
    `boss2@${d},owner,`,
    `hero@${d},superhero,`,
    `mk@${d},member,Marketing`,
    ...over,
  ].join("\r\n");
  const expected = [
    "invite",
    "invite",
    "invite",
    "bad_address",
    "bad_address",
    "bad_address",
    "bad_address",
    "bad_address",
    "duplicate",
    "duplicate",
    "already_member",
    "already_member",
    "already_invited",
    "role_not_allowed",
    "role_not_allowed",
    "unknown_role",
    "unknown_team",
    ...over.map(() => "over_limit"),
  ];
  expect(expected).toHaveLength(30);

  // An admin, who may not hand out the owner role.
  await signIn(page, admin.email, admin.password);
  await page.goto(`/org/${org.slug}/invitations`);
  await hydrated(page);
  await page.getByRole("button", { name: "Invite many" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite many people" });
  await dialog
    .getByLabel("CSV file")
    .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(dialog.getByLabel("Rows")).toHaveValue(csv.replaceAll("\r\n", "\n"));
  await dialog.getByRole("button", { name: "Check rows" }).click();

  const preview = dialog.getByRole("table", { name: "What each row will do" });
  await expect(preview.getByRole("row")).toHaveCount(31);
  const verdicts = await preview
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-verdict")));
  expect(verdicts).toEqual(expected);
  await expect(preview.getByRole("row").nth(3)).toContainText("Engineering");
  await expect(preview.getByRole("row").nth(14)).toContainText("A role you may not grant");
  await expect(dialog.getByRole("status")).toContainText("30 rows: 3 will be invited, 27 will not.");

  // Nothing was sent by the dry run.
  const before = await owner.client.organization.listInvitations({ query: { organizationId: org.id } });
  expect(before.data?.filter((i) => i.status === "pending").map((i) => i.email)).toEqual([`pending@${d}`]);

  await dialog.getByRole("button", { name: "Send 3 invitations" }).click();
  await expect(page.getByText("3 invitations sent.")).toBeVisible();
  const done = dialog.getByRole("table", { name: "What each row did" });
  await expect(done.getByText("Invited", { exact: true })).toHaveCount(3);

  const after = await owner.client.organization.listInvitations({ query: { organizationId: org.id } });
  const invited = after.data?.filter((i) => i.status === "pending") ?? [];
  expect(invited.map((i) => i.email).sort()).toEqual([`a1@${d}`, `a2@${d}`, `a3@${d}`, `pending@${d}`]);
  expect(invited.find((i) => i.email === `a2@${d}`)?.role).toBe("admin");
  expect(invited.find((i) => i.email === `a3@${d}`)?.teamId).toBe(team.data?.id);
  const mail = await waitForMail(SINK_URL, `a3@${d}`, { subject: /invited you to Bulk Works/ });
  expect(mail.text).toContain("Abe Admin invited you to join Bulk Works");
});
