import { Badge } from "@/components/ui/badge";

const LABELS: Record<string, string> = { admin: "Operator", support: "Support", user: "User" };

/** A platform role as a badge: operators stand out, plain users do not. */
export function RoleBadge({ role }: { role: string }) {
  return (
    <Badge variant={role === "admin" ? "default" : role === "support" ? "secondary" : "outline"}>
      {LABELS[role] ?? role}
    </Badge>
  );
}
