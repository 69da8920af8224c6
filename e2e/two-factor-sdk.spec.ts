// The replay and single-use rules of second factors, against the HTTP API with better-auth's own client SDK
// (POST /api/auth/two-factor/verify-totp and verify-backup-code), with no console screens involved.
import { authenticator, secretFromUri } from "../test/totp";
import { createVerifiedUser, otherIp, type TestUser } from "./account";
import { BASE_URL } from "./config";
import { expect, test } from "./fixtures";
import { createSdkClient } from "./sdk-client";

/** A new SDK client (own cookie jar and client address) stopped at the second-factor challenge. */
async function challenged(user: TestUser, ip: string) {
  const sdk = createSdkClient({ baseURL: BASE_URL, clientIp: ip });
  const signIn = await sdk.client.signIn.email({ email: user.email, password: user.password });
  expect(signIn.error).toBeNull();
  expect(signIn.data).toMatchObject({ twoFactorRedirect: true });
  expect((await sdk.client.getSession()).data).toBeNull();
  return sdk;
}

test("TOTP over HTTP: a code accepted once is refused again, by enrolment, sign-in or concurrent use", async ({
  clientIp,
}) => {
  const user = await createVerifiedUser(clientIp, "sdk-totp");
  const owner = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 31) });
  expect((await owner.client.signIn.email({ email: user.email, password: user.password })).error).toBeNull();
  const enabled = await owner.client.twoFactor.enable({ password: user.password });
  if (!enabled.data || !("totpURI" in enabled.data)) throw new Error(`enable failed: ${enabled.error?.message}`);
  const app = authenticator(secretFromUri(enabled.data.totpURI));
  const enrolmentCode = await app.nextCode();
  expect((await owner.client.twoFactor.verifyTotp({ code: enrolmentCode })).error).toBeNull();

  // The code that confirmed enrolment cannot sign in.
  const first = await challenged(user, otherIp(clientIp, 32));
  const replayed = await first.client.twoFactor.verifyTotp({ code: enrolmentCode });
  expect(replayed.error?.status).toBe(401);
  expect(replayed.error?.code).toBe("TOTP_CODE_ALREADY_USED");

  // A wrong code is refused as wrong; a fresh one signs in; the same one on the next challenge is refused.
  const code = await app.nextCode();
  const wrong = await first.client.twoFactor.verifyTotp({ code: code === "000000" ? "111111" : "000000" });
  expect(wrong.error?.code).toBe("INVALID_CODE");
  expect((await first.client.twoFactor.verifyTotp({ code })).error).toBeNull();
  expect((await first.client.getSession()).data?.user.email).toBe(user.email);
  const second = await challenged(user, otherIp(clientIp, 33));
  expect((await second.client.twoFactor.verifyTotp({ code })).error?.code).toBe("TOTP_CODE_ALREADY_USED");
  expect((await second.client.getSession()).data).toBeNull();

  // Four challenges, one fresh code submitted by all at once: exactly one session.
  const racers = await Promise.all([41, 42, 43, 44].map((n) => challenged(user, otherIp(clientIp, n))));
  const shared = await app.nextCode();
  const results = await Promise.all(racers.map((r) => r.client.twoFactor.verifyTotp({ code: shared })));
  // Sorted codes, so a failure shows what each racer got (null: signed in).
  expect(results.map((r) => r.error?.code ?? null).sort()).toEqual([
    "TOTP_CODE_ALREADY_USED",
    "TOTP_CODE_ALREADY_USED",
    "TOTP_CODE_ALREADY_USED",
    null,
  ]);
  const sessions = await Promise.all(racers.map(async (r) => (await r.client.getSession()).data !== null));
  expect(sessions.filter(Boolean)).toHaveLength(1);
});

test("backup codes over HTTP: single-use, even when submitted concurrently", async ({ clientIp }) => {
  const user = await createVerifiedUser(clientIp, "sdk-backup");
  const owner = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 51) });
  expect((await owner.client.signIn.email({ email: user.email, password: user.password })).error).toBeNull();
  const enabled = await owner.client.twoFactor.enable({ password: user.password });
  if (!enabled.data || !("totpURI" in enabled.data)) throw new Error(`enable failed: ${enabled.error?.message}`);
  const app = authenticator(secretFromUri(enabled.data.totpURI));
  expect((await owner.client.twoFactor.verifyTotp({ code: await app.nextCode() })).error).toBeNull();
  const [code, spare] = enabled.data.backupCodes;

  const racers = await Promise.all([61, 62, 63, 64, 65].map((n) => challenged(user, otherIp(clientIp, n))));
  const results = await Promise.all(racers.map((r) => r.client.twoFactor.verifyBackupCode({ code: code as string })));
  expect(results.filter((r) => r.error === null)).toHaveLength(1);
  for (const refused of results.filter((r) => r.error !== null)) {
    expect(refused.error?.code).toBe("BACKUP_CODE_ALREADY_USED");
  }

  const later = await challenged(user, otherIp(clientIp, 66));
  expect((await later.client.twoFactor.verifyBackupCode({ code: code as string })).error?.code).toBe(
    "BACKUP_CODE_ALREADY_USED",
  );
  expect((await later.client.twoFactor.verifyBackupCode({ code: spare as string })).error).toBeNull();
  expect((await later.client.getSession()).data?.user.email).toBe(user.email);
});
