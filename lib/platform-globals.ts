// Next's server installs "node environment extensions" when OpenNext loads it (the first page request): it wraps
// `Date`, `Math.random`, `crypto.randomUUID`/`getRandomValues` and node:crypto's random functions so that a
// prerender under `cacheComponents` notices reading the clock or random bytes. Each wrapped call then asks two
// AsyncLocalStorages for Next's render state and, outside a `cacheComponents` prerender, does nothing else (Next's
// own comments: "never error nor alter the underlying return values"). We do not enable `cacheComponents`, so the
// wrappers only cost CPU, and they cost it everywhere in the isolate: better-auth's endpoints, which worker.ts serves
// outside Next, call them a dozen times per sign-in (about 0.4 ms of its CPU in a profile; README, "Performance").
//
// This module keeps the platform's own functions from before Next loads (worker.ts imports it at start-up; OpenNext
// imports Next on the first request) and puts them back after each request Next served. A function nobody replaced is
// left alone; nothing else is touched. lib/platform-globals.test.ts checks that `cacheComponents` stays off.
import nodeCrypto from "node:crypto";

type Slot = { owner: object; key: string; original: unknown };

const NODE_RANDOM = [
  "randomUUID",
  "randomBytes",
  "randomFillSync",
  "randomInt",
  "generatePrimeSync",
  "generateKeyPairSync",
  "generateKeySync",
] as const;

const PristineDate = Date;

const slots: Slot[] = [
  { owner: Math, key: "random", original: Math.random },
  { owner: crypto, key: "randomUUID", original: crypto.randomUUID },
  { owner: crypto, key: "getRandomValues", original: crypto.getRandomValues },
  ...NODE_RANDOM.filter((key) => typeof nodeCrypto[key] === "function").map((key) => ({
    owner: nodeCrypto as object,
    key,
    original: nodeCrypto[key] as unknown,
  })),
];

/** Puts back what Next's environment extensions replaced (a few identity checks when nothing was). */
export function restorePlatformGlobals() {
  if (globalThis.Date !== PristineDate) {
    globalThis.Date = PristineDate;
    Object.defineProperty(PristineDate.prototype, "constructor", {
      value: PristineDate,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  for (const { owner, key, original } of slots) {
    const record = owner as Record<string, unknown>;
    if (record[key] !== original) record[key] = original;
  }
}
