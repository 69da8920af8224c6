"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";

// The form (Radix Select) is its own chunk: the team page's first load leaves it out. A full page load still gets the
// form's HTML from the server; the skeleton shows only after a client-side navigation.
const AddTeamMemberForm = lazy(() =>
  import("./add-team-member-form").then((module) => ({ default: module.AddTeamMemberForm })),
);

/** The add-a-member form, loaded on demand, with a placeholder of the same size while it loads. */
export function AddTeamMember(props: ComponentProps<typeof AddTeamMemberForm>) {
  if (props.candidates.length === 0) {
    return <p className="text-muted-foreground text-sm">Every member of the organization is in this team.</p>;
  }
  return (
    <Suspense
      fallback={
        <div className="grid max-w-xl gap-2" aria-busy>
          <Skeleton className="h-3.5 w-24" />
          <div className="flex gap-2">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-32 shrink-0" />
          </div>
        </div>
      }
    >
      <AddTeamMemberForm {...props} />
    </Suspense>
  );
}
