"use client";

import { useRouter } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { refused } from "@/lib/actions/result";
import { addTeamMember } from "@/lib/organization/writes";

const schema = z.object({ userId: z.string().min(1, "Choose a member to add.") });

interface AddTeamMemberFormProps {
  organizationId: string;
  teamId: string;
  /** Organization members not yet in the team (add-team-member.tsx says so when there are none). */
  candidates: ReadonlyArray<{ userId: string; name: string; email: string }>;
}

/** Picks an organization member and adds them to the team (better-auth checks member:update). */
export function AddTeamMemberForm({ organizationId, teamId, candidates }: AddTeamMemberFormProps) {
  const router = useRouter();
  const state = useActionForm({
    schema,
    defaultValues: { userId: "" },
    action: async ({ userId }) => {
      const person = candidates.find((candidate) => candidate.userId === userId);
      if (!person) return refused("INVALID_INPUT", "Choose a member to add.");
      return addTeamMember(organizationId, teamId, person);
    },
    onSuccess: () => router.refresh(),
  });

  return (
    <ActionForm state={state} className="grid max-w-xl gap-2">
      <FormField
        control={state.form.control}
        name="userId"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Add a member</FormLabel>
            <div className="flex gap-2">
              <Select value={field.value} onValueChange={field.onChange}>
                <FormControl>
                  <SelectTrigger className="w-full">
                    <SelectValue placeholder="Choose a member of the organization" />
                  </SelectTrigger>
                </FormControl>
                <SelectContent>
                  {candidates.map((candidate) => (
                    <SelectItem key={candidate.userId} value={candidate.userId}>
                      {candidate.name} ({candidate.email})
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              <Button type="submit" disabled={state.pending || field.value === ""} aria-busy={state.pending}>
                {state.pending ? <Spinner /> : null} Add to team
              </Button>
            </div>
            <FormMessage />
          </FormItem>
        )}
      />
    </ActionForm>
  );
}
