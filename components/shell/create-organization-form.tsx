"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { NameField } from "@/components/forms/fields";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { IdentifierField } from "@/components/org/identifier-field";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { createOrganization, slugAvailability } from "@/lib/organization/writes";
import { createOrganizationSchema, slugify, slugSchema } from "@/lib/validations/organization";

type Availability = "idle" | "checking" | "available" | "taken";

/** Name → slug (until the slug is edited by hand), with a live availability check of the slug. */
export function CreateOrganizationForm({ close }: DialogFormProps) {
  const router = useRouter();
  const [availability, setAvailability] = useState<Availability>("idle");
  const state = useActionForm({
    schema: createOrganizationSchema,
    defaultValues: { name: "", slug: "" },
    action: async (values) => {
      const result = await createOrganization(values);
      if (!result.ok && result.code === "ORGANIZATION_SLUG_ALREADY_TAKEN") setAvailability("taken");
      return result;
    },
    onSuccess: ({ data }) => {
      close();
      if (data) router.push(`/org/${data.slug}`);
      router.refresh();
    },
  });
  const { control, setValue, getValues } = state.form;
  const submitted = state.form.formState.isSubmitted;
  const name = useWatch({ control, name: "name" });
  const slug = useWatch({ control, name: "slug" });
  // A slug kept from before the dialog was closed, and not the name's, was typed by hand.
  const slugEdited = useRef(getValues("slug") !== slugify(getValues("name")));

  useEffect(() => {
    if (!slugEdited.current) setValue("slug", slugify(name), { shouldValidate: submitted });
  }, [name, setValue, submitted]);

  useEffect(() => {
    if (!slugSchema.safeParse(slug).success) {
      setAvailability("idle");
      return;
    }
    setAvailability("checking");
    let cancelled = false;
    const timer = setTimeout(async () => {
      const answer = await slugAvailability(slug);
      if (!cancelled) setAvailability(answer === "unknown" ? "idle" : answer);
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [slug]);

  return (
    <ActionForm state={state}>
      <NameField control={control} name="name" autoComplete="organization" />
      <IdentifierField
        control={control}
        name="slug"
        label="Slug"
        onInput={(value) => {
          slugEdited.current = true;
          return value.toLowerCase();
        }}
        checkTestId="slug-availability"
        description={
          availability === "checking" ? (
            <span className="inline-flex items-center gap-1">
              <Spinner /> Checking /org/{slug}…
            </span>
          ) : availability === "available" ? (
            <span className="text-emerald-700 dark:text-emerald-400">/org/{slug} is available.</span>
          ) : availability === "taken" ? (
            <span className="text-destructive">/org/{slug} is taken. Choose another slug.</span>
          ) : (
            "The address of the organization: lowercase letters, digits and dashes."
          )
        }
      />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.pending || availability === "taken"} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Create organization
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
