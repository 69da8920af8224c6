"use client";

import { lazy, Suspense, useEffect } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { CustomRole } from "@/db/queries/roles";
import { preloadAuthClient } from "@/lib/auth/load-client";
import type { PermissionSet } from "@/lib/auth/permission-matrix";

// The editor (the permission matrix, zod's role-name check) loads when the dialog opens, not with the roles page.
const RoleEditorForm = lazy(() => import("./role-editor-form").then((module) => ({ default: module.RoleEditorForm })));

interface RoleEditorDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  organizationId: string;
  /** null = a new role. */
  role: CustomRole | null;
  held: PermissionSet;
}

/** The dialog around a custom role's editor. */
export function RoleEditorDialog({ open, onOpenChange, organizationId, role, held }: RoleEditorDialogProps) {
  useEffect(() => {
    if (open) preloadAuthClient();
  }, [open]);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{role ? `Edit role ${role.name}` : "New role"}</DialogTitle>
          <DialogDescription>Members with this role get exactly the permissions ticked below.</DialogDescription>
        </DialogHeader>
        <Suspense fallback={<Spinner className="mx-auto" />}>
          <RoleEditorForm onOpenChange={onOpenChange} organizationId={organizationId} role={role} held={held} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
