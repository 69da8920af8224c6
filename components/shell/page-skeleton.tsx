import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

export interface FieldSkeletonProps {
  /** Width class of the label line. */
  label?: string;
  /** Height class of the control (h-9 for an input, taller for a text area). */
  control?: string;
  /** Width class of the hint line under the control, when the field has one. */
  hint?: string;
}

/** One form field (label, control, hint) while its form loads: the placeholders of forms that load on demand. */
export function FieldSkeleton({ label = "w-12", control = "h-9", hint }: FieldSkeletonProps) {
  return (
    <div className="grid gap-2">
      <Skeleton className={cn("h-3.5", label)} />
      <Skeleton className={cn("w-full", control)} />
      {hint ? <Skeleton className={cn("h-5", hint)} /> : null}
    </div>
  );
}
