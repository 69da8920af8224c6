"use server";

import { type ActionResult, invalidInput } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { orgActionAccess } from "@/lib/auth/org-action";
import type { RowVerdict } from "@/lib/organization/bulk-invitations";
import { planBulkInvitations } from "@/lib/organization/bulk-invite-plan";
import { bulkInviteSchema } from "@/lib/validations/organization-rules";

export interface BulkPreview {
  rows: RowVerdict[];
  budgetLeft: number;
  budgetMax: number;
}

/** The dry run: what each row would do, nothing sent, nothing written. */
export const previewBulkInvitationsAction = serverAction(
  "organization.invitations.bulk_preview",
  async (_context, input: unknown): Promise<ActionResult<BulkPreview>> => {
    const parsed = bulkInviteSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const found = await orgActionAccess(parsed.data.slug, "invitations");
    if (!found.ok) return found;
    const plan = await planBulkInvitations(found.access, parsed.data.rows, {
      role: parsed.data.defaultRole,
      teamId: parsed.data.defaultTeamId,
    });
    const rows = plan.rows.map(({ teamId: _teamId, ...row }) => row);
    const invitable = rows.filter((r) => r.verdict === "invite").length;
    return {
      ok: true,
      message: `${invitable} of ${rows.length} ${rows.length === 1 ? "row" : "rows"} can be invited.`,
      data: { rows, budgetLeft: plan.budgetLeft, budgetMax: plan.budgetMax },
    };
  },
);
