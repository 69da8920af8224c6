"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { FieldSkeleton } from "@/components/shell/page-skeleton";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { OrganizationCard } from "./organization-card";

// The form (react-hook-form, zod) is its own chunk: the first load of the settings page leaves it out. A full page
// load still gets the form's HTML from the server; the skeleton shows only after a client-side navigation.
const OrganizationSettingsForm = lazy(() =>
  import("./organization-settings-form").then((module) => ({ default: module.OrganizationSettingsForm })),
);

type OrganizationSettingsProps = ComponentProps<typeof OrganizationSettingsForm>;

/** The organization form, loaded on demand, with a placeholder of the same size while it loads. */
export function OrganizationSettings(props: OrganizationSettingsProps) {
  return (
    <Suspense fallback={<OrganizationSettingsSkeleton />}>
      <OrganizationSettingsForm {...props} />
    </Suspense>
  );
}

function OrganizationSettingsSkeleton() {
  return (
    <OrganizationCard busy>
      <CardContent className="grid gap-4">
        <FieldSkeleton />
        <FieldSkeleton label="w-10" hint="w-3/4" />
        <FieldSkeleton label="w-20" hint="w-2/3" />
      </CardContent>
      <CardFooter className="mt-6 justify-end">
        <Skeleton className="h-9 w-32" />
      </CardFooter>
    </OrganizationCard>
  );
}
