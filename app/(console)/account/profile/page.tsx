import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const { user } = await requireSession();
  return (
    <>
      <PageHeader title="Profile" description="Your name and email address." />
      <Card className="max-w-xl">
        <CardContent>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-3 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{user.name}</dd>
            <dt className="text-muted-foreground">Email</dt>
            <dd className="flex flex-wrap items-center gap-2">
              {user.email}
              <Badge variant={user.emailVerified ? "secondary" : "destructive"}>
                {user.emailVerified ? "Verified" : "Not verified"}
              </Badge>
            </dd>
            <dt className="text-muted-foreground">Member since</dt>
            <dd>
              <time dateTime={user.createdAt.toISOString()}>{user.createdAt.toLocaleDateString("en")}</time>
            </dd>
          </dl>
        </CardContent>
      </Card>
    </>
  );
}
