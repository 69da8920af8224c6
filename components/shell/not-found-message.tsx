import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The one 404 message: outside the console (app/not-found.tsx) and inside its shell (app/(console)/not-found.tsx). */
export function NotFoundMessage({ className }: { className?: string }) {
  return (
    <div className={className}>
      <p className="font-mono text-muted-foreground text-sm">404</p>
      <h1 className="font-semibold text-2xl">This page does not exist</h1>
      <p className="max-w-sm text-muted-foreground">
        The address may be mistyped, or the page belongs to an organization you are not a member of.
      </p>
      <Button asChild>
        <Link href="/">Go to the console</Link>
      </Button>
    </div>
  );
}
