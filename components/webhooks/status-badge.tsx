import { Badge } from "@/components/ui/badge";

const VARIANTS = { succeeded: "secondary", pending: "outline", failed: "destructive" } as const;

/** A delivery's or an endpoint's state, in words. */
export function StatusBadge({ status }: { status: string }) {
  const variant = VARIANTS[status as keyof typeof VARIANTS] ?? "outline";
  return <Badge variant={variant}>{status}</Badge>;
}

/** An endpoint's state: enabled, disabled by hand, or disabled after failing for a day. */
export function EndpointStatus({ enabled, reason }: { enabled: boolean; reason: string | null }) {
  if (enabled) return <Badge variant="secondary">enabled</Badge>;
  return <Badge variant="destructive">{reason === "failing" ? "disabled: failing" : "disabled"}</Badge>;
}
