// The planned read of a page load must be the read the page then asks for (same key), or nothing: a wrong plan only
// costs a D1 call, but a plan that throws would fail the request.
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/server", () => ({ planPageReads: () => {} }));
const { planConsolePageRead } = await import("./page-reads");
const { usersPageRead } = await import("@/db/queries/users");
const { membersPageRead } = await import("@/db/queries/members");
const { securityOverviewRead } = await import("@/db/queries/account-security");
const { usersSearchParams } = await import("./admin/users/search-params");
const { membersSearchParams } = await import("./org/[slug]/members/search-params");
const { BUILT_IN_ORG_ROLES } = await import("@/lib/auth/permissions");

const user = { id: "u1", email: "ada@example.test", emailVerified: true, role: "user" };
const operator = { ...user, role: "admin" };
const plan = (path: string, who = user) =>
  planConsolePageRead(new URL(path, "http://gatehouse.invalid"), { user: who });

describe("planConsolePageRead", () => {
  it("plans what the page asks for, parsed from the same search parameters", () => {
    expect(plan("/account/security")?.key).toBe(securityOverviewRead("u1").key);
    expect(plan("/admin/users?search=ada+l&sort=name.asc&role=admin", operator)?.key).toBe(
      usersPageRead(usersSearchParams.parse({ search: "ada l", sort: "name.asc", role: "admin" })).key,
    );
    const roles = [...BUILT_IN_ORG_ROLES, "auditor"]; // the page's parse knows the organization's custom roles
    expect(plan("/org/acme/members?page=2&role=owner")?.key).toBe(
      membersPageRead(
        { slug: "acme", userId: "u1", id: "org-id" },
        membersSearchParams(roles).parse({ page: "2", role: "owner" }),
      ).key,
    );
  });

  it("plans no staff read for anyone else, and nothing for pages it does not know or paths it cannot decode", () => {
    expect(plan("/admin/users", user)).toBeNull();
    expect(plan("/admin/audit", operator)).toBeNull();
    expect(plan("/org/acme/teams")).toBeNull();
    expect(plan("/org/%E0%A4%A/members")).toBeNull();
    expect(plan("/", { ...user, emailVerified: false })).toBeNull();
  });
});
