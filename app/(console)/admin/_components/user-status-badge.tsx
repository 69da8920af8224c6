import { Badge } from "@/components/ui/badge";
import { formatUtc } from "@/lib/dates";

interface UserStatusBadgeProps {
  banned: boolean;
  banExpires: Date | string | null;
}

/** "Active", or "Banned" with until when. */
export function UserStatusBadge({ banned, banExpires }: UserStatusBadgeProps) {
  if (!banned) return <Badge variant="outline">Active</Badge>;
  return (
    <Badge variant="destructive" title={banExpires ? `Until ${formatUtc(banExpires)}` : "Until lifted"}>
      {banExpires ? `Banned until ${formatUtc(banExpires)}` : "Banned"}
    </Badge>
  );
}
