import { createOTP } from "@better-auth/utils/otp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authenticator, base32Decode, hotp, TOTP_STEP_SECONDS, totp } from "./totp";

describe("the tests' RFC 6238 implementation", () => {
  // RFC 6238 appendix B, SHA-1, 8 digits, secret "12345678901234567890".
  const key = Buffer.from("12345678901234567890", "ascii");
  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ])("at %i s gives %s", (seconds, code) => {
    expect(totp(key, seconds * 1000, 8)).toBe(code);
  });

  it("decodes base32 (RFC 4648 test vector)", () => {
    expect(base32Decode("MZXW6YTBOI").toString()).toBe("foobar");
  });

  it("agrees with better-auth's generator on a secret like the ones it issues", async () => {
    const secret = "abcdefghijklmnopqrstuvwxyz012345";
    expect(hotp(Buffer.from(secret), 123456)).toBe(await createOTP(secret).hotp(123456));
  });
});

describe("the tests' authenticator", () => {
  const secret = "JBSWY3DPEHPK3PXP";
  const key = base32Decode(secret);
  const step = 60_000_000;
  const at = (secondsIntoStep: number) => (step * TOTP_STEP_SECONDS + secondsIntoStep) * 1000;
  afterEach(() => vi.useRealTimers());

  it("offers the previous step's code only while most of the current step remains", async () => {
    vi.useFakeTimers({ now: at(2) });
    const app = authenticator(secret);
    expect([await app.nextCode(), await app.nextCode(), await app.nextCode()]).toEqual([
      hotp(key, step),
      hotp(key, step + 1),
      hotp(key, step - 1),
    ]);
  });

  it("near the end of a step waits for the next one rather than hand out a code about to expire", async () => {
    vi.useFakeTimers({ now: at(25) });
    const app = authenticator(secret);
    expect([await app.nextCode(), await app.nextCode()]).toEqual([hotp(key, step), hotp(key, step + 1)]);
    const third = app.nextCode();
    await vi.advanceTimersByTimeAsync(5_100);
    // The next step has begun: its code was handed out already, so the one after it comes next.
    expect(await third).toBe(hotp(key, step + 2));
  });
});
