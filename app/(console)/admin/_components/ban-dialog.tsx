"use client";

import { type LazyDialogProps, lazyDialog } from "@/components/forms/lazy-dialog";
import type { BanFormProps } from "./ban-form";

// The form (react-hook-form + zod, ~40 KiB gzip) loads when a ban is asked for, not with the page.
const BanFormDialog = lazyDialog(() => import("./ban-form").then((module) => module.BanForm));

/** "Ban Ada Lovelace" or "Ban 3 users": the reason and length of a ban, which ends the banned users' sessions. */
export function BanDialog(props: Omit<LazyDialogProps, "description"> & BanFormProps) {
  return (
    <BanFormDialog
      {...props}
      description="Banned users are signed out everywhere at once and cannot sign in until the ban ends or is lifted."
    />
  );
}
