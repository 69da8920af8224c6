import type { ReactNode } from "react";
import { CardDescription, CardHeader } from "@/components/ui/card";

interface AuthCardHeaderProps {
  title: string;
  description?: ReactNode;
}

/** Title (the page's h1) and description of an auth card. */
export function AuthCardHeader({ title, description }: AuthCardHeaderProps) {
  return (
    <CardHeader>
      <h1 className="font-semibold text-xl leading-none">{title}</h1>
      {description ? <CardDescription>{description}</CardDescription> : null}
    </CardHeader>
  );
}
