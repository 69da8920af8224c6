"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A signing secret, shown once, with a copy button. */
export function SecretReveal({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-2">
      <p className="text-sm">
        Signing secret (shown once: store it in your product's settings now; it verifies the{" "}
        <code>webhook-signature</code> header):
      </p>
      <div className="flex items-center gap-2">
        <code
          data-testid="webhook-secret"
          className="bg-muted flex-1 rounded-md px-2 py-1.5 font-mono text-xs break-all"
        >
          {secret}
        </code>
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label="Copy the secret"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        </Button>
      </div>
    </div>
  );
}
