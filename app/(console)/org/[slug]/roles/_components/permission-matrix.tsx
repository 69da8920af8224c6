"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { ORG_PERMISSION_MATRIX, type PermissionSet } from "@/lib/auth/permission-matrix";

interface PermissionMatrixProps {
  value: PermissionSet;
  onChange?: (value: PermissionSet) => void;
  /** What the viewer holds: other boxes are disabled (the server refuses them anyway). */
  held?: PermissionSet;
  /** Read-only display. */
  readOnly?: boolean;
  caption: string;
}

function has(set: PermissionSet | undefined, resource: string, action: string) {
  return set?.[resource]?.includes(action) ?? false;
}

/** Resources × actions as checkboxes. */
export function PermissionMatrix({ value, onChange, held, readOnly = false, caption }: PermissionMatrixProps) {
  const { resources, actions } = ORG_PERMISSION_MATRIX;

  function toggle(resource: string, action: string, checked: boolean) {
    const current = value[resource] ?? [];
    const next = checked ? [...new Set([...current, action])] : current.filter((a) => a !== action);
    onChange?.({ ...value, [resource]: next });
  }

  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b bg-muted/40">
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Resource
            </th>
            {actions.map((action) => (
              <th key={action} scope="col" className="px-3 py-2 text-center font-medium capitalize">
                {action}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {resources.map(({ resource, label, actions: allowed }) => (
            <tr key={resource} className="border-b last:border-b-0">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {label}
              </th>
              {actions.map((action) => (
                <td key={action} className="px-3 py-2 text-center">
                  {(allowed as readonly string[]).includes(action) ? (
                    <Checkbox
                      aria-label={`${label}: ${action}`}
                      checked={has(value, resource, action)}
                      disabled={readOnly || (held !== undefined && !has(held, resource, action))}
                      onCheckedChange={(checked) => toggle(resource, action, checked === true)}
                      title={
                        !readOnly && held !== undefined && !has(held, resource, action)
                          ? "You do not hold this permission, so you cannot grant it."
                          : undefined
                      }
                    />
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
