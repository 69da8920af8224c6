import { describe, expect, it } from "vitest";
import { formatExact, formatInZone, formatRelativeTo } from "./time-format";
import { validTimeZone } from "./time-zone";

describe("<Time>'s words", () => {
  const at = new Date("2026-03-12T14:05:09Z");

  it("writes relative times in words", () => {
    const now = at.getTime();
    expect(formatRelativeTo(new Date("2026-03-12T14:04:40Z"), now)).toBe("just now");
    expect(formatRelativeTo(new Date("2026-03-12T14:00:00Z"), now)).toBe("5 minutes ago");
    expect(formatRelativeTo(new Date("2026-03-11T14:05:09Z"), now)).toBe("yesterday");
    expect(formatRelativeTo(new Date("2026-04-09T14:05:09Z"), now)).toBe("in 4 weeks");
  });

  it("gives the exact time in UTC and, elsewhere, in the local zone too", () => {
    expect(formatExact(at, "UTC")).toEqual({ utc: "12 Mar 2026, 14:05:09 UTC", local: null });
    expect(formatExact(at, "America/New_York")).toEqual({
      utc: "12 Mar 2026, 14:05:09 UTC",
      local: "12 Mar 2026, 10:05:09 America/New York",
    });
  });

  it("writes dates in the zone it is given, so server and browser agree", () => {
    expect(formatInZone(at, "Asia/Tokyo")).toBe("12 Mar 2026, 23:05");
    expect(formatInZone(new Date("2026-03-12T23:30:00Z"), "Asia/Tokyo", true)).toBe("13 Mar 2026");
  });

  it("takes only zones Intl knows from the cookie", () => {
    expect(validTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(validTimeZone("Mars/Olympus")).toBe("UTC");
    expect(validTimeZone("")).toBe("UTC");
    expect(validTimeZone(undefined)).toBe("UTC");
    expect(validTimeZone("x".repeat(100))).toBe("UTC");
  });
});
