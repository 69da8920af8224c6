import { describe, expect, it } from "vitest";
import { describePermissions, ORG_PERMISSION_MATRIX } from "./permission-matrix";
import { orgStatements } from "./permissions";

describe("the permission matrix", () => {
  it("shows exactly the organization's resources and actions", () => {
    const shown = Object.fromEntries(ORG_PERMISSION_MATRIX.resources.map((r) => [r.resource, [...r.actions]]));
    const statements = Object.fromEntries(Object.entries(orgStatements).map(([r, a]) => [r, [...a]]));
    expect(shown).toEqual(statements);
    const everyAction = new Set(Object.values(statements).flat());
    expect(new Set(ORG_PERMISSION_MATRIX.actions)).toEqual(everyAction);
  });

  it("describes a set in resource order", () => {
    expect(describePermissions({ team: ["create"], invitation: ["create", "cancel"] })).toBe(
      "Invitations: create, cancel · Teams: create",
    );
    expect(describePermissions({})).toBe("No permissions");
  });
});
