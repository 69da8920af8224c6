"use client";

import { VenetianMaskIcon } from "lucide-react";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import type { StartPage } from "./impersonate-form";

// The form (react-hook-form + zod) loads when the dialog opens, not with the page.
const ImpersonateFormDialog = lazyDialog(() => import("./impersonate-form").then((module) => module.ImpersonateForm));

const DESCRIPTION =
  "You will see the console as they do for up to an hour. They are told by email, and the reason is recorded. Password, email, two-factor and account deletion stay out of reach.";

interface ImpersonateDialogProps {
  userId: string;
  userName: string;
  /** Pages of theirs to start at besides the account pages (their organizations). */
  startPages?: StartPage[];
  /** Opened by its owner (a row menu) instead of its own button. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/** Asks why and where to start, then signs the operator in as this user (for at most an hour) and opens that page. */
export function ImpersonateDialog({ userId, userName, startPages, open, onOpenChange }: ImpersonateDialogProps) {
  return (
    <ImpersonateFormDialog
      userId={userId}
      startPages={startPages}
      title={`Impersonate ${userName}`}
      description={DESCRIPTION}
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        open === undefined ? (
          <Button variant="outline">
            <VenetianMaskIcon aria-hidden /> Impersonate
          </Button>
        ) : undefined
      }
    />
  );
}
