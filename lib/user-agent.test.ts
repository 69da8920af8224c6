import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./user-agent";

describe("describeUserAgent", () => {
  it("names browser and OS of a desktop browser", () => {
    const ua = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    expect(describeUserAgent(ua)).toEqual({
      browser: "Firefox 140",
      os: "Linux",
      kind: "desktop",
      label: "Firefox 140 on Linux",
    });
  });

  it("recognises a phone", () => {
    const ua =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const described = describeUserAgent(ua);
    expect(described.kind).toBe("mobile");
    expect(described.label).toBe("Mobile Safari 17 on iOS 17.5");
  });

  it("says so when there is nothing to go on", () => {
    expect(describeUserAgent(null).label).toBe("Unknown browser");
    expect(describeUserAgent("curl/8.5.0").label).toMatch(/curl|Unknown/);
  });
});
