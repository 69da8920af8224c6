// Bulk invitations, the parts the browser and the server share: the rows people type, paste or load from a CSV
// (`email, role, team`; a header line and empty cells allowed), and the verdict each row gets in the dry run and
// after sending. The server decides every verdict again (lib/organization/bulk-invite-plan.ts).

/** Rows one dry run or sending takes (a larger list goes in several rounds). */
export const MAX_BULK_ROWS = 100;

export interface BulkRow {
  /** The line it came from, for the person to find it. */
  line: number;
  email: string;
  /** Empty: the dialog's default role. */
  role: string;
  /** Team name (or id); empty: the default team, if any. */
  team: string;
}

export const VERDICTS = {
  invite: "Will be invited",
  bad_address: "Not a valid email address",
  duplicate: "Listed twice: only the first row counts",
  already_member: "Already a member",
  already_invited: "Already invited (pending)",
  role_not_allowed: "A role you may not grant",
  unknown_role: "No such role",
  unknown_team: "No such team",
  over_limit: "Over the organization's limit",
} as const;
export type Verdict = keyof typeof VERDICTS;

export interface RowVerdict {
  line: number;
  email: string;
  role: string;
  team: string | null;
  verdict: Verdict;
  /** After sending: the invitation was created; false when its mail failed (it stays pending, resend it). */
  sent?: boolean;
  mailed?: boolean;
}

/** Splits one CSV line (RFC 4180 quotes; commas, semicolons or tabs between cells). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === "," || ch === ";" || ch === "\t") {
      out.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

/** The rows of a pasted or loaded list; a first line naming the columns is skipped. */
export function parseBulkRows(text: string): BulkRow[] {
  const rows: BulkRow[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    if (raw.trim() === "") return;
    const [email = "", role = "", team = ""] = cells(raw);
    if (index === 0 && /^e-?mail/i.test(email) && !email.includes("@")) return;
    rows.push({ line: index + 1, email: email.replace(/^mailto:/i, ""), role, team });
  });
  return rows;
}
