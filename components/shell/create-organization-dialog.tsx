"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { authClient } from "@/lib/auth/client";
import { describeAuthError } from "@/lib/auth/errors";
import { toast } from "@/lib/toast";
import { type CreateOrganization, createOrganizationSchema, slugify, slugSchema } from "@/lib/validations/organization";

interface CreateOrganizationDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

type Availability = "idle" | "checking" | "available" | "taken";

/** Name → slug (until the slug is edited by hand), with a live availability check of the slug. */
export function CreateOrganizationDialog({ open, onOpenChange }: CreateOrganizationDialogProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [availability, setAvailability] = useState<Availability>("idle");
  const slugEdited = useRef(false);
  const form = useForm<CreateOrganization>({
    resolver: zodResolver(createOrganizationSchema),
    defaultValues: { name: "", slug: "" },
  });
  const slug = useWatch({ control: form.control, name: "slug" });
  const pending = form.formState.isSubmitting;

  useEffect(() => {
    if (!slugSchema.safeParse(slug).success) {
      setAvailability("idle");
      return;
    }
    setAvailability("checking");
    let cancelled = false;
    const timer = setTimeout(async () => {
      const { data, error } = await authClient.organization.checkSlug({ slug });
      if (cancelled) return;
      setAvailability(
        data?.status ? "available" : error?.code === "ORGANIZATION_SLUG_ALREADY_TAKEN" ? "taken" : "idle",
      );
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [slug]);

  async function onSubmit(values: CreateOrganization) {
    setError(null);
    const { data, error } = await authClient.organization.create({ name: values.name, slug: values.slug });
    if (error || !data) {
      if (error?.code === "ORGANIZATION_SLUG_ALREADY_TAKEN") setAvailability("taken");
      setError(describeAuthError(error));
      return;
    }
    toast.success(`Created ${data.name}`);
    onOpenChange(false);
    form.reset();
    slugEdited.current = false;
    router.push(`/org/${data.slug}`);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create organization</DialogTitle>
          <DialogDescription>You will be its owner. You can invite people next.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
            {error ? <FormAlert>{error}</FormAlert> : null}
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input
                      autoComplete="organization"
                      {...field}
                      onChange={(event) => {
                        field.onChange(event);
                        if (!slugEdited.current) {
                          form.setValue("slug", slugify(event.target.value), {
                            shouldValidate: form.formState.isSubmitted,
                          });
                        }
                      }}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="slug"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Slug</FormLabel>
                  <FormControl>
                    <Input
                      autoComplete="off"
                      spellCheck={false}
                      {...field}
                      onChange={(event) => {
                        slugEdited.current = true;
                        field.onChange(event.target.value.toLowerCase());
                      }}
                    />
                  </FormControl>
                  <FormDescription aria-live="polite" data-testid="slug-availability">
                    {availability === "checking" ? (
                      <span className="inline-flex items-center gap-1">
                        <Spinner /> Checking /org/{slug}…
                      </span>
                    ) : availability === "available" ? (
                      <span className="text-emerald-700 dark:text-emerald-400">/org/{slug} is available.</span>
                    ) : availability === "taken" ? (
                      <span className="text-destructive">/org/{slug} is taken. Choose another slug.</span>
                    ) : (
                      "The address of the organization: lowercase letters, digits and dashes."
                    )}
                  </FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending || availability === "taken"} aria-busy={pending}>
                {pending ? <Spinner /> : null} Create organization
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
