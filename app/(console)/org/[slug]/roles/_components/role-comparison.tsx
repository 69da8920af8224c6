import { CheckIcon, MinusIcon } from "lucide-react";
import { ORG_PERMISSION_MATRIX, type PermissionSet } from "@/lib/auth/permission-matrix";

export interface ComparedRole {
  name: string;
  /** One sentence: what someone with the role is for. */
  description: string;
  permission: PermissionSet | Record<string, readonly string[]>;
  custom?: boolean;
}

/** What each built-in role is for, in the words of the comparison. */
export const BUILT_IN_ROLE_DESCRIPTIONS: Record<string, string> = {
  owner: "Everything, including deleting the organization and making other owners. Keep at least one.",
  admin: "Runs the organization day to day: members, invitations, teams and roles; cannot delete it.",
  member: "Sees the members and teams; changes nothing.",
};

/**
 * Every permission as a row and every role (built-in, then custom) as a column, so no action hides behind a
 * scrollbar: a wide set of custom roles scrolls inside the frame, with the permission names kept in view.
 */
export function RoleComparison({ roles }: { roles: ComparedRole[] }) {
  const rows = ORG_PERMISSION_MATRIX.resources.flatMap(({ resource, label, actions }) =>
    actions.map((action) => ({ resource, label, action })),
  );
  return (
    <section aria-labelledby="compare-heading" className="grid min-w-0 gap-3">
      <h2 id="compare-heading" className="font-medium text-lg">
        What each role can do
      </h2>
      <dl className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {roles.map((role) => (
          <div key={role.name} className="rounded-md border p-3">
            <dt className="font-medium capitalize">
              {role.name}
              {role.custom ? <span className="font-normal text-muted-foreground normal-case"> (custom)</span> : null}
            </dt>
            <dd className="text-muted-foreground">{role.description}</dd>
          </div>
        ))}
      </dl>
      {/* Focusable, so keyboard users can scroll a wide set of roles too. */}
      <div
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        role="region"
        aria-labelledby="compare-heading"
        className="min-w-0 overflow-x-auto rounded-md border outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <table className="w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">Permissions of each role</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 bg-muted px-2 py-2 text-left font-medium sm:px-3">
                Permission
              </th>
              {roles.map((role) => (
                <th
                  key={role.name}
                  scope="col"
                  className="bg-muted px-2 py-2 text-center font-medium capitalize sm:px-3"
                >
                  {role.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ resource, label, action }) => (
              <tr key={`${resource}.${action}`}>
                <th
                  scope="row"
                  className="sticky left-0 border-t bg-background px-2 py-2 text-left font-normal sm:px-3"
                >
                  {label}: <span className="capitalize">{action}</span>
                </th>
                {roles.map((role) => {
                  const granted = (role.permission[resource] ?? []).includes(action);
                  return (
                    <td key={role.name} className="border-t px-2 py-2 text-center sm:px-3">
                      {granted ? (
                        <CheckIcon className="mx-auto size-4" aria-label="Yes" role="img" />
                      ) : (
                        <MinusIcon className="mx-auto size-4 text-muted-foreground" aria-label="No" role="img" />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
