"use client";

import { Plus } from "lucide-react";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import type { WebhookScope } from "@/lib/validations/webhooks";

/** The dialog around the endpoint form (add and edit); the form loads when it first opens. */
export const EndpointDialog = lazyDialog(() => import("./endpoint-form").then((module) => module.EndpointForm));

/** "Add endpoint" and its dialog. */
export function AddEndpointDialog({ scope }: { scope: WebhookScope }) {
  const hydrated = useHydrated();
  return (
    <EndpointDialog
      scope={scope}
      title="Add endpoint"
      description="Gatehouse signs every delivery (Standard Webhooks) and retries failures for about a day."
      className="sm:max-w-lg"
      trigger={
        <Button type="button" disabled={!hydrated}>
          <Plus aria-hidden /> Add endpoint
        </Button>
      }
    />
  );
}
