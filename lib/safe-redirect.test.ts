import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-redirect";

describe("safeNext", () => {
  it("keeps same-origin relative paths with their query and hash", () => {
    expect(safeNext("/account/profile")).toBe("/account/profile");
    expect(safeNext("/org/acme/members?search=ann#top")).toBe("/org/acme/members?search=ann#top");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\tevil",
    "evil.example",
    "",
  ])("refuses %j", (value) => {
    expect(safeNext(value)).toBe("/");
  });

  it("uses the fallback for missing values", () => {
    expect(safeNext(null, "/home")).toBe("/home");
    expect(safeNext(undefined)).toBe("/");
  });
});
