"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { deleteEndpointAction } from "@/lib/actions/webhooks/delete-endpoint";
import { rotateEndpointSecretAction } from "@/lib/actions/webhooks/rotate-endpoint-secret";
import { setEndpointEnabledAction } from "@/lib/actions/webhooks/set-endpoint-enabled";
import type { WebhookScope } from "@/lib/validations/webhooks";
import { EndpointDialog } from "./endpoint-dialog";
import { SecretReveal } from "./secret-reveal";

interface EndpointActionsProps {
  scope: WebhookScope;
  endpoint: { id: string; url: string; description: string | null; eventTypes: string[]; enabled: boolean };
  /** The endpoints list, where deleting one leads. */
  listPath: string;
}

/** Edit, enable or disable, rotate the secret (shown once), delete: each confirmed, each refused on the server too. */
export function EndpointActions({ scope, endpoint, listPath }: EndpointActionsProps) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const ref = { scope, id: endpoint.id };
  return (
    <div className="flex flex-wrap gap-2">
      <EndpointDialog
        scope={scope}
        endpoint={endpoint}
        title="Edit endpoint"
        className="sm:max-w-lg"
        trigger={
          <Button type="button" variant="outline" size="sm">
            Edit
          </Button>
        }
      />
      {endpoint.enabled ? (
        <ConfirmAction
          title="Disable this endpoint?"
          description="Nothing is sent to it while it is disabled; new events wait as pending deliveries."
          confirmLabel="Disable"
          variant="outline"
          action={() => setEndpointEnabledAction({ ...ref, enabled: false })}
        >
          Disable
        </ConfirmAction>
      ) : (
        <ConfirmAction
          title="Enable this endpoint?"
          description="Deliveries resume with the next event and the next cron run."
          confirmLabel="Enable"
          variant="outline"
          action={() => setEndpointEnabledAction({ ...ref, enabled: true })}
        >
          Enable
        </ConfirmAction>
      )}
      <ConfirmAction
        title="Rotate the signing secret?"
        description="You get a new secret, shown once. The current one keeps signing beside it for 24 hours, so your product can switch without missing a delivery."
        confirmLabel="Rotate secret"
        variant="outline"
        toast={false}
        action={() => rotateEndpointSecretAction(ref)}
        onDone={(result) => {
          const data = result.data as { secret?: string } | undefined;
          if (data?.secret) setSecret(data.secret);
        }}
      >
        Rotate secret
      </ConfirmAction>
      <ConfirmAction
        title="Delete this endpoint?"
        description="It stops receiving events, and its delivery log goes with it."
        confirmLabel="Delete endpoint"
        destructive
        variant="destructive"
        action={() => deleteEndpointAction(ref)}
        onDone={() => router.push(listPath)}
      >
        Delete
      </ConfirmAction>
      <Dialog open={secret !== null} onOpenChange={(open) => !open && setSecret(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>New signing secret</DialogTitle>
            <DialogDescription>The old secret keeps working for 24 hours.</DialogDescription>
          </DialogHeader>
          {secret ? <SecretReveal secret={secret} /> : null}
          <DialogFooter>
            <Button type="button" onClick={() => setSecret(null)}>
              Done
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
