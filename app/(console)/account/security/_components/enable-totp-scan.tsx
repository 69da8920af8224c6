"use client";

// The "scan" step of setting up an authenticator app (QR code, the key by hand, the confirming code): part of the
// set-up dialog's body (enable-totp-steps.tsx), which loads when the dialog opens; the QR library when it draws.
import { Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { SubmitButton } from "@/components/auth/submit-button";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";
import { type SixDigitCode, sixDigitCodeSchema } from "@/lib/validations/account";

/** The QR code of an otpauth:// URI, drawn in the browser (the secret never leaves it for a QR service). */
function QrCode({ uri }: { uri: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // The QR library loads with the first code to draw, not with the security page.
    import("qrcode")
      .then(({ default: QRCode }) => QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }))
      .then((markup) => {
        if (live) setSvg(markup);
      });
    return () => {
      live = false;
    };
  }, [uri]);
  if (!svg) return <Skeleton className="size-44" />;
  return (
    // biome-ignore lint/performance/noImgElement: a data: URL drawn locally, nothing for next/image to optimise
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt="QR code to scan with your authenticator app"
      className="size-44 rounded-md border bg-white p-1"
    />
  );
}

/** The secret as an authenticator app asks for it: base32, in groups of four. */
function ManualSecret({ uri }: { uri: string }) {
  const secret = new URL(uri).searchParams.get("secret") ?? "";
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      toast.success("Secret copied.");
    } catch {
      toast.error("Copying is not allowed here: type the key by hand.");
    }
  }
  return (
    <div className="grid gap-1">
      <p className="text-muted-foreground text-xs">Can't scan? Enter this key in the app:</p>
      <div className="flex items-center gap-2">
        <code className="rounded bg-muted px-2 py-1 font-mono text-sm" data-testid="totp-secret">
          {grouped}
        </code>
        <Button type="button" variant="ghost" size="icon-sm" onClick={copy} aria-label="Copy the key">
          <Copy aria-hidden />
        </Button>
      </div>
    </div>
  );
}

// A code the app got wrong, or one already spent, is a problem of the field: its words go under it.
const CODE_ERRORS = { INVALID_CODE: "code", TOTP_CODE_ALREADY_USED: "code" } as const;

function ConfirmCodeForm({ onConfirmed }: { onConfirmed: () => void }) {
  const state = useActionForm<SixDigitCode, unknown>({
    schema: sixDigitCodeSchema,
    defaultValues: { code: "" },
    action: async ({ code }) => {
      const { twoFactor } = await loadAuthClient();
      const result = await fromAuth(await twoFactor.verifyTotp({ code }), "Authenticator app set up.");
      if (!result.ok && result.code && result.code in CODE_ERRORS) state.form.setFocus("code");
      return result;
    },
    onSuccess: onConfirmed,
    codeFields: CODE_ERRORS,
  });

  return (
    <ActionForm state={state} className="grid gap-3">
      <FormField
        control={state.form.control}
        name="code"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Code from the app</FormLabel>
            <FormControl>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={9} {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <div className="flex justify-end">
        <SubmitButton pending={state.pending} pendingLabel="Checking…" className="">
          Confirm and turn on
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

/** QR code, key and confirming code, side by side as the dialog shows them. */
export function ScanStep({ uri, onConfirmed }: { uri: string; onConfirmed: () => void }) {
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-4">
        <QrCode uri={uri} />
        <ManualSecret uri={uri} />
      </div>
      <ConfirmCodeForm onConfirmed={onConfirmed} />
    </div>
  );
}
