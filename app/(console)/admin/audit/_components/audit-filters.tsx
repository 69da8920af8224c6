"use client";

import { parseAsInteger, useQueryStates } from "nuqs";
import { type FormEvent, useId, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { auditFilterParsers } from "../search-params";

const FIELDS = [
  { key: "actor", label: "Actor", placeholder: "Email or user ID" },
  { key: "target", label: "Target", placeholder: "Email or user ID" },
  { key: "action", label: "Action", placeholder: "e.g. user.ban or user." },
  { key: "org", label: "Organization", placeholder: "Slug or ID" },
] as const;

function isoDay(date: Date | null) {
  return date ? date.toISOString().slice(0, 10) : "";
}

/** Actor, target, action, organization and date range; applied together (one URL change, back to page 1). */
export function AuditFilters({ actions }: { actions: string[] }) {
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [values, setValues] = useQueryStates(
    { ...auditFilterParsers, page: parseAsInteger },
    { shallow: false, history: "push", scroll: false, startTransition },
  );
  const active = FIELDS.some(({ key }) => values[key]) || values.from || values.to;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim() || null;
    const day = (key: string) => {
      const value = text(key);
      const date = value ? new Date(`${value}T00:00:00Z`) : null;
      return date && !Number.isNaN(date.getTime()) ? date : null;
    };
    void setValues({
      actor: text("actor"),
      target: text("target"),
      action: text("action"),
      org: text("org"),
      from: day("from"),
      to: day("to"),
      page: null,
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Audit filters"
      // A new key per URL state: the uncontrolled inputs show the URL's values after back/forward and "Clear".
      key={JSON.stringify(values)}
      className="grid gap-3 rounded-md border p-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      {FIELDS.map(({ key, label, placeholder }) => (
        <div key={key} className="grid gap-1.5">
          <Label htmlFor={`${id}-${key}`}>{label}</Label>
          <Input
            id={`${id}-${key}`}
            name={key}
            defaultValue={values[key]}
            placeholder={placeholder}
            className="h-8"
            list={key === "action" ? `${id}-actions` : undefined}
            autoComplete="off"
          />
        </div>
      ))}
      <datalist id={`${id}-actions`}>
        {actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-from`}>From</Label>
        <Input id={`${id}-from`} name="from" type="date" defaultValue={isoDay(values.from)} className="h-8" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-to`}>To</Label>
        <Input id={`${id}-to`} name="to" type="date" defaultValue={isoDay(values.to)} className="h-8" />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit" size="sm" className="h-8" aria-busy={isPending}>
          {isPending ? <Spinner /> : null} Apply filters
        </Button>
        {active ? (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            className="h-8"
            onClick={() =>
              void setValues({ actor: null, target: null, action: null, org: null, from: null, to: null, page: null })
            }
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
