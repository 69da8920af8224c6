// Password hashing for better-auth (`emailAndPassword.password` in create-auth.ts): scrypt from node:crypto (native in
// workerd and Node), at libsodium's "interactive" cost, in a self-describing PHC-style string so the cost can be
// raised later without breaking stored hashes. Hashes made before this (better-auth's own `salt:key` format, N=2^14,
// r=16) still verify, through better-auth's own verifier.
//
// Why N=2^14, r=8, p=1 (16 MiB, 64-byte key): better-auth's default (r=16) measured 76–90 ms of CPU per verification in
// workerd on the bench machine, over the 50 ms budget of issue 6, and Workers bills and limits CPU per request. These
// are the parameters of libsodium's crypto_pwhash_scryptsalsa208sha256 INTERACTIVE preset (16 MiB) and of scrypt's
// paper for interactive logins, half the work of better-auth's default. OWASP's current minimum (N=2^17, r=8, or
// N=2^15/r=8/p=3 …) costs 4–8× more CPU, about half a second here: not affordable per sign-in on Workers. Guessing
// stays throttled by the sign-in rate limit (10 per minute per address, create-auth.ts), and `ln` in the stored string
// lets a later version raise the cost.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { verifyPassword as verifyBetterAuthPassword } from "better-auth/crypto";

/** The cost of new hashes: scrypt with N = 2^ln. */
export const SCRYPT_PARAMS = { ln: 14, r: 8, p: 1, keyLength: 64, saltLength: 16 } as const;

const PREFIX = "$scrypt$";
// A stored string is data: refuse parameters that would cost a request seconds of CPU or gigabytes of memory.
const LIMITS = { ln: 20, r: 32, p: 16, keyLength: 128 };

function derive(password: string, salt: Buffer, params: { ln: number; r: number; p: number; keyLength: number }) {
  const N = 2 ** params.ln;
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      params.keyLength,
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r * params.p },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** A new hash: `$scrypt$ln=14,r=8,p=1$<salt>$<key>` (salt and key base64, no padding). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT_PARAMS.saltLength);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  const { ln, r, p } = SCRYPT_PARAMS;
  return `${PREFIX}ln=${ln},r=${r},p=${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Parses one of our hashes; null when it is not one or its parameters are out of bounds. */
export function parseHash(hash: string) {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  const params = { ln: Number(ln), r: Number(r), p: Number(p) };
  const keyBytes = Buffer.from(key as string, "base64url");
  if (params.ln < 1 || params.ln > LIMITS.ln || params.r < 1 || params.r > LIMITS.r) return null;
  if (params.p < 1 || params.p > LIMITS.p || keyBytes.length < 16 || keyBytes.length > LIMITS.keyLength) return null;
  return { ...params, keyLength: keyBytes.length, salt: Buffer.from(salt as string, "base64url"), key: keyBytes };
}

/** Whether `password` matches `hash`: ours by its own parameters, anything else as a better-auth hash. */
export async function verifyPassword({ hash, password }: { hash: string; password: string }): Promise<boolean> {
  if (!hash.startsWith(PREFIX)) return verifyBetterAuthPassword({ hash, password });
  const parsed = parseHash(hash);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return timingSafeEqual(key, parsed.key);
}
