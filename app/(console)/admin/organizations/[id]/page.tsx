import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { ServerTime as Time } from "@/components/time/server-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getOrganizationDetail } from "@/db/queries/admin-organizations";
import { isOperator, requireStaff } from "@/lib/auth/guard";
import { parseRoleList } from "@/lib/auth/roles";
import { MakeOwnerButton } from "./_components/make-owner-button";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage(props: { params: Promise<{ id: string }> }) {
  const session = await requireStaff();
  const org = await getOrganizationDetail((await props.params).id);
  if (!org) notFound();
  // The server action checks again (operators only, fresh sign-in); this only decides whether to offer it.
  const canMakeOwner = isOperator(session.user);
  const hasOwner = org.members.some((m) => parseRoleList(m.role).includes("owner"));
  return (
    <>
      <PageHeader
        title={org.name}
        description={
          <>
            /{org.slug} · created <Time value={org.createdAt} />
          </>
        }
      />
      {hasOwner ? null : (
        <p role="status" className="mb-4 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
          This organization has no owner: nobody can change its settings or delete it. Make a member an owner.
        </p>
      )}
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
                  {canMakeOwner ? (
                    <TableHead>
                      <span className="sr-only">Actions</span>
                    </TableHead>
                  ) : null}
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
                    <TableCell>
                      <Time value={m.joinedAt} />
                    </TableCell>
                    {canMakeOwner ? (
                      <TableCell className="text-right">
                        {parseRoleList(m.role).includes("owner") ? null : (
                          <MakeOwnerButton
                            organizationId={org.id}
                            organizationName={org.name}
                            member={{ id: m.id, name: m.name }}
                          />
                        )}
                      </TableCell>
                    ) : null}
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
                      <TableCell>
                        <Time value={invite.expiresAt} />
                      </TableCell>
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
