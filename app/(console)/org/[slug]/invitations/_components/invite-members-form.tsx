"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { ActionForm, ActionFormAlert } from "@/components/forms/action-form";
import { RoleField } from "@/components/forms/role-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CardContent, CardFooter } from "@/components/ui/card";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { useKeepTypedValues } from "@/lib/hooks/use-keep-typed-values";
import { type InviteOutcome, inviteMembers } from "@/lib/organization/writes";
import {
  type InviteMembers,
  inviteMembersSchema,
  MAX_INVITES_AT_ONCE,
  parseEmailList,
} from "@/lib/validations/organization";
import { InviteMembersCard } from "./invite-members-card";

const NO_TEAM = "none";

interface InviteMembersFormProps {
  organizationId: string;
  roles: readonly string[];
  teams: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * One or many addresses (pasted in any shape) with a role and an optional team. Each address is one better-auth
 * invitation (which mails the link); the addresses that failed stay in the box with the reason for each.
 */
export function InviteMembersForm({ organizationId, roles, teams }: InviteMembersFormProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [failures, setFailures] = useState<InviteOutcome["failed"]>([]);
  const state = useActionForm<InviteMembers, InviteOutcome>({
    schema: inviteMembersSchema,
    defaultValues: { emails: "", role: roles.includes("member") ? "member" : (roles[0] ?? ""), teamId: NO_TEAM },
    keepValues: true,
    action: (values) => {
      setFailures([]);
      return inviteMembers({
        organizationId,
        emails: parseEmailList(values.emails).valid,
        role: values.role,
        teamId: values.teamId === NO_TEAM ? undefined : values.teamId,
      });
    },
    onSuccess: ({ data }, values) => {
      const failed = data?.failed ?? [];
      setFailures(failed);
      state.form.reset({ ...values, emails: failed.map((failure) => failure.email).join("\n") });
      if (data?.sent) router.refresh();
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useKeepTypedValues(state.form, formRef, ["emails"]);

  return (
    <InviteMembersCard>
      <ActionForm state={state} ref={formRef} className="" alert="none">
        <CardContent className="grid gap-4">
          <ActionFormAlert state={state} />
          {failures.length > 0 ? (
            <FormAlert>
              <p>
                {failures.length === 1
                  ? "One address was not invited:"
                  : `${failures.length} addresses were not invited:`}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {failures.map((failure) => (
                  <li key={failure.email}>
                    {failure.email}: {failure.message}
                  </li>
                ))}
              </ul>
            </FormAlert>
          ) : null}
          <FormField
            control={state.form.control}
            name="emails"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Email addresses</FormLabel>
                <FormControl>
                  <Textarea rows={3} placeholder="ada@example.com, grace@example.com" spellCheck={false} {...field} />
                </FormControl>
                <FormDescription>
                  One or more, separated by commas, spaces or new lines (at most {MAX_INVITES_AT_ONCE}).
                </FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <RoleField control={state.form.control} name="role" roles={roles} />
            <FormField
              control={state.form.control}
              name="teamId"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Team</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl>
                      <SelectTrigger className="w-full">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      <SelectItem value={NO_TEAM}>No team</SelectItem>
                      {teams.map((team) => (
                        <SelectItem key={team.id} value={team.id}>
                          {team.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <FormDescription>Optional: they join this team when they accept.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
          </div>
        </CardContent>
        <CardFooter className="mt-6 justify-end">
          <Button type="submit" disabled={!hydrated || state.pending} aria-busy={state.pending}>
            {state.pending ? <Spinner /> : null} Send invitations
          </Button>
        </CardFooter>
      </ActionForm>
    </InviteMembersCard>
  );
}
