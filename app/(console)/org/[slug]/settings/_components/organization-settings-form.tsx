"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient } from "@/lib/auth/load-client";
import { useKeepTypedValues } from "@/lib/hooks/use-keep-typed-values";
import { toast } from "@/lib/toast";
import { type UpdateOrganization, updateOrganizationSchema } from "@/lib/validations/organization";

interface OrganizationSettingsFormProps {
  organization: { id: string; name: string; slug: string; logo: string };
}

/** Name, slug and logo URL, saved through better-auth (which checks organization:update). */
export function OrganizationSettingsForm({ organization }: OrganizationSettingsFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<UpdateOrganization>({
    resolver: zodResolver(updateOrganizationSchema),
    defaultValues: { name: organization.name, slug: organization.slug, logo: organization.logo },
  });
  const pending = form.formState.isSubmitting;
  const formRef = useRef<HTMLFormElement>(null);
  useKeepTypedValues(form, formRef, ["name", "slug", "logo"]);

  async function onSubmit(values: UpdateOrganization) {
    const authClient = await loadAuthClient();
    setError(null);
    const { error } = await authClient.organization.update({
      organizationId: organization.id,
      data: { name: values.name, slug: values.slug, logo: values.logo === "" ? undefined : values.logo },
    });
    if (error) {
      if (error.code === "ORGANIZATION_SLUG_ALREADY_TAKEN") {
        form.setError("slug", { message: describeAuthError(error) });
      }
      setError(describeAuthError(error));
      return;
    }
    toast.success("Organization saved");
    form.reset(values);
    if (values.slug !== organization.slug) router.replace(`/org/${values.slug}/settings`);
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Organization</CardTitle>
        <CardDescription>How the organization appears in the console and in invitation emails.</CardDescription>
      </CardHeader>
      <Form {...form}>
        <form ref={formRef} onSubmit={form.handleSubmit(onSubmit)} noValidate>
          <CardContent className="grid gap-4">
            {error ? <FormAlert>{error}</FormAlert> : null}
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input autoComplete="organization" {...field} />
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
                    <Input autoComplete="off" spellCheck={false} {...field} />
                  </FormControl>
                  <FormDescription>
                    Changing it changes every address of the organization: /org/&lt;slug&gt;.
                  </FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="logo"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Logo URL</FormLabel>
                  <FormControl>
                    <Input type="url" inputMode="url" placeholder="https://…" {...field} />
                  </FormControl>
                  <FormDescription>Optional. An https:// address of a square image.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
          <CardFooter className="mt-6 justify-end">
            <Button type="submit" disabled={pending || !form.formState.isDirty} aria-busy={pending}>
              {pending ? <Spinner /> : null} Save changes
            </Button>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
