"use client";

import { XIcon } from "lucide-react";
import { parseAsInteger, useQueryStates } from "nuqs";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { auditFilterParsers } from "../search-params";

const LABELS = { actor: "Actor", target: "Target", org: "Organization", from: "From", to: "To" } as const;
type Key = keyof typeof LABELS;

/**
 * The narrowing that arrives by link (a user's or an organization's trail, a date range) as chips in the filter bar,
 * each removable; nothing when the URL has none.
 */
export function AuditNarrowing() {
  const [isPending, startTransition] = useTransition();
  const [values, setValues] = useQueryStates(
    { ...auditFilterParsers, page: parseAsInteger },
    { shallow: false, history: "push", scroll: false, startTransition },
  );
  const active = (Object.keys(LABELS) as Key[]).filter((key) => values[key]);
  if (active.length === 0) return null;
  return (
    <ul aria-label="Narrowed to" aria-busy={isPending} className="flex flex-wrap items-center gap-2">
      {active.map((key) => {
        const value = values[key];
        const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
        return (
          <li key={key}>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              className="h-8 max-w-full"
              aria-label={`Remove filter ${LABELS[key]}: ${text}`}
              onClick={() => void setValues({ [key]: null, page: null })}
            >
              <span className="truncate">
                {LABELS[key]}: {text}
              </span>
              <XIcon aria-hidden />
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
