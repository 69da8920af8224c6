"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { RoleField } from "@/components/forms/role-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { MemberWithTeams } from "@/db/queries/members";
import { parseRoleList } from "@/lib/auth/roles";
import { updateMemberRole } from "@/lib/organization/writes";

const schema = z.object({ role: z.string().min(1, "Choose a role.") });

export interface ChangeRoleFormProps {
  member: MemberWithTeams;
  roles: readonly string[];
  organizationId: string;
}

/** Picks a new role (built-in or custom) for a member through better-auth, which checks who may grant what. */
export function ChangeRoleForm({ member, roles, organizationId, close }: ChangeRoleFormProps & DialogFormProps) {
  const router = useRouter();
  const current = parseRoleList(member.role)[0] ?? "member";
  const state = useActionForm({
    schema,
    defaultValues: { role: current },
    action: ({ role }) => updateMemberRole(organizationId, member, role),
    onSuccess: () => {
      close();
      router.refresh();
    },
  });
  const role = useWatch({ control: state.form.control, name: "role" });

  return (
    <ActionForm state={state}>
      <RoleField control={state.form.control} name="role" roles={roles} />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.pending || role === current} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Save role
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
