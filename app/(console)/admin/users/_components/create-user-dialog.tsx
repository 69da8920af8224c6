"use client";

import { UserPlusIcon } from "lucide-react";
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

// The form (react-hook-form + zod, ~40 KiB gzip) loads when the dialog opens, not with the users page.
const CreateUserForm = lazy(() => import("./create-user-form").then((module) => ({ default: module.CreateUserForm })));

/** "Create user" button and its dialog (operators only: the page renders it for them alone). */
export function CreateUserDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlusIcon aria-hidden /> Create user
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create user</DialogTitle>
          <DialogDescription>The account exists at once; no organization membership is created.</DialogDescription>
        </DialogHeader>
        <Suspense fallback={<Spinner className="mx-auto" />}>
          <CreateUserForm onDone={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
