import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { restorePlatformGlobals } from "./platform-globals";

describe("restorePlatformGlobals", () => {
  it("is only right while cacheComponents is off: Next's wrappers then do nothing", () => {
    // With cacheComponents on, the wrappers are how Next notices a prerender reading the clock: they must stay.
    expect(readFileSync("next.config.ts", "utf8")).not.toMatch(/\b(cacheComponents|dynamicIO|ppr)\b/);
  });

  it("puts back the clock and the random functions a wrapper replaced, and keeps Dates what they were", () => {
    const OriginalDate = Date;
    const randomUUID = crypto.randomUUID;
    const random = Math.random;
    // The shape of Next's extensions (next/dist/server/node-environment-extensions).
    const Wrapped = Object.defineProperties(function wrappedDate(this: unknown, ...args: unknown[]) {
      return Reflect.construct(OriginalDate, args, new.target ?? OriginalDate);
    }, Object.getOwnPropertyDescriptors(OriginalDate)) as unknown as DateConstructor;
    Object.defineProperty(OriginalDate.prototype, "constructor", {
      value: Wrapped,
      configurable: true,
      writable: true,
    });
    globalThis.Date = Wrapped;
    crypto.randomUUID = () => randomUUID.call(crypto) as `${string}-${string}-${string}-${string}-${string}`;
    Math.random = () => random();
    const before = new Date(0);

    restorePlatformGlobals();

    expect(Date).toBe(OriginalDate);
    expect(new Date(0).constructor).toBe(OriginalDate);
    expect(before).toBeInstanceOf(Date);
    expect(crypto.randomUUID).toBe(randomUUID);
    expect(Math.random).toBe(random);
  });
});
