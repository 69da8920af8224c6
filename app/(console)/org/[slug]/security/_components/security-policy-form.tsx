"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { updateSecurityPolicyAction } from "@/lib/actions/organization/update-security-policy";
import { TWO_FACTOR_METHOD_LABELS, type TwoFactorMethod } from "@/lib/auth/sign-in-methods";
import { type SecurityPolicy, securityPolicySchema } from "@/lib/validations/organization-rules";

interface SecurityPolicyFormProps {
  slug: string;
  policy: SecurityPolicy;
  /** The methods that exist (passkeys come later). */
  available: readonly TwoFactorMethod[];
}

/** Require two-factor for every member, with a grace period and the methods that count. */
export function SecurityPolicyForm({ slug, policy, available }: SecurityPolicyFormProps) {
  const router = useRouter();
  const state = useActionForm<SecurityPolicy>({
    schema: securityPolicySchema,
    defaultValues: policy,
    keepValues: true,
    action: (values) => updateSecurityPolicyAction({ ...values, slug }),
    onSuccess: () => router.refresh(),
  });
  const { control, formState } = state.form;

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Two-factor authentication</h2>
        </CardTitle>
        <CardDescription>
          Members must sign in with a second factor. A sign-in with a social account or an email link counts only if a
          second factor was also used.
        </CardDescription>
      </CardHeader>
      <ActionForm state={state} aria-label="Two-factor policy" className="grid gap-0">
        <CardContent className="grid gap-5">
          <FormField
            control={control}
            name="requireTwoFactor"
            render={({ field }) => (
              <FormItem className="flex flex-row items-start gap-3">
                <FormControl>
                  <Checkbox checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />
                </FormControl>
                <div className="grid gap-1">
                  <FormLabel>Require two-factor authentication for every member</FormLabel>
                  <FormDescription>You need a second factor on your own account to turn this on.</FormDescription>
                </div>
              </FormItem>
            )}
          />
          <FormField
            control={control}
            name="gracePeriodDays"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Grace period (days)</FormLabel>
                <FormControl>
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={90}
                    className="w-28"
                    name={field.name}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={Number.isNaN(field.value) ? "" : field.value}
                    onChange={(event) => field.onChange(event.target.valueAsNumber)}
                  />
                </FormControl>
                <FormDescription>
                  From the day it is turned on, or the day someone joins, whichever is later. Leaving and answering
                  invitations stay open after it.
                </FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={control}
            name="methods"
            render={({ field }) => (
              <FormItem>
                <fieldset className="grid gap-2">
                  <legend className="mb-1 font-medium text-sm">Methods that count</legend>
                  {available.map((method) => {
                    const checked = field.value.includes(method);
                    return (
                      // biome-ignore lint/a11y/noLabelWithoutControl: the Radix checkbox inside is the control
                      <label key={method} className="flex items-center gap-2 text-sm">
                        <Checkbox
                          checked={checked}
                          onCheckedChange={(on) =>
                            field.onChange(
                              on === true ? [...field.value, method] : field.value.filter((m) => m !== method),
                            )
                          }
                        />
                        {TWO_FACTOR_METHOD_LABELS[method]}
                      </label>
                    );
                  })}
                </fieldset>
                <FormMessage />
              </FormItem>
            )}
          />
        </CardContent>
        <CardFooter className="mt-6 justify-end">
          <Button type="submit" disabled={state.pending || !formState.isDirty} aria-busy={state.pending}>
            {state.pending ? <Spinner /> : null} Save policy
          </Button>
        </CardFooter>
      </ActionForm>
    </Card>
  );
}
