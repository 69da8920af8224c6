"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { UserDetail } from "@/db/queries/users";
import { banUserAction } from "@/lib/actions/users/ban-user";
import type { StaffFlags } from "@/lib/auth/flags";
import { BanDialog } from "../../../_components/ban-dialog";
import { UnbanDialog } from "../../../_components/unban-dialog";
import { ImpersonateDialog } from "./impersonate-dialog";

export interface Viewer {
  id: string;
  /** Operator (admin) rather than support. */
  operator: boolean;
}

interface UserActionsProps {
  user: Pick<UserDetail, "id" | "name" | "email" | "role" | "banned" | "organizations">;
  /** What the viewer may do to this user, as the endpoints decide (lib/auth/flags.ts). */
  can: Pick<StaffFlags, "impersonate" | "ban" | "unban">;
}

/**
 * The page header's buttons: impersonate (staff, never an operator or oneself) and ban/unban (operators, never another
 * operator or oneself). Hidden controls are a courtesy: the server refuses the same things.
 */
export function UserActions({ user, can }: UserActionsProps) {
  const router = useRouter();

  return (
    <div className="flex flex-wrap gap-2">
      {can.impersonate && !user.banned ? (
        <ImpersonateDialog
          userId={user.id}
          userName={user.name}
          startPages={user.organizations.map((org) => ({
            path: `/org/${org.slug}`,
            label: `${org.name} (organization)`,
          }))}
        />
      ) : null}
      {can.ban && !user.banned ? (
        <BanDialog
          title={`Ban ${user.email}`}
          trigger={<Button variant="destructive">Ban user</Button>}
          action={(details) => banUserAction({ userId: user.id, ...details })}
          onSuccess={() => router.refresh()}
        />
      ) : null}
      {can.unban && user.banned ? (
        <UnbanDialog userId={user.id} email={user.email} onSuccess={() => router.refresh()} />
      ) : null}
    </div>
  );
}
