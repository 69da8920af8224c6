"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { ActionForm, ActionFormAlert } from "@/components/forms/action-form";
import { NameField, TextField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { IdentifierField } from "@/components/org/identifier-field";
import { Button } from "@/components/ui/button";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { useKeepTypedValues } from "@/lib/hooks/use-keep-typed-values";
import { updateOrganization } from "@/lib/organization/writes";
import { type UpdateOrganization, updateOrganizationSchema } from "@/lib/validations/organization";
import { OrganizationCard } from "./organization-card";

interface OrganizationSettingsFormProps {
  organization: { id: string; name: string; slug: string; logo: string };
}

/** Name, slug and logo URL, saved through better-auth (which checks organization:update). */
export function OrganizationSettingsForm({ organization }: OrganizationSettingsFormProps) {
  const router = useRouter();
  const state = useActionForm<UpdateOrganization>({
    schema: updateOrganizationSchema,
    defaultValues: { name: organization.name, slug: organization.slug, logo: organization.logo },
    keepValues: true,
    codeFields: { ORGANIZATION_SLUG_ALREADY_TAKEN: "slug" },
    action: (values) => updateOrganization(organization.id, values),
    onSuccess: (_, values) => {
      if (values.slug !== organization.slug) router.replace(`/org/${values.slug}/settings`);
      router.refresh();
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useKeepTypedValues(state.form, formRef, ["name", "slug", "logo"]);
  const { control, formState } = state.form;

  return (
    <OrganizationCard>
      <ActionForm state={state} ref={formRef} className="" alert="none">
        <CardContent className="grid gap-4">
          <ActionFormAlert state={state} />
          <NameField control={control} name="name" autoComplete="organization" />
          <IdentifierField
            control={control}
            name="slug"
            label="Slug"
            description="Changing it changes every address of the organization: /org/<slug>."
          />
          <TextField
            control={control}
            name="logo"
            type="url"
            label="Logo URL"
            placeholder="https://…"
            description="Optional. An https:// address of a square image."
          />
        </CardContent>
        <CardFooter className="mt-6 justify-end">
          <Button type="submit" disabled={state.pending || !formState.isDirty} aria-busy={state.pending}>
            {state.pending ? <Spinner /> : null} Save changes
          </Button>
        </CardFooter>
      </ActionForm>
    </OrganizationCard>
  );
}
