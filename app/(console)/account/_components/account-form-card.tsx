"use client";

import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { SubmitButton } from "@/components/auth/submit-button";
import { ActionForm, ActionFormAlert } from "@/components/forms/action-form";
import type { ActionForm as ActionFormState } from "@/components/forms/use-action-form";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";

interface AccountFormCardProps<V extends FieldValues> {
  title: string;
  description: ReactNode;
  descriptionClassName?: string;
  state: ActionFormState<V>;
  /** The form's accessible name (the account pages hold several forms). */
  label: string;
  /** Shown under the form's message, above the fields (e.g. what was just sent). */
  notice?: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  /** The fields. */
  children: ReactNode;
}

/** One settings card of the account pages: heading, the form's message, its fields and its button at the end. */
export function AccountFormCard<V extends FieldValues>({
  title,
  description,
  descriptionClassName,
  state,
  label,
  notice,
  submitLabel,
  pendingLabel,
  children,
}: AccountFormCardProps<V>) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{title}</h2>
        </CardTitle>
        <CardDescription className={descriptionClassName}>{description}</CardDescription>
      </CardHeader>
      <ActionForm state={state} alert="none" className="" aria-label={label}>
        <CardContent className="grid gap-4">
          <ActionFormAlert state={state} />
          {notice}
          {children}
        </CardContent>
        <CardFooter className="mt-6 justify-end">
          <SubmitButton pending={state.pending} pendingLabel={pendingLabel} className="">
            {submitLabel}
          </SubmitButton>
        </CardFooter>
      </ActionForm>
    </Card>
  );
}
