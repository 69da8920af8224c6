"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { createUserAction } from "@/lib/actions/users/create-user";
import { toast } from "@/lib/toast";
import { type CreateUser, createUserSchema } from "@/lib/validations/users";

const FIELDS = ["name", "email", "role", "passwordMode", "password"] as const;

export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CreateUser>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { name: "", email: "", role: "user", passwordMode: "link", password: "" },
  });
  const pending = form.formState.isSubmitting;
  const mode = form.watch("passwordMode");

  async function onSubmit(values: CreateUser) {
    setError(null);
    const result = await createUserAction(values);
    if (!result.ok) {
      setError(result.error);
      for (const field of FIELDS) {
        const message = result.fieldErrors?.[field];
        if (message) form.setError(field, { message });
      }
      return;
    }
    toast.success(result.message);
    onDone();
    if (result.data) router.push(`/admin/users/${result.data.id}`);
  }

  return (
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
                <Input autoComplete="off" {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="email"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Email</FormLabel>
              <FormControl>
                <Input type="email" autoComplete="off" {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="role"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Role</FormLabel>
              <Select value={field.value} onValueChange={field.onChange}>
                <FormControl>
                  <SelectTrigger className="w-full">
                    <SelectValue />
                  </SelectTrigger>
                </FormControl>
                <SelectContent>
                  <SelectItem value="user">User</SelectItem>
                  <SelectItem value="support">Support</SelectItem>
                  <SelectItem value="admin">Operator</SelectItem>
                </SelectContent>
              </Select>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="passwordMode"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Password</FormLabel>
              <FormControl>
                <RadioGroup value={field.value} onValueChange={field.onChange} aria-label="Password">
                  <div className="flex items-center gap-2">
                    <RadioGroupItem value="link" id="create-user-link" />
                    <Label htmlFor="create-user-link" className="font-normal">
                      Email them a link to set one
                    </Label>
                  </div>
                  <div className="flex items-center gap-2">
                    <RadioGroupItem value="password" id="create-user-password" />
                    <Label htmlFor="create-user-password" className="font-normal">
                      Set a password now
                    </Label>
                  </div>
                </RadioGroup>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        {mode === "password" ? (
          <FormField
            control={form.control}
            name="password"
            render={({ field }) => (
              <FormItem>
                <FormLabel>New password</FormLabel>
                <FormControl>
                  <Input type="password" autoComplete="new-password" {...field} />
                </FormControl>
                <FormDescription>They will be asked to verify their email address at first sign-in.</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
        ) : null}
        <DialogFooter>
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null} Create user
          </Button>
        </DialogFooter>
      </form>
    </Form>
  );
}
