"use client";

import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { ActionForm, ActionFormAlert } from "@/components/forms/action-form";
import type { ActionForm as ActionFormState } from "@/components/forms/use-action-form";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { cn } from "@/lib/utils";

interface AuthFormCardProps<V extends FieldValues> {
  title: string;
  description?: ReactNode;
  state: ActionFormState<V>;
  /** What stands above the fields instead of the form's message (a form that words or links its messages itself). */
  notice?: ReactNode;
  /** The fields. */
  children: ReactNode;
  /** The submit button and the links under it. */
  footer: ReactNode;
  footerClassName?: string;
  /** When a field gets focus (e.g. start loading what the submit needs). */
  onFocus?: () => void;
}

/** The card of a sign-in, sign-up or password page: its heading, then the form's message, fields and buttons. */
export function AuthFormCard<V extends FieldValues>({
  title,
  description,
  state,
  notice,
  children,
  footer,
  footerClassName,
  onFocus,
}: AuthFormCardProps<V>) {
  return (
    <Card>
      <AuthCardHeader title={title} description={description} />
      <ActionForm state={state} alert="none" className="">
        <CardContent className="grid gap-4" onFocus={onFocus}>
          {notice === undefined ? <ActionFormAlert state={state} /> : notice}
          {children}
        </CardContent>
        <CardFooter className={cn("mt-6 flex flex-col gap-4", footerClassName)}>{footer}</CardFooter>
      </ActionForm>
    </Card>
  );
}
