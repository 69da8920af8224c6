"use client";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { type RowVerdict, VERDICTS } from "@/lib/organization/bulk-invitations";

function outcome(row: RowVerdict) {
  if (row.sent) return row.mailed === false ? "Invited; the email could not be sent" : "Invited";
  return VERDICTS[row.verdict];
}

/** Each row's verdict (the dry run) or outcome (after sending). */
export function BulkInviteResults({ rows, label }: { rows: RowVerdict[]; label: string }) {
  return (
    <div className="max-h-80 overflow-auto rounded-md border">
      <Table aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHead className="w-12">Line</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Team</TableHead>
            <TableHead>Result</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.line} data-verdict={row.verdict}>
              <TableCell>{row.line}</TableCell>
              <TableCell className="max-w-56 truncate">{row.email || "(empty)"}</TableCell>
              <TableCell>{row.role}</TableCell>
              <TableCell>{row.team ?? ""}</TableCell>
              <TableCell>
                <Badge variant={row.verdict === "invite" ? "default" : "secondary"}>{outcome(row)}</Badge>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
