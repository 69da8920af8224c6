import { describe, expect, it } from "vitest";
import { breadcrumbTrail } from "./breadcrumb-trail";
import { adminPages } from "./nav-model";
import { orgPages } from "./org-pages";

const labels = (segments: string[], names = {}) => breadcrumbTrail(segments, names).map((crumb) => crumb.label);

describe("breadcrumbTrail", () => {
  it("names admin pages from the navigation and the user by name, the current page unlinked", () => {
    expect(breadcrumbTrail(["admin", "users", "u1"], { user: "Ada Lovelace" })).toEqual([
      { label: "Admin", href: "/admin" },
      { label: "Users", href: "/admin/users" },
      { label: "Ada Lovelace", href: null },
    ]);
    expect(labels(["admin", "audit"])).toEqual(["Admin", "Platform audit trail"]);
    expect(labels(["admin"])).toEqual(["Admin"]);
  });

  it("starts an organization's pages at its name, and names its team", () => {
    expect(breadcrumbTrail(["org", "acme", "teams", "t1"], { organization: "Acme", team: "Core" })).toEqual([
      { label: "Acme", href: "/org/acme" },
      { label: "Teams", href: "/org/acme/teams" },
      { label: "Core", href: null },
    ]);
    expect(labels(["org", "acme", "api-keys"], { organization: "Acme" })).toEqual(["Acme", "API keys"]);
  });

  it("says what an id is when its name is not the viewer's to see", () => {
    expect(labels(["admin", "users", "u1"])).toEqual(["Admin", "Users", "User"]);
    expect(labels(["org", "acme", "teams", "t1"])).toEqual(["acme", "Teams", "Team"]);
    expect(labels(["org", "acme", "webhooks", "e1"], { organization: "Acme" })).toEqual([
      "Acme",
      "Webhooks",
      "Endpoint",
    ]);
  });

  it("has Account as a level that is no page, and Home for the console home", () => {
    expect(breadcrumbTrail(["account", "security"])).toEqual([
      { label: "Account", href: null },
      { label: "Security", href: null },
    ]);
    expect(breadcrumbTrail([])).toEqual([{ label: "Home", href: null }]);
  });

  it("shows a path it does not know as typed, and encodes what it links", () => {
    expect(labels(["nope"])).toEqual(["nope"]);
    expect(breadcrumbTrail(["org", "a b", "members"])[0]).toEqual({ label: "a b", href: "/org/a%20b" });
  });
});

describe("the navigation's pages", () => {
  it("lists no admin page for anyone but staff, and webhooks for operators only", () => {
    expect(adminPages({ staff: false, operator: false })).toEqual([]);
    expect(adminPages({ staff: true }).map((page) => page.href)).not.toContain("/admin/webhooks");
    expect(adminPages({ staff: true, operator: true }).map((page) => page.href)).toContain("/admin/webhooks");
  });

  it("lists an organization's management pages only with their capability", () => {
    const none = { invitations: false, roles: false, settings: false, security: false, domains: false };
    const can = { ...none, audit: false, webhooks: false, apiKeys: false } as Parameters<typeof orgPages>[0]["can"];
    expect(orgPages({ slug: "acme", can }).map((page) => page.label)).toEqual(["Overview", "Members", "Teams"]);
    expect(orgPages({ slug: "acme", can: { ...can, invitations: true } }).map((page) => page.label)).toContain(
      "Invitations",
    );
  });
});
