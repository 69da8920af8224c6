"use client";

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
const SetPasswordForm = lazy(() =>
  import("./set-password-form").then((module) => ({ default: module.SetPasswordForm })),
);

/** Sets a new password for a user (their sessions are kept; tell them through a channel you trust). */
export function SetPasswordDialog({ userId, email }: { userId: string; email: string }) {
  const [open, setOpen] = useState(false);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">Set password</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Set a password for {email}</DialogTitle>
          <DialogDescription>Prefer asking them to use “Forgot password”: then nobody else knows it.</DialogDescription>
        </DialogHeader>
        <Suspense fallback={<Spinner className="mx-auto" />}>
          <SetPasswordForm userId={userId} onDone={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
