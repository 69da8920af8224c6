import { Badge } from "@/components/ui/badge";
import { platformRoleLabel } from "./platform-roles";

/** A platform role as a badge: operators stand out, plain users do not. */
export function RoleBadge({ role }: { role: string }) {
  return (
    <Badge variant={role === "admin" ? "default" : role === "support" ? "secondary" : "outline"}>
      {platformRoleLabel(role)}
    </Badge>
  );
}
