import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-svh flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="font-mono text-muted-foreground text-sm">404</p>
      <h1 className="font-semibold text-2xl">This page does not exist</h1>
      <p className="max-w-sm text-muted-foreground">
        The address may be mistyped, or the page belongs to an organization you are not a member of.
      </p>
      <Button asChild>
        <Link href="/">Go to the console</Link>
      </Button>
    </main>
  );
}
