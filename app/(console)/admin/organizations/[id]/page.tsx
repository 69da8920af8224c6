import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getOrganizationDetail } from "@/db/queries/admin-organizations";
import { requireStaff } from "@/lib/auth/guard";
import { formatDay, formatUtc } from "@/lib/dates";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage(props: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const org = await getOrganizationDetail((await props.params).id);
  if (!org) notFound();
  return (
    <>
      <PageHeader title={org.name} description={`/${org.slug} · created ${formatDay(org.createdAt)} · read-only`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Members</CardTitle>
            <CardDescription>{org.members.length} in total</CardDescription>
          </CardHeader>
          <CardContent>
            <Table aria-label="Members">
              <TableHeader>
                <TableRow>
                  <TableHead>Member</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead>Joined</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {org.members.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>
                      <Link href={`/admin/users/${m.userId}`} className="font-medium hover:underline">
                        {m.name}
                      </Link>
                      <div className="text-muted-foreground text-xs">{m.email}</div>
                    </TableCell>
                    <TableCell>
                      <Badge variant="secondary">{m.role}</Badge>
                    </TableCell>
                    <TableCell>{formatDay(m.joinedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Pending invitations</CardTitle>
            <CardDescription>Not yet accepted and not expired.</CardDescription>
          </CardHeader>
          <CardContent>
            {org.invitations.length === 0 ? (
              <p className="text-muted-foreground text-sm">No pending invitations.</p>
            ) : (
              <Table aria-label="Pending invitations">
                <TableHeader>
                  <TableRow>
                    <TableHead>Email</TableHead>
                    <TableHead>Role</TableHead>
                    <TableHead>Expires</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {org.invitations.map((invite) => (
                    <TableRow key={invite.id}>
                      <TableCell>
                        {invite.email}
                        {invite.inviter ? (
                          <div className="text-muted-foreground text-xs">by {invite.inviter}</div>
                        ) : null}
                      </TableCell>
                      <TableCell>{invite.role ?? "member"}</TableCell>
                      <TableCell>{formatUtc(invite.expiresAt)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
