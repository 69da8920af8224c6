"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient } from "@/lib/auth/load-client";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { useKeepTypedValues } from "@/lib/hooks/use-keep-typed-values";
import { toast } from "@/lib/toast";
import {
  type InviteMembers,
  inviteMembersSchema,
  MAX_INVITES_AT_ONCE,
  parseEmailList,
} from "@/lib/validations/organization";

const NO_TEAM = "none";

interface InviteMembersFormProps {
  organizationId: string;
  roles: readonly string[];
  teams: ReadonlyArray<{ id: string; name: string }>;
}

interface Failure {
  email: string;
  message: string;
}

/**
 * One or many addresses (pasted in any shape) with a role and an optional team. Each address is one better-auth
 * invitation (which mails the link); the addresses that failed stay in the box with the reason for each.
 */
export function InviteMembersForm({ organizationId, roles, teams }: InviteMembersFormProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [failures, setFailures] = useState<Failure[]>([]);
  const form = useForm<InviteMembers>({
    resolver: zodResolver(inviteMembersSchema),
    defaultValues: { emails: "", role: roles.includes("member") ? "member" : (roles[0] ?? ""), teamId: NO_TEAM },
  });
  const pending = form.formState.isSubmitting;
  const formRef = useRef<HTMLFormElement>(null);
  useKeepTypedValues(form, formRef, ["emails"]);

  async function onSubmit(values: InviteMembers) {
    const authClient = await loadAuthClient();
    setFailures([]);
    const { valid } = parseEmailList(values.emails);
    const failed: Failure[] = [];
    let sent = 0;
    for (const email of valid) {
      const { error } = await authClient.organization.inviteMember({
        email,
        role: values.role as "member", // custom role names are valid too; better-auth checks them
        organizationId,
        ...(values.teamId !== NO_TEAM ? { teamId: values.teamId } : {}),
      });
      if (error) failed.push({ email, message: describeAuthError(error) });
      else sent += 1;
    }
    if (sent > 0) {
      toast.success(sent === 1 ? "Invitation sent" : `${sent} invitations sent`);
      router.refresh();
    }
    setFailures(failed);
    form.reset({ ...values, emails: failed.map((f) => f.email).join("\n") });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Invite members</CardTitle>
        <CardDescription>
          Each address receives an email with a link to join. Invitations expire after 48 hours.
        </CardDescription>
      </CardHeader>
      <Form {...form}>
        <form ref={formRef} onSubmit={form.handleSubmit(onSubmit)} noValidate>
          <CardContent className="grid gap-4">
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
              control={form.control}
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
              <FormField
                control={form.control}
                name="role"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Role</FormLabel>
                    <Select value={field.value} onValueChange={field.onChange}>
                      <FormControl>
                        <SelectTrigger className="w-full">
                          <SelectValue placeholder="Choose a role" />
                        </SelectTrigger>
                      </FormControl>
                      <SelectContent>
                        {roles.map((role) => (
                          <SelectItem key={role} value={role}>
                            {role}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
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
            <Button type="submit" disabled={!hydrated || pending} aria-busy={pending}>
              {pending ? <Spinner /> : null} Send invitations
            </Button>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
