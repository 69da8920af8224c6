"use client";

import { useEffect } from "react";
import { CurrentPasswordField, NewPasswordFields } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { fromAuth } from "@/lib/actions/from-auth";
import { refused } from "@/lib/actions/result";
import { loadAuthClient } from "@/lib/auth/load-client";
import { type ChangePassword, changePasswordSchema } from "@/lib/validations/account";
import { AccountFormCard } from "../../_components/account-form-card";

const EMPTY: ChangePassword = { currentPassword: "", newPassword: "", confirm: "", revokeOtherSessions: true };

// A wrong current password is said under that field; better-auth's password rules under the new one.
const CODE_FIELDS = { INVALID_PASSWORD: "currentPassword", PASSWORD_: "newPassword" } as const;

/**
 * Change the password (current one required); optionally sign out every other session. A notice is mailed.
 * `autoFocus`: opened from the password card's button, so the current password is where typing goes.
 */
export function ChangePasswordForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const state = useActionForm<ChangePassword, unknown>({
    schema: changePasswordSchema,
    defaultValues: EMPTY,
    action: async (values) => {
      const client = await loadAuthClient();
      const result = await fromAuth(
        await client.changePassword({
          currentPassword: values.currentPassword,
          newPassword: values.newPassword,
          revokeOtherSessions: values.revokeOtherSessions,
        }),
        values.revokeOtherSessions
          ? "Password changed. Your other sessions were signed out."
          : "Password changed. We emailed you a confirmation.",
      );
      if (result.ok || result.code !== "INVALID_PASSWORD") return result;
      state.form.setFocus("currentPassword");
      return refused(result.code, "This is not your current password.");
    },
    codeFields: CODE_FIELDS,
  });
  const { setFocus } = state.form;
  useEffect(() => {
    if (autoFocus) setFocus("currentPassword");
  }, [autoFocus, setFocus]);

  return (
    <AccountFormCard
      title="Password"
      description="We will email you when it changes."
      state={state}
      label="Change password"
      submitLabel="Change password"
      pendingLabel="Changing password…"
    >
      <CurrentPasswordField control={state.form.control} name="currentPassword" label="Current password" />
      <NewPasswordFields
        control={state.form.control}
        name="newPassword"
        confirmName="confirm"
        confirmLabel="Repeat the new password"
      />
      <FormField
        control={state.form.control}
        name="revokeOtherSessions"
        render={({ field }) => (
          <FormItem className="flex items-center gap-2">
            <FormControl>
              <Checkbox checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />
            </FormControl>
            <FormLabel className="font-normal">Sign out my other sessions</FormLabel>
          </FormItem>
        )}
      />
    </AccountFormCard>
  );
}
