"use client";

import { lazy, Suspense, useEffect } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { preloadAuthClient } from "@/lib/auth/load-client";

// The form (react-hook-form + zod) loads when the dialog opens, not with the teams pages.
const TeamNameForm = lazy(() => import("./team-name-form").then((module) => ({ default: module.TeamNameForm })));

interface TeamNameDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  submitLabel: string;
  defaultName?: string;
  /** Resolves to an error message, or null when saved (the dialog then closes). */
  onSave: (name: string) => Promise<string | null>;
}

/** The dialog around a team's name form (create and rename). */
export function TeamNameDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  defaultName,
  onSave,
}: TeamNameDialogProps) {
  useEffect(() => {
    if (open) preloadAuthClient();
  }, [open]);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <Suspense fallback={<Spinner className="mx-auto" />}>
          <TeamNameForm
            submitLabel={submitLabel}
            defaultName={defaultName}
            onSave={onSave}
            onCancel={() => onOpenChange(false)}
            onSaved={() => onOpenChange(false)}
          />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
