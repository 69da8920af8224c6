"use client";

import { useRouter } from "next/navigation";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";

// The name form loads with its dialog; the WebAuthn client loads when the form is sent.
const AddPasskeyDialog = lazyDialog(() => import("./passkey-name-form").then((module) => module.PasskeyNameForm));

/** "Add a passkey": a name, then the browser's passkey prompt (after "Confirm it's you" if the sign-in is old). */
export function AddPasskeyButton() {
  const router = useRouter();
  return (
    <AddPasskeyDialog
      title="Add a passkey"
      description="Name it after the device or password manager that keeps it. Your browser then asks for your fingerprint, face or PIN."
      trigger={
        <Button variant="outline" size="sm">
          Add a passkey
        </Button>
      }
      onDone={() => router.refresh()}
    />
  );
}
