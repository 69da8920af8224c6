import { AlertCircle, CheckCircle2 } from "lucide-react";
import type { ReactNode } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";

interface FormAlertProps {
  children: ReactNode;
  tone?: "error" | "success";
}

/** The message above a form: errors are announced to screen readers (role=alert). */
export function FormAlert({ children, tone = "error" }: FormAlertProps) {
  const error = tone === "error";
  return (
    <Alert
      variant={error ? "destructive" : "default"}
      role={error ? "alert" : "status"}
      data-testid={error ? "form-error" : "form-success"}
    >
      {error ? <AlertCircle aria-hidden /> : <CheckCircle2 aria-hidden />}
      <AlertDescription>{children}</AlertDescription>
    </Alert>
  );
}
