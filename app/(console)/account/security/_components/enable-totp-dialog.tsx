"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Copy } from "lucide-react";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { BackupCodes } from "@/components/account/backup-codes";
import { PasswordConfirmForm } from "@/components/account/password-confirm-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { authClient } from "@/lib/auth/client";
import { describeAuthError } from "@/lib/auth/errors";
import { toast } from "@/lib/toast";
import { type SixDigitCode, sixDigitCodeSchema } from "@/lib/validations/account";
import { passwordOutcome } from "./password-outcome";

type Step =
  | { name: "password" }
  | { name: "scan"; uri: string; backupCodes: string[] }
  | { name: "codes"; backupCodes: string[] };

interface EnableTotpDialogProps {
  onDone: () => void;
}

/** The QR code of an otpauth:// URI, drawn in the browser (the secret never leaves it for a QR service). */
function QrCode({ uri }: { uri: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then((markup) => {
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

function ConfirmCodeForm({ onConfirmed }: { onConfirmed: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SixDigitCode, unknown, { code: string }>({
    resolver: zodResolver(sixDigitCodeSchema),
    defaultValues: { code: "" },
  });
  const pending = form.formState.isSubmitting;

  async function onSubmit({ code }: { code: string }) {
    setError(null);
    const { error } = await authClient.twoFactor.verifyTotp({ code });
    if (error) {
      if (error.code === "INVALID_CODE" || error.code === "TOTP_CODE_ALREADY_USED") {
        form.setError("code", { message: describeAuthError(error) }, { shouldFocus: true });
      } else setError(describeAuthError(error));
      return;
    }
    onConfirmed();
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-3">
        {error ? <FormAlert>{error}</FormAlert> : null}
        <FormField
          control={form.control}
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
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            {pending ? "Checking…" : "Confirm and turn on"}
          </Button>
        </div>
      </form>
    </Form>
  );
}

/** Set up an authenticator app: password, then scan and confirm with a code, then the backup codes (once). */
export function EnableTotpDialog({ onDone }: EnableTotpDialogProps) {
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ name: "password" });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      if (step.name === "codes") onDone();
      setStep({ name: "password" });
    }
  }

  async function start(password: string) {
    const { data, error } = await authClient.twoFactor.enable({ password });
    if (data && "totpURI" in data) setStep({ name: "scan", uri: data.totpURI, backupCodes: data.backupCodes });
    return passwordOutcome(error);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">Set up authenticator app</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{step.name === "codes" ? "Save your backup codes" : "Set up an authenticator app"}</DialogTitle>
          <DialogDescription>
            {step.name === "password" && "Enter your password to start."}
            {step.name === "scan" &&
              "Scan the QR code with an app such as 1Password, Google Authenticator or Authy, then enter the code it shows."}
            {step.name === "codes" && "Two-factor authentication is on."}
          </DialogDescription>
        </DialogHeader>
        {step.name === "password" ? (
          <PasswordConfirmForm submitLabel="Continue" pendingLabel="Checking…" onConfirm={start} />
        ) : null}
        {step.name === "scan" ? (
          <div className="grid gap-4">
            <div className="flex flex-wrap items-center gap-4">
              <QrCode uri={step.uri} />
              <ManualSecret uri={step.uri} />
            </div>
            <ConfirmCodeForm
              onConfirmed={() => {
                toast.success("Authenticator app set up.");
                setStep({ name: "codes", backupCodes: step.backupCodes });
              }}
            />
          </div>
        ) : null}
        {step.name === "codes" ? (
          <>
            <BackupCodes codes={step.backupCodes} />
            <div className="flex justify-end">
              <Button onClick={() => onOpenChange(false)}>I have saved them</Button>
            </div>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
