import { MonitorSmartphone } from "lucide-react";
import { ConfirmAction } from "@/components/confirm-action";
import { ServerTime as Time } from "@/components/time/server-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TrustedDevice } from "@/db/queries/trusted-devices";
import { revokeTrustedDeviceAction } from "@/lib/actions/account/revoke-trusted-device";
import { revokeTrustedDevicesAction } from "@/lib/actions/account/revoke-trusted-devices";

interface TrustedDevicesCardProps {
  devices: TrustedDevice[];
  /** The trusted-device identifier of the browser looking at the page, if it is trusted. */
  currentIdentifier: string | null;
  twoFactorEnabled: boolean;
}

/** Browsers that skip the second factor for 30 days, and the means to stop trusting them. */
export function TrustedDevicesCard({ devices, currentIdentifier, twoFactorEnabled }: TrustedDevicesCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Trusted devices</h2>
        </CardTitle>
        <CardDescription>
          Browsers where you chose “Trust this device for 30 days” at sign-in. They skip the second factor until the
          trust expires or you remove it.
        </CardDescription>
        {devices.length > 1 ? (
          <CardAction>
            <ConfirmAction
              destructive
              variant="outline"
              title="Stop trusting every device?"
              description="Every browser, this one included, will be asked for a second factor at its next sign-in."
              confirmLabel="Remove all"
              pendingLabel="Removing…"
              action={revokeTrustedDevicesAction}
            >
              Remove all
            </ConfirmAction>
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent>
        {devices.length === 0 ? (
          <div className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm">
            <MonitorSmartphone className="mx-auto mb-2 size-6" aria-hidden />
            {twoFactorEnabled
              ? "No trusted devices. Every sign-in asks for your second factor."
              : "Turn on two-factor authentication to be able to trust a device."}
          </div>
        ) : (
          <ul aria-label="Trusted devices" className="divide-y">
            {devices.map((device) => {
              const current = device.identifier === currentIdentifier;
              return (
                <li key={device.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="grid gap-0.5">
                    <p className="flex flex-wrap items-center gap-2 font-medium text-sm">
                      {device.device.label}
                      {current ? <Badge variant="secondary">This device</Badge> : null}
                    </p>
                    <p className="text-muted-foreground text-xs">
                      Trusted <Time value={device.trustedAt} />
                      {device.ip ? ` from ${device.ip}` : ""} · until <Time value={device.expiresAt} format="date" />
                    </p>
                  </div>
                  <ConfirmAction
                    destructive
                    variant="outline"
                    triggerLabel={`Remove ${device.device.label}${current ? " (this device)" : ""}`}
                    title="Stop trusting this device?"
                    description={`${device.device.label} will be asked for a second factor at its next sign-in.`}
                    confirmLabel="Remove"
                    pendingLabel="Removing…"
                    action={revokeTrustedDeviceAction.bind(null, { id: device.id })}
                  >
                    Remove
                  </ConfirmAction>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
