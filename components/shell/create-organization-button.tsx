"use client";

import { Plus } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";

const CreateOrganizationDialog = lazy(() =>
  import("./create-organization-dialog").then((module) => ({ default: module.CreateOrganizationDialog })),
);

/** "Create organization", for empty states: the same dialog as the organization switcher's. */
export function CreateOrganizationButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" onClick={() => setOpen(true)}>
        <Plus aria-hidden /> Create organization
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <CreateOrganizationDialog open onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
