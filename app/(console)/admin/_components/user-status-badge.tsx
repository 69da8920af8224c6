import { Time } from "@/components/time/time";
import { Badge } from "@/components/ui/badge";

interface UserStatusBadgeProps {
  banned: boolean;
  banExpires: Date | string | null;
}

/** "Active", or "Banned" with until when. */
export function UserStatusBadge({ banned, banExpires }: UserStatusBadgeProps) {
  if (!banned) return <Badge variant="outline">Active</Badge>;
  return (
    <Badge variant="destructive" className="overflow-visible">
      {banExpires ? (
        <>
          Banned until <Time value={banExpires} format="datetime" />
        </>
      ) : (
        "Banned"
      )}
    </Badge>
  );
}
