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
    "http:evil.example",
    "/\nevil.example",
    "/ \\evil.example",
    "",
  ])("refuses %j", (value) => {
    expect(safeNext(value)).toBe("/");
  });

  it("keeps encoded slashes encoded, so they stay a path on this site", () => {
    expect(safeNext("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeNext("/%5Cevil.example")).toBe("/%5Cevil.example");
    expect(new URL(safeNext("/%2F%2Fevil.example"), "https://console.test").host).toBe("console.test");
  });

  it("uses the fallback for missing values", () => {
    expect(safeNext(null, "/home")).toBe("/home");
    expect(safeNext(undefined)).toBe("/");
  });
});
