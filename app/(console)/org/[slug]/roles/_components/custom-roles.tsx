"use client";

import { Pencil, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/org/confirm-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomRole } from "@/db/queries/roles";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { describePermissions, type PermissionSet } from "@/lib/auth/permission-matrix";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { toast } from "@/lib/toast";
import { RoleEditorDialog } from "./role-editor-dialog";

interface CustomRolesProps {
  organizationId: string;
  roles: CustomRole[];
  held: PermissionSet;
  can: { create: boolean; update: boolean; delete: boolean };
}

/** The organization's custom roles: create, edit permissions, delete (only once nobody holds the role). */
export function CustomRoles({ organizationId, roles, held, can }: CustomRolesProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [editing, setEditing] = useState<CustomRole | "new" | null>(null);
  const [deleting, setDeleting] = useState<CustomRole | null>(null);

  async function remove() {
    const authClient = await loadAuthClient();
    if (!deleting) return null;
    const { error } = await authClient.organization.deleteRole({ roleId: deleting.id, organizationId });
    if (error) return describeAuthError(error);
    toast.success(`Role ${deleting.name} deleted`);
    router.refresh();
    return null;
  }

  return (
    <section aria-labelledby="custom-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="custom-heading" className="font-medium text-lg">
          Custom roles
        </h2>
        {can.create ? (
          <Button type="button" disabled={!hydrated} onClick={() => setEditing("new")}>
            <Plus aria-hidden /> New role
          </Button>
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
                      <Button
                        type="button"
                        variant="ghost"
                        size="icon"
                        aria-label={`Edit role ${role.name}`}
                        onClick={() => setEditing(role)}
                      >
                        <Pencil aria-hidden />
                      </Button>
                    ) : null}
                    {can.delete ? (
                      <Button
                        type="button"
                        variant="ghost"
                        size="icon"
                        aria-label={`Delete role ${role.name}`}
                        onClick={() => {
                          preloadAuthClient();
                          setDeleting(role);
                        }}
                      >
                        <Trash2 aria-hidden />
                      </Button>
                    ) : null}
                  </CardAction>
                </CardHeader>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <RoleEditorDialog
          open
          onOpenChange={(open) => {
            if (!open) setEditing(null);
          }}
          organizationId={organizationId}
          role={editing === "new" ? null : editing}
          held={held}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) setDeleting(null);
        }}
        title={`Delete role ${deleting?.name ?? ""}?`}
        description={
          deleting && deleting.members > 0
            ? `${deleting.members === 1 ? "1 member holds" : `${deleting.members} members hold`} this role. Give them another role on the Members page first.`
            : "Nobody holds this role; deleting it changes no one's access."
        }
        confirmLabel="Delete role"
        destructive
        onConfirm={remove}
      />
    </section>
  );
}
