import { createOTP } from "@better-auth/utils/otp";
import { describe, expect, it } from "vitest";
import { base32Decode, hotp, totp } from "./totp";

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
