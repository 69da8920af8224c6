"use client";

import { Pencil, Plus, Trash2 } from "lucide-react";
import { ConfirmAction } from "@/components/confirm-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomRole } from "@/db/queries/roles";
import { describePermissions, type PermissionSet } from "@/lib/auth/permission-matrix";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { deleteRole, preloadOrganizationWrites } from "@/lib/organization/writes";
import { RoleEditorDialog } from "./role-editor-dialog";

interface CustomRolesProps {
  organizationId: string;
  roles: CustomRole[];
  held: PermissionSet;
  can: { create: boolean; update: boolean; delete: boolean };
}

const EDITOR_DESCRIPTION = "Members with this role get exactly the permissions ticked below.";

/** The organization's custom roles: create, edit permissions, delete (only once nobody holds the role). */
export function CustomRoles({ organizationId, roles, held, can }: CustomRolesProps) {
  const hydrated = useHydrated();

  return (
    <section aria-labelledby="custom-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="custom-heading" className="font-medium text-lg">
          Custom roles
        </h2>
        {can.create ? (
          <RoleEditorDialog
            title="New role"
            description={EDITOR_DESCRIPTION}
            className="sm:max-w-2xl"
            trigger={
              <Button type="button" disabled={!hydrated}>
                <Plus aria-hidden /> New role
              </Button>
            }
            organizationId={organizationId}
            customRole={null}
            held={held}
          />
        ) : null}
      </div>
      {roles.length === 0 ? (
        <div className="rounded-lg border border-dashed p-8 text-center text-muted-foreground">
          <p>No custom roles yet.</p>
          <p className="text-sm">A custom role grants exactly the permissions you tick in its matrix.</p>
        </div>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {roles.map((role) => (
            <li key={role.id}>
              <Card data-testid={`role-${role.name}`}>
                <CardHeader>
                  <CardTitle className="flex items-center gap-2">
                    {role.name}
                    <Badge variant="secondary">{role.members === 1 ? "1 member" : `${role.members} members`}</Badge>
                  </CardTitle>
                  <CardDescription>{describePermissions(role.permission)}</CardDescription>
                  <CardAction className="flex gap-1">
                    {can.update ? (
                      <RoleEditorDialog
                        // Saved permissions come back with the refresh: a fresh dialog shows them, not the old ones.
                        key={JSON.stringify(role.permission)}
                        title={`Edit role ${role.name}`}
                        description={EDITOR_DESCRIPTION}
                        className="sm:max-w-2xl"
                        trigger={
                          <Button type="button" variant="ghost" size="icon" aria-label={`Edit role ${role.name}`}>
                            <Pencil aria-hidden />
                          </Button>
                        }
                        organizationId={organizationId}
                        customRole={role}
                        held={held}
                      />
                    ) : null}
                    {can.delete ? (
                      <ConfirmAction
                        title={`Delete role ${role.name}?`}
                        description={
                          role.members > 0
                            ? `${role.members === 1 ? "1 member holds" : `${role.members} members hold`} this role. Give them another role on the Members page first.`
                            : "Nobody holds this role; deleting it changes no one's access."
                        }
                        confirmLabel="Delete role"
                        destructive
                        action={() => deleteRole(organizationId, role)}
                        onOpenChange={(open) => open && preloadOrganizationWrites()}
                        triggerLabel={`Delete role ${role.name}`}
                        variant="ghost"
                        size="icon"
                      >
                        <Trash2 aria-hidden />
                      </ConfirmAction>
                    ) : null}
                  </CardAction>
                </CardHeader>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
