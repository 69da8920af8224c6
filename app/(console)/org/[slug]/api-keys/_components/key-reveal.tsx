"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A new API key, shown once, with a copy button and how to send it. */
export function KeyReveal({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-2">
      <p className="text-sm">
        Your key (shown once: store it in your system's secrets now). Send it as{" "}
        <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <div className="flex items-center gap-2">
        <code
          data-testid="api-key-secret"
          className="bg-muted flex-1 rounded-md px-2 py-1.5 font-mono text-xs break-all"
        >
          {secret}
        </code>
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label="Copy the key"
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
