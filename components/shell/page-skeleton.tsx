import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

/** The loading state of a console page (each section's loading.tsx). */
export function PageSkeleton() {
  return (
    <div className="grid gap-6" role="status" aria-busy="true" aria-label="Loading">
      <div className="grid gap-2">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Skeleton className="h-24" />
        <Skeleton className="h-24" />
        <Skeleton className="h-24" />
      </div>
    </div>
  );
}

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
