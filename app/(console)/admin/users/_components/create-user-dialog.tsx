"use client";

import { UserPlusIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";

// The form (react-hook-form + zod, ~40 KiB gzip) loads when the dialog opens, not with the users page.
const CreateUserForm = dynamic(() => import("./create-user-form").then((module) => module.CreateUserForm));

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
        <CreateUserForm onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
