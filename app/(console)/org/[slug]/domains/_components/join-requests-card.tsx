import { UserPlus } from "lucide-react";
import { ConfirmAction } from "@/components/confirm-action";
import { ActionButton } from "@/components/forms/action-button";
import { Time } from "@/components/time/time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { JoinRequestRow } from "@/db/queries/domains";
import { decideJoinRequestAction } from "@/lib/actions/organization/decide-join-request";

interface JoinRequestsCardProps {
  slug: string;
  requests: JoinRequestRow[];
}

/** People who asked to join through a domain in "suggest" mode: approve (they join) or refuse. */
export function JoinRequestsCard({ slug, requests }: JoinRequestsCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Requests to join</h2>
        </CardTitle>
        <CardDescription>From people with a verified address at one of your domains.</CardDescription>
      </CardHeader>
      <CardContent>
        {requests.length === 0 ? (
          <div className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm">
            <UserPlus className="mx-auto mb-2 size-6" aria-hidden />
            No requests waiting.
          </div>
        ) : (
          <ul aria-label="Requests to join" className="divide-y">
            {requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="grid gap-0.5">
                  <p className="font-medium text-sm">{r.name}</p>
                  <p className="text-muted-foreground text-xs">
                    {r.email} · asked <Time value={r.createdAt} />
                  </p>
                </div>
                <div className="flex gap-2">
                  <ActionButton
                    variant="default"
                    aria-label={`Approve ${r.name}`}
                    action={decideJoinRequestAction.bind(null, { slug, requestId: r.id, decision: "approve" })}
                  >
                    Approve
                  </ActionButton>
                  <ConfirmAction
                    destructive
                    variant="outline"
                    triggerLabel={`Refuse ${r.name}`}
                    title={`Refuse ${r.name}'s request?`}
                    description="They are not told why; they can ask again later."
                    confirmLabel="Refuse"
                    action={decideJoinRequestAction.bind(null, { slug, requestId: r.id, decision: "refuse" })}
                  >
                    Refuse
                  </ConfirmAction>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
