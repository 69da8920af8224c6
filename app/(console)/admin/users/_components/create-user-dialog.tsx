"use client";

import { UserPlusIcon } from "lucide-react";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";

// The form (react-hook-form + zod, ~40 KiB gzip) loads when the dialog opens, not with the users page.
const CreateUserFormDialog = lazyDialog(() => import("./create-user-form").then((module) => module.CreateUserForm));

/** "Create user" button and its dialog (operators only: the page renders it for them alone). */
export function CreateUserDialog() {
  return (
    <CreateUserFormDialog
      title="Create user"
      description="The account exists at once; no organization membership is created."
      trigger={
        <Button>
          <UserPlusIcon aria-hidden /> Create user
        </Button>
      }
    />
  );
}
