// RFC 6238 TOTP (HMAC-SHA-1) written from the RFC with node:crypto, independent of better-auth's own implementation,
// so the tests compute codes the way an authenticator app does. Checked against the RFC's test vectors.
import { createHmac } from "node:crypto";

export const TOTP_STEP_SECONDS = 30;
/** How long a code of the previous step must stay acceptable for nextCode to offer it (a slow browser flow). */
const PREVIOUS_STEP_MARGIN_MS = 20_000;

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 (no padding needed), as in `otpauth://` URIs. */
export function base32Decode(input: string): Buffer {
  const clean = input.replace(/=+$/, "").replace(/\s+/g, "").toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP for one counter value. */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The time step (RFC 6238 "T") at a moment. */
export function totpStep(at = Date.now()): number {
  return Math.floor(at / 1000 / TOTP_STEP_SECONDS);
}

/** RFC 6238 TOTP at a moment. */
export function totp(key: Buffer, at = Date.now(), digits = 6): string {
  return hotp(key, totpStep(at), digits);
}

/** The base32 secret of an `otpauth://totp/...` URI. */
export function secretFromUri(uri: string): string {
  const secret = new URL(uri).searchParams.get("secret");
  if (!secret) throw new Error(`no secret in ${uri}`);
  return secret;
}

/**
 * An authenticator for one secret that never offers the same code twice: each call returns the code of a time step
 * it has not used yet that the server still accepts (the current one, the next, or the previous).
 */
export function authenticator(base32Secret: string) {
  const key = base32Decode(base32Secret);
  const used = new Set<number>();
  const stepMs = TOTP_STEP_SECONDS * 1000;
  /** Claims the first unused step of the current, the next and (while `marginMs` of this step remain) the previous. */
  const claim = (marginMs: number): string | null => {
    const now = totpStep();
    const left = stepMs - (Date.now() % stepMs);
    const step = (left >= marginMs ? [now, now + 1, now - 1] : [now, now + 1]).find((s) => !used.has(s));
    if (step === undefined) return null;
    used.add(step);
    return hotp(key, step);
  };
  return {
    key,
    /** A code for a step not handed out before; remembers the step. */
    freshCode(): string {
      const code = claim(0);
      if (code === null) throw new Error("every acceptable step has been used; wait for the next one");
      return code;
    },
    /**
     * Like freshCode, but for a code that travels through a browser before the server checks it: the previous step
     * is offered only while at least PREVIOUS_STEP_MARGIN_MS of the current one remain (it stops being accepted when
     * the current step ends), and otherwise it waits for the next time step.
     */
    async nextCode(): Promise<string> {
      for (;;) {
        const code = claim(PREVIOUS_STEP_MARGIN_MS);
        if (code !== null) return code;
        await new Promise((resolve) => setTimeout(resolve, stepMs - (Date.now() % stepMs) + 50));
      }
    },
    /** The code of the current step, without remembering it (to replay or compare). */
    currentCode: () => totp(key),
  };
}
