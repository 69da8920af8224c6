"use client";

import { VenetianMaskIcon } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

// The form (react-hook-form + zod) loads when the dialog opens, not with the user page.
const ImpersonateForm = lazy(() =>
  import("./impersonate-form").then((module) => ({ default: module.ImpersonateForm })),
);

interface ImpersonateDialogProps {
  userId: string;
  userName: string;
}

/** Asks why, then signs the operator in as this user (for at most an hour) and opens the console as them. */
export function ImpersonateDialog({ userId, userName }: ImpersonateDialogProps) {
  const [open, setOpen] = useState(false);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <VenetianMaskIcon aria-hidden /> Impersonate
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Impersonate {userName}</DialogTitle>
          <DialogDescription>
            You will see the console as they do for up to an hour. They are told by email, and the reason is recorded.
            Password, email, two-factor and account deletion stay out of reach.
          </DialogDescription>
        </DialogHeader>
        <Suspense fallback={<Spinner className="mx-auto" />}>
          <ImpersonateForm userId={userId} onCancel={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
