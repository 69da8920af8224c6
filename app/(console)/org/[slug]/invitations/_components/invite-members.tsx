"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { FieldSkeleton } from "@/components/shell/page-skeleton";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { InviteMembersCard } from "./invite-members-card";

// The form (react-hook-form, zod, Radix Select) is its own chunk: the first load of the invitations page leaves it out.
// A full page load still gets the form's HTML from the server; the skeleton shows only after a client-side navigation.
const InviteMembersForm = lazy(() =>
  import("./invite-members-form").then((module) => ({ default: module.InviteMembersForm })),
);

type InviteMembersProps = ComponentProps<typeof InviteMembersForm>;

/** The invite form, loaded on demand, with a placeholder of the same size while it loads. */
export function InviteMembers(props: InviteMembersProps) {
  return (
    <Suspense fallback={<InviteMembersSkeleton />}>
      <InviteMembersForm {...props} />
    </Suspense>
  );
}

function InviteMembersSkeleton() {
  return (
    <InviteMembersCard busy>
      <CardContent className="grid gap-4">
        <FieldSkeleton label="w-32" control="h-16" hint="w-2/3" />
        <div className="grid gap-4 sm:grid-cols-2">
          <FieldSkeleton />
          <FieldSkeleton hint="w-3/4" />
        </div>
      </CardContent>
      <CardFooter className="mt-6 justify-end">
        <Skeleton className="h-9 w-36" />
      </CardFooter>
    </InviteMembersCard>
  );
}
