import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelative } from "./format";

describe("date formatting", () => {
  it("writes absolute times in UTC", () => {
    expect(formatDateTime(new Date("2026-03-12T14:05:09Z"))).toBe("12 Mar 2026, 14:05 UTC");
  });

  it("writes relative times in words", () => {
    const now = new Date("2026-03-12T14:05:00Z");
    expect(formatRelative(new Date("2026-03-12T14:04:30Z"), now)).toBe("just now");
    expect(formatRelative(new Date("2026-03-12T14:00:00Z"), now)).toBe("5 minutes ago");
    expect(formatRelative(new Date("2026-03-11T14:05:00Z"), now)).toBe("yesterday");
    expect(formatRelative(new Date("2026-04-09T14:05:00Z"), now)).toBe("in 4 weeks");
  });
});
