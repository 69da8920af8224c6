"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import type { CustomRole } from "@/db/queries/roles";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient } from "@/lib/auth/load-client";
import { isEmptyPermissionSet, type PermissionSet } from "@/lib/auth/permission-matrix";
import { toast } from "@/lib/toast";
import { roleNameSchema } from "@/lib/validations/organization";
import { PermissionMatrix } from "./permission-matrix";

interface RoleEditorFormProps {
  onOpenChange: (open: boolean) => void;
  organizationId: string;
  /** null = a new role. */
  role: CustomRole | null;
  held: PermissionSet;
}

/** A custom role's name (new roles only) and its permission matrix, saved through better-auth. Loaded when its dialog opens. */
export function RoleEditorForm({ onOpenChange, organizationId, role, held }: RoleEditorFormProps) {
  const router = useRouter();
  const [name, setName] = useState(role?.name ?? "");
  const [permission, setPermission] = useState<PermissionSet>(role?.permission ?? {});
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save() {
    setError(null);
    setNameError(null);
    const parsedName = role ? { success: true as const, data: role.name } : roleNameSchema.safeParse(name);
    if (!parsedName.success) {
      setNameError(parsedName.error.issues[0]?.message ?? "Enter a valid name.");
      return;
    }
    if (isEmptyPermissionSet(permission)) {
      setError("Tick at least one permission.");
      return;
    }
    const clean = Object.fromEntries(Object.entries(permission).filter(([, actions]) => actions.length > 0));
    setPending(true);
    const authClient = await loadAuthClient();
    const { error } = role
      ? await authClient.organization.updateRole({ roleId: role.id, organizationId, data: { permission: clean } })
      : await authClient.organization.createRole({ role: parsedName.data, permission: clean, organizationId });
    setPending(false);
    if (error) {
      setError(describeAuthError(error));
      return;
    }
    toast.success(role ? `Role ${role.name} saved` : `Role ${parsedName.data} created`);
    onOpenChange(false);
    router.refresh();
  }

  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {error ? <FormAlert>{error}</FormAlert> : null}
      {role ? null : (
        <div className="grid gap-2">
          <Label htmlFor="role-name">Role name</Label>
          <Input
            id="role-name"
            value={name}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={nameError ? true : undefined}
            aria-describedby="role-name-hint"
            onChange={(event) => setName(event.target.value.toLowerCase())}
          />
          <p id="role-name-hint" className={nameError ? "text-destructive text-sm" : "text-muted-foreground text-sm"}>
            {nameError ?? "Lowercase letters, digits and dashes, e.g. recruiter."}
          </p>
        </div>
      )}
      <PermissionMatrix value={permission} onChange={setPermission} held={held} caption="Permissions of this role" />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? <Spinner /> : null} {role ? "Save role" : "Create role"}
        </Button>
      </DialogFooter>
    </form>
  );
}
