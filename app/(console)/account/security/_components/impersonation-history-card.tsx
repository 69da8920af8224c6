import { Eye } from "lucide-react";
import { ServerTime as Time } from "@/components/time/server-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { IMPERSONATION_HISTORY_LIMIT, type Impersonation } from "@/db/queries/impersonations";
import { formatRemaining } from "@/lib/dates";

interface ImpersonationHistoryCardProps {
  impersonations: Impersonation[];
  now: Date;
}

// The role, never the person: the promise is that the user can see that staff looked and why, not whom to chase.
const ROLE_LABELS = { admin: "Operator", support: "Support" } as const;

function When({ date }: { date: Date; now: Date }) {
  return <Time value={date} />;
}

function Duration({ impersonation: { startedAt, end }, now }: { impersonation: Impersonation; now: Date }) {
  switch (end.kind) {
    case "stopped":
      return <>Ended after {formatRemaining(end.at.getTime() - startedAt.getTime())}</>;
    case "expired":
      // The session may also have ended sooner (the user signed it out): the trail only knows the upper bound.
      return <>Up to {formatRemaining(end.at.getTime() - startedAt.getTime())}, ended by expiry</>;
    case "active":
      return (
        <>
          In progress, ends <When date={end.until} now={now} />
        </>
      );
    case "unknown":
      return <span className="text-muted-foreground">Not recorded</span>;
  }
}

/** Every recent impersonation of the signed-in user's account, from the audit trail (rendered on the server only). */
export function ImpersonationHistoryCard({ impersonations, now }: ImpersonationHistoryCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 id="impersonations-heading">Who signed in as you</h2>
        </CardTitle>
        <CardDescription>
          Support and operations staff can sign in as you to see what you see, and must say why. Each time is listed
          here.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {impersonations.length === 0 ? (
          <div className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm">
            <Eye className="mx-auto mb-2 size-6" aria-hidden />
            Nobody from support or operations has signed in as you.
          </div>
        ) : (
          <Table aria-labelledby="impersonations-heading">
            <TableCaption>
              {impersonations.length === IMPERSONATION_HISTORY_LIMIT
                ? `The latest ${IMPERSONATION_HISTORY_LIMIT}, newest first.`
                : "Newest first."}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>By</TableHead>
                <TableHead>Reason given</TableHead>
                <TableHead>How long</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {impersonations.map((impersonation) => (
                <TableRow key={impersonation.id}>
                  <TableCell>
                    <When date={impersonation.startedAt} now={now} />
                  </TableCell>
                  <TableCell>{impersonation.staffRole ? ROLE_LABELS[impersonation.staffRole] : "Staff"}</TableCell>
                  <TableCell className="whitespace-normal break-words">
                    {impersonation.reason ?? <span className="text-muted-foreground">No reason recorded</span>}
                  </TableCell>
                  <TableCell>
                    <Duration impersonation={impersonation} now={now} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
