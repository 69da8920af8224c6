import { UAParser } from "ua-parser-js";

export interface DeviceDescription {
  /** e.g. "Firefox 140", or null when the user agent says nothing recognisable. */
  browser: string | null;
  /** e.g. "macOS 14.5", "Windows 10". */
  os: string | null;
  kind: "desktop" | "mobile" | "tablet";
  /** One line for people: "Firefox 140 on Linux", "Unknown browser". */
  label: string;
}

function named(name: string | undefined, version: string | undefined) {
  if (!name) return null;
  return version ? `${name} ${version}` : name;
}

/** Browser and OS from a User-Agent header, for the session and trusted-device lists. */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  if (!userAgent) return { browser: null, os: null, kind: "desktop", label: "Unknown browser" };
  const result = UAParser(userAgent);
  const browser = named(result.browser.name, result.browser.major);
  const os = named(result.os.name, result.os.version);
  const type = result.device.type;
  const kind = type === "mobile" ? "mobile" : type === "tablet" ? "tablet" : "desktop";
  const label = browser && os ? `${browser} on ${os}` : (browser ?? os ?? "Unknown browser");
  return { browser, os, kind, label };
}
