"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/result";
import { toast } from "@/lib/toast";

interface ActionButtonProps extends Omit<ButtonProps, "onClick" | "type"> {
  /** Runs on click, behind step-up; its sentence is toasted either way, and a success refreshes the page's data. */
  action: () => Promise<ActionResult<unknown>>;
}

/** A button that runs one action without a confirmation (nothing is lost by it): checks, sends, approvals. */
export function ActionButton({ action, children, disabled, ...props }: ActionButtonProps) {
  const router = useRouter();
  const stepUp = useStepUp();
  const [pending, setPending] = useState(false);

  async function run() {
    setPending(true);
    try {
      const result = await stepUp(action);
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      if (result.message) toast.success(result.message);
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      {...props}
      disabled={disabled || pending}
      aria-busy={pending}
      onClick={() => void run()}
    >
      {pending ? <Spinner /> : null} {children}
    </Button>
  );
}
