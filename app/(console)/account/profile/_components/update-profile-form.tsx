"use client";

import { useRouter } from "next/navigation";
import { NameField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { initials } from "@/components/shell/user-menu";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";
import { type Profile, profileSchema } from "@/lib/validations/account";
import { AccountFormCard } from "../../_components/account-form-card";

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
    <AccountFormCard
      title="Your details"
      description="How you appear to other members of your organizations."
      state={state}
      label="Your details"
      submitLabel="Save profile"
      pendingLabel="Saving…"
    >
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
            <FormDescription>An https:// link to a square image. Leave it empty to show your initials.</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
    </AccountFormCard>
  );
}
