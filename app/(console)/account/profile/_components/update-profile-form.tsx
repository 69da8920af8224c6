"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { initials } from "@/components/shell/user-menu";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";
import { type Profile, profileSchema } from "@/lib/validations/account";

interface UpdateProfileFormProps {
  name: string;
  image: string;
}

/** Name and avatar URL, saved through better-auth's updateUser. */
export function UpdateProfileForm({ name, image }: UpdateProfileFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Profile>({ resolver: zodResolver(profileSchema), defaultValues: { name, image } });
  const pending = form.formState.isSubmitting;
  const preview = form.watch("image");
  const previewName = form.watch("name");

  async function onSubmit(values: Profile) {
    setError(null);
    const { error } = await (await loadAuthClient()).updateUser({ name: values.name, image: values.image || null });
    if (error) {
      setError(describeAuthError(error));
      return;
    }
    form.reset(values);
    toast.success("Profile saved.");
    router.refresh(); // the shell's user menu shows what the server reads: the new name and avatar
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Your details</h2>
        </CardTitle>
        <CardDescription>How you appear to other members of your organizations.</CardDescription>
      </CardHeader>
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Your details">
          <CardContent className="grid gap-4">
            {error ? <FormAlert>{error}</FormAlert> : null}
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input autoComplete="name" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="image"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Avatar URL</FormLabel>
                  <div className="flex items-center gap-3">
                    <Avatar className="size-10">
                      {preview && profileSchema.shape.image.safeParse(preview).success ? (
                        <AvatarImage src={preview} alt="" />
                      ) : null}
                      <AvatarFallback>{initials(previewName)}</AvatarFallback>
                    </Avatar>
                    <FormControl>
                      <Input type="url" inputMode="url" placeholder="https://…" {...field} />
                    </FormControl>
                  </div>
                  <FormDescription>
                    An https:// link to a square image. Leave it empty to show your initials.
                  </FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
          <CardFooter className="mt-6 justify-end">
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Spinner /> : null}
              {pending ? "Saving…" : "Save profile"}
            </Button>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
