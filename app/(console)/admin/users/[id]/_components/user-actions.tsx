"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Button } from "@/components/ui/button";
import type { UserDetail } from "@/db/queries/users";
import { banUserAction } from "@/lib/actions/users/ban-user";
import { unbanUserAction } from "@/lib/actions/users/unban-user";
import { toast } from "@/lib/toast";
import { ConfirmActionButton } from "../../../_components/confirm-action-button";
import { ImpersonateDialog } from "./impersonate-dialog";

// The ban form (react-hook-form + zod) loads when a ban is asked for, not with the user page.
const BanDialog = lazy(() =>
  import("../../../_components/ban-dialog").then((module) => ({ default: module.BanDialog })),
);

export interface Viewer {
  id: string;
  /** Operator (admin) rather than support. */
  operator: boolean;
}

interface UserActionsProps {
  user: Pick<UserDetail, "id" | "name" | "email" | "role" | "banned">;
  viewer: Viewer;
}

/**
 * The page header's buttons: impersonate (staff, never an operator or oneself) and ban/unban (operators, never another
 * operator or oneself). Hidden controls are a courtesy: the server refuses the same things.
 */
export function UserActions({ user, viewer }: UserActionsProps) {
  const router = useRouter();
  const [banOpen, setBanOpen] = useState(false);
  const stepUp = useStepUp();
  const self = user.id === viewer.id;
  const canImpersonate = !self && user.role !== "admin" && !user.banned;
  const canPunish = viewer.operator && !self && user.role !== "admin";

  return (
    <div className="flex flex-wrap gap-2">
      {canImpersonate ? <ImpersonateDialog userId={user.id} userName={user.name} /> : null}
      {canPunish && !user.banned ? (
        <>
          <Button variant="destructive" onClick={() => setBanOpen(true)}>
            Ban user
          </Button>
          {banOpen ? (
            <Suspense fallback={null}>
              <BanDialog
                open
                onOpenChange={setBanOpen}
                title={`Ban ${user.email}`}
                onBan={async (details) => {
                  const result = await stepUp(() => banUserAction({ userId: user.id, ...details }));
                  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
                  toast.success(result.message);
                  router.refresh();
                  return null;
                }}
              />
            </Suspense>
          ) : null}
        </>
      ) : null}
      {canPunish && user.banned ? (
        <ConfirmActionButton
          size="default"
          title={`Unban ${user.email}?`}
          description="They can sign in again at once."
          confirmLabel="Unban"
          action={() => unbanUserAction({ userId: user.id })}
        >
          Unban user
        </ConfirmActionButton>
      ) : null}
    </div>
  );
}
