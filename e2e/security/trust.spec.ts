// Staff power stays bounded whatever the request looks like (issue 12), tried from outside as an attacker would:
// ids in odd shapes, writes while impersonating, a stale session moving the account, deleting the last owner,
// invitation bursts, update-user's other fields. Each asserts the refusal it expects and that nothing changed.
import { BASE_URL, OPERATOR, SINK_URL } from "../config";
import { expect, otherIp, signIn, test, uniqueEmail } from "../fixtures";
import { EDITS_LOCAL_D1, executeOnLocalD1 } from "../local-d1";
import { waitForMail } from "../mail";
import { addMember, createAccount, createOrganization } from "../org-helpers";
import { createSdkClient } from "../sdk-client";
import { createUser, live, type Sdk, signedIn, staff, userAsSeenBy } from "./helpers";

async function mailCount(to: string) {
  const res = await fetch(`${SINK_URL}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: unknown[] }).messages.length;
}

/** A raw JSON POST with the client's cookies: the body exactly as written, never shaped by the SDK's types. */
async function rawPost(sdk: Sdk, path: string, body: unknown) {
  const { data, error } = await sdk.client.$fetch<unknown>(path, { method: "POST", body: body as object });
  return { data, status: error?.status ?? 200, code: (error as { code?: string } | null)?.code ?? null };
}

test.describe("ids in odd shapes", () => {
  test("an operator cannot take over another operator with ids sent as arrays, objects or padded strings", async ({
    clientIp,
  }) => {
    const operator = await staff("operator", clientIp);
    const peer = await createUser(operator, uniqueEmail("peer-op"), { role: "admin" });
    for (const userId of [[peer.id], [[peer.id]], { id: peer.id }, ` ${peer.id}`, 42]) {
      for (const [path, extra] of [
        ["/admin/set-user-password", { newPassword: "taken-over-pass-1" }],
        ["/admin/ban-user", { banReason: "Shape attack" }],
        ["/admin/set-role", { role: "user" }],
        ["/admin/remove-user", {}],
        ["/admin/impersonate-user", { reason: "Shape attack on a peer" }],
      ] as const) {
        const answer = await rawPost(operator, path, { ...extra, userId });
        expect({ path, userId, status: answer.status, code: answer.code }).toEqual({
          path,
          userId,
          status: 400,
          code: "INVALID_REQUEST_FIELD",
        });
      }
    }
    // The plain id is refused for what it is.
    const plain = await rawPost(operator, "/admin/set-user-password", { userId: peer.id, newPassword: "x-pass-123" });
    expect(plain).toMatchObject({ status: 403, code: "CANNOT_ACT_ON_OPERATOR" });
    expect(await userAsSeenBy(operator, peer.id)).toMatchObject({ role: "admin", banned: false });
    expect((await signedIn(peer, otherIp(clientIp, 61))).client).toBeTruthy(); // the same password
  });

  test("support cannot sign an operator out with an array id, nor list their sessions", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const peer = await createUser(operator, uniqueEmail("peer-op2"), { role: "admin" });
    const peerSession = await signedIn(peer, otherIp(clientIp, 62));
    const support = await staff("support", otherIp(clientIp, 63));
    expect(await rawPost(support, "/admin/revoke-user-sessions", { userId: [peer.id] })).toMatchObject({
      status: 400,
      code: "INVALID_REQUEST_FIELD",
    });
    expect(await rawPost(support, "/admin/revoke-user-sessions", { userId: peer.id })).toMatchObject({
      status: 403,
      code: "SUPPORT_CANNOT_ACT_ON_STAFF",
    });
    expect(await rawPost(support, "/admin/list-user-sessions", { userId: peer.id })).toMatchObject({
      status: 403,
      code: "SUPPORT_CANNOT_ACT_ON_STAFF",
    });
    expect((await live(peerSession.client))?.user.id).toBe(peer.id);
  });

  test("update-user cannot switch off an operator's second factor or verification", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const peer = await createUser(operator, uniqueEmail("peer-op3"), { role: "admin" });
    const off = await rawPost(operator, "/admin/update-user", { userId: peer.id, data: { twoFactorEnabled: false } });
    expect(off).toMatchObject({ status: 400, code: "FIELD_NOT_UPDATABLE" });
    const unverify = await rawPost(operator, "/admin/update-user", { userId: peer.id, data: { emailVerified: false } });
    expect(unverify).toMatchObject({ status: 403, code: "CANNOT_ACT_ON_OPERATOR" });
    expect(await userAsSeenBy(operator, peer.id)).toMatchObject({ emailVerified: true });
    expect((await signedIn(peer, otherIp(clientIp, 64))).client).toBeTruthy();
  });
});

test.describe("impersonation is read-only", () => {
  test("support impersonating an org owner cannot invite, re-role, rename, delete or sign the owner out", async ({
    clientIp,
  }) => {
    const owner = await createAccount(clientIp, "Olga Owner");
    const colleague = await createAccount(otherIp(clientIp, 71), "Carl Colleague");
    const org = await createOrganization(owner, "Kept Intact");
    const member = await addMember(owner, org.id, colleague, "member");
    const support = await staff("support", otherIp(clientIp, 72));
    const started = await support.client.admin.impersonateUser({
      userId: owner.userId,
      reason: "Customer asked us to look at their members page",
    } as { userId: string });
    expect(started.error).toBeNull();

    const org$ = support.client.organization;
    const attempts = {
      invite: await org$.inviteMember({ organizationId: org.id, email: "support-self@e2e.test", role: "owner" }),
      reRole: await org$.updateMemberRole({ organizationId: org.id, memberId: member.id, role: "admin" }),
      rename: await org$.update({ organizationId: org.id, data: { name: "Taken Over" } }),
      remove: await org$.removeMember({ organizationId: org.id, memberIdOrEmail: member.id }),
      destroy: await org$.delete({ organizationId: org.id }),
      signOutEverywhere: await support.client.revokeSessions(),
      signOutOthers: await support.client.revokeOtherSessions(),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      expect({ name, status: attempt.error?.status, code: attempt.error?.code }).toEqual({
        name,
        status: 403,
        code: "NOT_WHILE_IMPERSONATING",
      });
    }
    // Nothing changed, and the owner is still signed in.
    const full = await owner.client.organization.getFullOrganization({ query: { organizationId: org.id } });
    expect(full.data?.name).toBe("Kept Intact");
    expect((full.data?.invitations ?? []).filter((i) => i.status === "pending")).toEqual([]);
    expect(full.data?.members.find((m) => m.id === member.id)?.role).toBe("member");
    expect((await live(owner.client))?.user.id).toBe(owner.userId);
    // Moving around is allowed; stopping works.
    expect((await org$.setActive({ organizationId: org.id })).error).toBeNull();
    expect((await support.client.admin.stopImpersonating()).error).toBeNull();
  });

  test("the console's session actions refuse an impersonator with the reason, and the user stays signed in", async ({
    page,
    clientIp,
  }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("imp-console"));
    const elsewhere = await signedIn(target, otherIp(clientIp, 73));
    await signIn(page, OPERATOR.email, OPERATOR.password);
    await page.goto(`/admin/users/${target.id}`);
    await page.getByRole("button", { name: "Impersonate" }).click();
    const dialog = page.getByRole("dialog", { name: /^Impersonate / });
    await dialog.getByLabel("Reason").fill("Checking the sessions page with the user");
    await dialog.getByRole("button", { name: "Start impersonating" }).click();
    await expect(page.getByRole("region", { name: "Impersonation" })).toContainText("Read-only");

    await page.goto("/account/sessions");
    const signOutOthers = page.getByRole("button", { name: "Sign out all other sessions" });
    // The page says so before anyone clicks...
    await expect(signOutOthers).toBeDisabled();
    await expect(signOutOthers).toHaveAttribute("title", "Not available while impersonating.");
    // ...but a disabled button is not the rule: a client that ignores it calls the server action itself (its id from
    // the page's own script, as the button would) and is refused by the server.
    const answer = await page.evaluate(async () => {
      let actionId: string | undefined;
      const scripts = performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith(".js"));
      for (const { name } of scripts) {
        if (actionId) break;
        const source = await (await fetch(name)).text();
        actionId = /\("([0-9a-f]{40,})",[\w.$]+,void 0,[\w.$]+,"revokeOtherSessionsAction"\)/.exec(source)?.[1];
      }
      if (!actionId) return null;
      const response = await fetch(location.pathname, {
        method: "POST",
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body: "[]",
      });
      return { status: response.status, body: await response.text() };
    });
    expect(answer?.status).toBe(200);
    expect(answer?.body).toContain('"code":"NOT_WHILE_IMPERSONATING"');
    expect(answer?.body).toContain("the session is read-only");
    expect((await live(elsewhere.client))?.user.id).toBe(target.id);
  });

  test("signing out of an impersonation ends it and leaves no staff session in that browser", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("imp-signout"));
    const impersonator = await staff("operator", otherIp(clientIp, 74));
    await impersonator.client.admin.impersonateUser({ userId: target.id, reason: "Ending by signing out" } as {
      userId: string;
    });
    expect([...impersonator.cookies().keys()].some((name) => name.endsWith("admin_session"))).toBe(true);
    expect((await impersonator.client.signOut()).error).toBeNull();
    expect([...impersonator.cookies().keys()].some((name) => name.endsWith("admin_session"))).toBe(false);
    expect(await live(impersonator.client)).toBeNull();
  });
});

test.describe("a stale or stolen session cannot move the account", { tag: EDITS_LOCAL_D1 }, () => {
  test("change-email needs a fresh sign-in, and then only the current address can confirm the move", async ({
    clientIp,
  }) => {
    const operator = await staff("operator", clientIp);
    const user = await createUser(operator, uniqueEmail("stale-mover"));
    const stale = await signedIn(user, otherIp(clientIp, 81));
    const token = decodeURIComponent(
      [...stale.cookies()].find(([name]) => name.endsWith("session_token"))?.[1] ?? "",
    ).split(".")[0];
    if (!token || !/^[\w-]+$/.test(token)) throw new Error("no session token");
    await executeOnLocalD1(`UPDATE session SET created_at = ${Date.now() - 20 * 60_000} WHERE token = '${token}'`);

    const target = uniqueEmail("attacker-box");
    const refused = await stale.client.changeEmail({ newEmail: target });
    expect(refused.error).toMatchObject({ status: 403, code: "FRESH_SIGN_IN_REQUIRED" });

    const fresh = await signedIn(user, otherIp(clientIp, 82));
    const before = new Date();
    expect((await fresh.client.changeEmail({ newEmail: target })).error).toBeNull();
    const confirm = await waitForMail(SINK_URL, user.email, { subject: /confirm the change/i, after: before });
    expect(confirm.text).toContain(target);
    expect(await mailCount(target)).toBe(0);
    expect(await userAsSeenBy(operator, user.id)).toMatchObject({ email: user.email });
  });
});

test.describe("never without an owner", () => {
  test("deleting an organization's only owner is refused by name; make another owner, then delete, invitations kept", async ({
    page,
    clientIp,
  }) => {
    const owner = await createAccount(clientIp, "Sole Owner");
    const colleague = await createAccount(otherIp(clientIp, 91), "Next Owner");
    const org = await createOrganization(owner, "Only Owned");
    const member = await addMember(owner, org.id, colleague, "member");
    const guest = uniqueEmail("kept-invite");
    expect(
      (await owner.client.organization.inviteMember({ organizationId: org.id, email: guest, role: "member" })).error,
    ).toBeNull();

    await signIn(page, OPERATOR.email, OPERATOR.password);
    await page.goto(`/admin/users/${owner.userId}`);
    await page.getByRole("button", { name: "Delete user" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete ${owner.email}?` });
    await dialog.getByLabel(`Type ${owner.email} to confirm`).fill(owner.email);
    await dialog.getByRole("button", { name: "Delete for good" }).click();
    await expect(dialog.getByTestId("form-error")).toContainText("is the only owner of Only Owned");
    expect((await live(owner.client))?.user.id).toBe(owner.userId); // nothing was removed

    await page.goto(`/admin/organizations/${org.id}`);
    await page.getByRole("button", { name: `Make ${colleague.name} an owner` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Make owner" }).click();
    await expect(page.getByText("They are now an owner of the organization.")).toBeVisible();

    await page.goto(`/admin/users/${owner.userId}`);
    await page.getByRole("button", { name: "Delete user" }).click();
    await dialog.getByLabel(`Type ${owner.email} to confirm`).fill(owner.email);
    await dialog.getByRole("button", { name: "Delete for good" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/admin/users`);

    // Every invitation the deleted owner sent (the pending one, and the one the colleague accepted) is kept, sent by
    // the remaining owner now.
    const invitations = await colleague.client.organization.listInvitations({ query: { organizationId: org.id } });
    const kept = (invitations.data ?? []).map((i) => ({ email: i.email, status: i.status, inviterId: i.inviterId }));
    expect(kept).toEqual(
      expect.arrayContaining([
        { email: guest, status: "pending", inviterId: colleague.userId },
        { email: colleague.email, status: "accepted", inviterId: colleague.userId },
      ]),
    );
    expect(kept).toHaveLength(2);
    const members = await colleague.client.organization.listMembers({ query: { organizationId: org.id } });
    expect(members.data?.members.map((m) => ({ id: m.id, role: m.role }))).toEqual([{ id: member.id, role: "owner" }]);
  });
});

test.describe("invitation abuse", () => {
  test("fifteen resends in a burst deliver one mail; the rest are told to wait", async ({ clientIp }) => {
    const owner = await createAccount(clientIp, "Resend Burst");
    const org = await createOrganization(owner, "Burst Org");
    const email = uniqueEmail("burst-box");
    expect(
      (await owner.client.organization.inviteMember({ organizationId: org.id, email, role: "member" })).error,
    ).toBeNull();
    await waitForMail(SINK_URL, email, { subject: /invited you/i });
    const burst = await Promise.all(
      Array.from({ length: 15 }, () =>
        owner.client.organization.inviteMember({ organizationId: org.id, email, role: "member", resend: true }),
      ),
    );
    const refused = burst.filter((answer) => answer.error);
    expect(refused).toHaveLength(14);
    for (const answer of refused) expect(answer.error).toMatchObject({ status: 429, code: "INVITATION_RATE_LIMITED" });
    await expect.poll(() => mailCount(email)).toBe(2);
  });
});

test("a signed-out client is refused the staff endpoints whatever the shape", async ({ clientIp }) => {
  const anonymous = createSdkClient({ baseURL: BASE_URL, clientIp });
  expect(await rawPost(anonymous, "/admin/ban-user", { userId: ["x"], banReason: "x" })).toMatchObject({
    status: 400,
  });
  expect((await rawPost(anonymous, "/admin/ban-user", { userId: "x", banReason: "x" })).status).toBe(401);
});
