"use client";

import { Copy, Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { toast } from "@/lib/toast";

interface BackupCodesProps {
  codes: string[];
}

function asText(codes: string[]) {
  return [
    "Gatehouse backup codes",
    "Each code signs you in once when your authenticator app is not at hand.",
    "",
    ...codes,
    "",
  ].join("\n");
}

/** Freshly issued backup codes: shown once, with copy and download. */
export function BackupCodes({ codes }: BackupCodesProps) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(asText(codes));
      toast.success("Backup codes copied.");
    } catch {
      toast.error("Copying is not allowed here: select the codes and copy them by hand.");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([asText(codes)], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "gatehouse-backup-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="grid gap-3">
      <p className="text-sm">
        Keep these somewhere safe. Each one signs you in <strong>once</strong> if you lose your authenticator app. They
        will not be shown again.
      </p>
      <ul
        aria-label="Backup codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border bg-muted/40 p-4 font-mono text-sm"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={copy}>
          <Copy aria-hidden /> Copy codes
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={download}>
          <Download aria-hidden /> Download
        </Button>
      </div>
    </div>
  );
}
