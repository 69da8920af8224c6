import { Badge } from "@/components/ui/badge";
import { parseRoleList } from "@/lib/auth/roles";

/** A member's role(s) as badges; the owner stands out. */
export function RoleBadges({ role }: { role: string }) {
  return (
    <span className="flex flex-wrap gap-1">
      {parseRoleList(role).map((name) => (
        <Badge key={name} variant={name === "owner" ? "default" : "secondary"}>
          {name}
        </Badge>
      ))}
    </span>
  );
}
