"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { addDomainAction } from "@/lib/actions/organization/add-domain";
import { type DomainInput, domainInputSchema } from "@/lib/validations/organization-rules";

/** Claims a domain; verifying it comes next, on its card. */
export function AddDomainForm({ slug }: { slug: string }) {
  const router = useRouter();
  const state = useActionForm<DomainInput, { id: string; domain: string }>({
    schema: domainInputSchema,
    defaultValues: { domain: "" },
    action: (values) => addDomainAction({ ...values, slug }),
    onSuccess: () => router.refresh(),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Add a domain</h2>
        </CardTitle>
        <CardDescription>
          The part after the @ of your company's addresses. Free-mail and disposable providers cannot be added.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ActionForm state={state} aria-label="Add a domain" className="flex flex-wrap items-start gap-3">
          <div className="min-w-64 flex-1">
            <TextField
              control={state.form.control}
              name="domain"
              label="Domain"
              placeholder="example.com"
              autoComplete="off"
            />
          </div>
          <Button type="submit" className="mt-[1.375rem]" disabled={state.pending} aria-busy={state.pending}>
            {state.pending ? <Spinner /> : null} Add domain
          </Button>
        </ActionForm>
      </CardContent>
    </Card>
  );
}
