"use client";

import { useId, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { impersonateUserAction } from "@/lib/actions/users/impersonate-user";
import { IMPERSONATION_REASON_MIN } from "@/lib/auth/operator-rules";
import { type ImpersonateUser, impersonateUserSchema } from "@/lib/validations/users";
import { ReasonField } from "../../../_components/operator-fields";

/** A page the impersonation can open at: a path of the console. */
export interface StartPage {
  path: string;
  label: string;
}

const ACCOUNT_PAGES: StartPage[] = [
  { path: "/", label: "Home" },
  { path: "/account/profile", label: "Their profile" },
  { path: "/account/security", label: "Their security settings" },
  { path: "/account/sessions", label: "Their sessions" },
];

/**
 * The reason and where to start, then the impersonation itself (loaded with the dialog: react-hook-form and zod stay
 * off the page). The start page is only where the browser goes next: it grants nothing.
 */
export function ImpersonateForm({
  userId,
  startPages = [],
  close,
}: { userId: string; startPages?: StartPage[] } & DialogFormProps) {
  const startId = useId();
  const pages = [...ACCOUNT_PAGES, ...startPages];
  const [startAt, setStartAt] = useState("/");
  const state = useActionForm<ImpersonateUser>({
    schema: impersonateUserSchema,
    defaultValues: { userId, reason: "" },
    action: impersonateUserAction,
    // The console opens as the user at once: a full load, so every server component renders for their session.
    toast: false,
    onSuccess: () => window.location.assign(pages.some((page) => page.path === startAt) ? startAt : "/"),
  });

  return (
    <ActionForm state={state}>
      <ReasonField
        control={state.form.control}
        name="reason"
        placeholder="Ticket number and what you need to check"
        description={`At least ${IMPERSONATION_REASON_MIN} characters.`}
      />
      <div className="grid gap-2">
        <Label htmlFor={startId}>Start at</Label>
        <NativeSelect id={startId} value={startAt} onChange={(event) => setStartAt(event.target.value)}>
          {pages.map((page) => (
            <NativeSelectOption key={page.path} value={page.path}>
              {page.label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Start impersonating
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
