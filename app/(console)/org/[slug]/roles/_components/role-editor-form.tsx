"use client";

import { useRouter } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { IdentifierField } from "@/components/org/identifier-field";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import type { CustomRole } from "@/db/queries/roles";
import type { PermissionSet } from "@/lib/auth/permission-matrix";
import { createRole, updateRolePermissions } from "@/lib/organization/writes";
import { roleNameSchema } from "@/lib/validations/organization";
import { PermissionMatrix } from "./permission-matrix";

const permission = z.record(z.string(), z.array(z.string()));
// A new role is named once; an existing one keeps its name (members hold it by name).
const newRoleSchema = z.object({ name: roleNameSchema, permission });
const existingRoleSchema = z.object({ name: z.string(), permission });
type RoleValues = z.infer<typeof newRoleSchema>;

export interface RoleEditorFormProps {
  organizationId: string;
  /** The role to edit; null for a new one. */
  customRole: CustomRole | null;
  held: PermissionSet;
}

/** A custom role's name (new roles only) and its permission matrix, saved through better-auth. Loaded when its dialog opens. */
export function RoleEditorForm({
  organizationId,
  customRole: role,
  held,
  close,
}: RoleEditorFormProps & DialogFormProps) {
  const router = useRouter();
  const state = useActionForm<RoleValues>({
    schema: role ? existingRoleSchema : newRoleSchema,
    defaultValues: { name: role?.name ?? "", permission: role?.permission ?? {} },
    action: (values) =>
      role
        ? updateRolePermissions(organizationId, role, values.permission)
        : createRole(organizationId, values.name, values.permission),
    onSuccess: () => {
      close();
      router.refresh();
    },
  });

  return (
    <ActionForm state={state}>
      {role ? null : (
        <IdentifierField
          control={state.form.control}
          name="name"
          label="Role name"
          description="Lowercase letters, digits and dashes, e.g. recruiter."
          onInput={(value) => value.toLowerCase()}
        />
      )}
      <FormField
        control={state.form.control}
        name="permission"
        render={({ field }) => (
          <PermissionMatrix
            value={field.value}
            onChange={field.onChange}
            held={held}
            caption="Permissions of this role"
          />
        )}
      />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} {role ? "Save role" : "Create role"}
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
