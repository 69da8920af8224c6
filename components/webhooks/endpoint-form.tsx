"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { createEndpointAction } from "@/lib/actions/webhooks/create-endpoint";
import { updateEndpointAction } from "@/lib/actions/webhooks/update-endpoint";
import { type EndpointFields, endpointFieldsSchema, type WebhookScope } from "@/lib/validations/webhooks";
import { EventTypesField } from "./event-types-field";
import { SecretReveal } from "./secret-reveal";

export interface EndpointFormProps {
  scope: WebhookScope;
  /** The endpoint to edit; without one, a new endpoint (whose secret is then shown once). */
  endpoint?: { id: string; url: string; description: string | null; eventTypes: string[] };
}

/** The one form of an endpoint: URL, description, events. Loaded when its dialog opens. */
export function EndpointForm({ scope, endpoint, close }: EndpointFormProps & DialogFormProps) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const state = useActionForm<EndpointFields, { id: string; secret: string } | undefined>({
    schema: endpointFieldsSchema,
    defaultValues: {
      url: endpoint?.url ?? "",
      description: endpoint?.description ?? "",
      eventTypes: (endpoint?.eventTypes ?? []) as EndpointFields["eventTypes"],
    },
    action: (values) =>
      endpoint
        ? updateEndpointAction({ ...values, scope, id: endpoint.id })
        : createEndpointAction({ ...values, scope }),
    toast: Boolean(endpoint),
    onSuccess: (result) => {
      if (result.data?.secret) setSecret(result.data.secret);
      else {
        close();
        router.refresh();
      }
    },
  });

  if (secret) {
    return (
      <div className="grid gap-4">
        <SecretReveal secret={secret} />
        <DialogFooter>
          <Button
            type="button"
            onClick={() => {
              close();
              router.refresh();
            }}
          >
            Done
          </Button>
        </DialogFooter>
      </div>
    );
  }

  return (
    <ActionForm state={state}>
      <TextField
        control={state.form.control}
        name="url"
        label="URL"
        type="url"
        autoComplete="off"
        placeholder="https://product.example.com/webhooks/gatehouse"
        description="Deliveries are POSTed here (https; no redirects followed; 10 s to answer)."
      />
      <TextField control={state.form.control} name="description" label="Description (optional)" autoComplete="off" />
      <EventTypesField control={state.form.control} name="eventTypes" organization={scope.kind === "organization"} />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} {endpoint ? "Save endpoint" : "Add endpoint"}
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
