"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { ActionForm } from "@/components/forms/action-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import type { BulkPreview } from "@/lib/actions/organization/preview-bulk-invitations";
import { previewBulkInvitationsAction } from "@/lib/actions/organization/preview-bulk-invitations";
import { sendBulkInvitationsAction } from "@/lib/actions/organization/send-bulk-invitations";
import { type BulkRow, parseBulkRows, type RowVerdict } from "@/lib/organization/bulk-invitations";
import { toast } from "@/lib/toast";
import { bulkInviteFormSchema, type BulkInviteForm as Values } from "@/lib/validations/bulk-invite-form";
import type { BulkInviteDialogProps } from "./bulk-invite-dialog";
import { BulkInviteResults } from "./bulk-invite-results";

const NO_TEAM = "none";

/** The rows, their defaults, the dry run's verdicts, then sending and its outcome per row. */
export function BulkInviteForm({ slug, roles, teams, close }: BulkInviteDialogProps & DialogFormProps) {
  const router = useRouter();
  const stepUp = useStepUp();
  const [preview, setPreview] = useState<{ rows: BulkRow[]; result: BulkPreview; values: Values } | null>(null);
  const [sent, setSent] = useState<RowVerdict[] | null>(null);
  const [sending, setSending] = useState(false);
  const input = (values: Values, rows: BulkRow[]) => ({
    slug,
    rows,
    defaultRole: values.defaultRole,
    defaultTeamId: values.defaultTeamId === NO_TEAM ? null : values.defaultTeamId,
  });
  const state = useActionForm<Values, BulkPreview>({
    schema: bulkInviteFormSchema,
    defaultValues: {
      text: "",
      defaultRole: roles.includes("member") ? "member" : (roles[0] ?? ""),
      defaultTeamId: NO_TEAM,
    },
    keepValues: true,
    toast: false,
    action: (values) => previewBulkInvitationsAction(input(values, parseBulkRows(values.text))),
    onSuccess: ({ data }, values) => {
      setSent(null);
      if (data) setPreview({ rows: parseBulkRows(values.text), result: data, values });
    },
  });
  const invitable = preview?.result.rows.filter((r) => r.verdict === "invite").length ?? 0;

  async function send() {
    if (!preview) return;
    setSending(true);
    try {
      const result = await stepUp(() => sendBulkInvitationsAction(input(preview.values, preview.rows)));
      if (!result.ok) {
        state.setError(result.error);
        return;
      }
      setSent(result.data?.rows ?? []);
      setPreview(null);
      if (result.message) toast.success(result.message);
      router.refresh();
    } finally {
      setSending(false);
    }
  }

  async function load(file: File | undefined) {
    if (!file) return;
    state.form.setValue("text", await file.text(), { shouldDirty: true });
    setPreview(null);
  }

  return (
    <ActionForm state={state} aria-label="Invite many people">
      <FormField
        control={state.form.control}
        name="text"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Rows</FormLabel>
            <FormControl>
              <Textarea
                rows={6}
                spellCheck={false}
                placeholder={"ada@example.com, admin, Engineering\ngrace@example.com"}
                className="max-h-48 overflow-auto font-mono text-xs"
                {...field}
                onChange={(event) => {
                  field.onChange(event);
                  setPreview(null);
                }}
              />
            </FormControl>
            <FormDescription>
              Type or paste the rows, or load a CSV file with the columns email, role, team.
            </FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <div className="grid gap-2">
        <Label htmlFor="bulk-invite-csv">CSV file</Label>
        <Input
          id="bulk-invite-csv"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => void load(e.target.files?.[0])}
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <FormField
          control={state.form.control}
          name="defaultRole"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Role when a row has none</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
            </FormItem>
          )}
        />
        <FormField
          control={state.form.control}
          name="defaultTeamId"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Team when a row has none</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  <option value={NO_TEAM}>No team</option>
                  {teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {team.name}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
            </FormItem>
          )}
        />
      </div>
      {preview ? (
        <div className="grid gap-2" data-testid="bulk-preview">
          <p className="text-sm" role="status">
            {preview.result.rows.length} rows: {invitable} will be invited, {preview.result.rows.length - invitable}{" "}
            will not. {preview.result.budgetLeft} of {preview.result.budgetMax} bulk invitations left this hour.
          </p>
          <BulkInviteResults rows={preview.result.rows} label="What each row will do" />
        </div>
      ) : null}
      {sent ? (
        <div className="grid gap-2" data-testid="bulk-sent">
          <BulkInviteResults rows={sent} label="What each row did" />
        </div>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        {sent ? (
          <Button type="button" variant="outline" onClick={close}>
            Done
          </Button>
        ) : null}
        <Button
          type="submit"
          variant={preview ? "outline" : "default"}
          disabled={state.pending}
          aria-busy={state.pending}
        >
          {state.pending ? <Spinner /> : null} Check rows
        </Button>
        {preview ? (
          <Button type="button" disabled={invitable === 0 || sending} aria-busy={sending} onClick={() => void send()}>
            {sending ? <Spinner /> : null} Send {invitable} {invitable === 1 ? "invitation" : "invitations"}
          </Button>
        ) : null}
      </div>
    </ActionForm>
  );
}
