"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import type { DomainRow } from "@/db/queries/domains";
import { setJoinModeAction } from "@/lib/actions/organization/set-join-mode";
import { JOIN_MODE_LABELS, JOIN_MODES } from "@/lib/organization/join-modes";
import { type JoinModeForm as JoinModeValues, joinModeFormSchema } from "@/lib/validations/organization-rules";

interface JoinModeFormProps {
  slug: string;
  domain: Pick<DomainRow, "id" | "domain" | "joinMode" | "defaultRole">;
  /** Roles people may join with (never owner). */
  roles: readonly string[];
}

/** How people with a verified address at the domain join, and with which role. */
export function JoinModeForm({ slug, domain, roles }: JoinModeFormProps) {
  const router = useRouter();
  const state = useActionForm<JoinModeValues>({
    schema: joinModeFormSchema,
    defaultValues: { joinMode: domain.joinMode, defaultRole: domain.defaultRole },
    keepValues: true,
    action: (values) => setJoinModeAction({ ...values, slug, domainId: domain.id }),
    onSuccess: () => router.refresh(),
  });
  const { control, formState } = state.form;
  return (
    <ActionForm state={state} aria-label={`Join mode for ${domain.domain}`} className="grid gap-3">
      <div className="flex flex-wrap items-start gap-4">
        <FormField
          control={control}
          name="joinMode"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Join mode</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  {JOIN_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {JOIN_MODE_LABELS[mode]}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="defaultRole"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Role on joining</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
      <div>
        <Button type="submit" size="sm" disabled={state.pending || !formState.isDirty} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Save join mode
        </Button>
      </div>
    </ActionForm>
  );
}
