"use client";

import { useRouter } from "next/navigation";
import { SubmitButton } from "@/components/auth/submit-button";
import { ActionForm, ActionFormAlert } from "@/components/forms/action-form";
import { NameField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { initials } from "@/components/shell/user-menu";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { fromAuth } from "@/lib/actions/result";
import { loadAuthClient } from "@/lib/auth/load-client";
import { type Profile, profileSchema } from "@/lib/validations/account";

interface UpdateProfileFormProps {
  name: string;
  image: string;
}

/** Name and avatar URL, saved through better-auth's updateUser. */
export function UpdateProfileForm({ name, image }: UpdateProfileFormProps) {
  const router = useRouter();
  const state = useActionForm<Profile, unknown>({
    schema: profileSchema,
    defaultValues: { name, image },
    action: async (values) => {
      const client = await loadAuthClient();
      return fromAuth(await client.updateUser({ name: values.name, image: values.image || null }), "Profile saved.");
    },
    keepValues: true,
    onSuccess: () => router.refresh(), // the shell's user menu shows what the server reads: the new name and avatar
  });
  const preview = state.form.watch("image");
  const previewName = state.form.watch("name");

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Your details</h2>
        </CardTitle>
        <CardDescription>How you appear to other members of your organizations.</CardDescription>
      </CardHeader>
      <ActionForm state={state} alert="none" className="" aria-label="Your details">
        <CardContent className="grid gap-4">
          <ActionFormAlert state={state} />
          <NameField control={state.form.control} name="name" />
          <FormField
            control={state.form.control}
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
          <SubmitButton pending={state.pending} pendingLabel="Saving…" className="">
            Save profile
          </SubmitButton>
        </CardFooter>
      </ActionForm>
    </Card>
  );
}
