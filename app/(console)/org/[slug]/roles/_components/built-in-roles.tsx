"use client";

import { PermissionMatrix } from "./permission-matrix";

interface BuiltInRolesProps {
  roles: ReadonlyArray<{ name: string; permission: Record<string, readonly string[]> }>;
}

/** What owner, admin and member may do (fixed). */
export function BuiltInRoles({ roles }: BuiltInRolesProps) {
  return (
    <section aria-labelledby="built-in-heading" className="grid gap-3">
      <h2 id="built-in-heading" className="font-medium text-lg">
        Built-in roles
      </h2>
      <div className="grid gap-6 lg:grid-cols-3">
        {roles.map((role) => (
          <div key={role.name} className="grid gap-2">
            <h3 className="font-medium capitalize">{role.name}</h3>
            <PermissionMatrix
              value={Object.fromEntries(Object.entries(role.permission).map(([r, a]) => [r, [...a]]))}
              readOnly
              caption={`Permissions of the ${role.name} role`}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
