// The bulk-invitation dialog's own fields (the rows as text; the server takes them parsed: organization-rules.ts).
import "./zod-config";
import { z } from "zod";
import { MAX_BULK_ROWS, parseBulkRows } from "@/lib/organization/bulk-invitations";

export const bulkInviteFormSchema = z.object({
  text: z
    .string()
    .refine((text) => parseBulkRows(text).length > 0, "Add at least one row.")
    .refine(
      (text) => parseBulkRows(text).length <= MAX_BULK_ROWS,
      `At most ${MAX_BULK_ROWS} rows at once: send the rest in another round.`,
    ),
  defaultRole: z.string().min(1, "Choose a role."),
  defaultTeamId: z.string(),
});
export type BulkInviteForm = z.infer<typeof bulkInviteFormSchema>;
