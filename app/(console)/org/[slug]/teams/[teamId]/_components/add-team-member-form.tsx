"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";

interface AddTeamMemberFormProps {
  organizationId: string;
  teamId: string;
  /** Organization members not yet in the team. */
  candidates: ReadonlyArray<{ userId: string; name: string; email: string }>;
}

/** Picks an organization member and adds them to the team (better-auth checks member:update). */
export function AddTeamMemberForm({ organizationId, teamId, candidates }: AddTeamMemberFormProps) {
  const router = useRouter();
  const [userId, setUserId] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (candidates.length === 0) {
    return <p className="text-muted-foreground text-sm">Every member of the organization is in this team.</p>;
  }

  async function add() {
    const person = candidates.find((c) => c.userId === userId);
    if (!person) {
      setError("Choose a member to add.");
      return;
    }
    setPending(true);
    setError(null);
    const authClient = await loadAuthClient();
    const { error } = await authClient.organization.addTeamMember({ teamId, userId, organizationId });
    setPending(false);
    if (error) {
      setError(describeAuthError(error));
      return;
    }
    toast.success(`${person.name} added to the team`);
    setUserId("");
    router.refresh();
  }

  return (
    <form
      className="grid max-w-xl gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Label htmlFor="team-candidate">Add a member</Label>
      <div className="flex gap-2">
        <Select value={userId} onValueChange={setUserId}>
          <SelectTrigger id="team-candidate" className="w-full">
            <SelectValue placeholder="Choose a member of the organization" />
          </SelectTrigger>
          <SelectContent>
            {candidates.map((c) => (
              <SelectItem key={c.userId} value={c.userId}>
                {c.name} ({c.email})
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button type="submit" disabled={pending || userId === ""} aria-busy={pending}>
          {pending ? <Spinner /> : null} Add to team
        </Button>
      </div>
    </form>
  );
}
