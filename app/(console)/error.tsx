"use client";

import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";

interface ConsoleErrorProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/** Shown in place of a console page that failed; the shell stays usable. */
export default function ConsoleError({ error, reset }: ConsoleErrorProps) {
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <AlertTriangle className="size-8 text-destructive" aria-hidden />
      <h1 className="font-semibold text-xl">Something went wrong</h1>
      <p className="text-muted-foreground">
        This page could not be loaded. Try again; if it keeps failing, quote this reference to your administrator:{" "}
        <code>{error.digest ?? "n/a"}</code>
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
