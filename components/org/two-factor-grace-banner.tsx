import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Time } from "@/components/time/time";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { daysLeftText } from "@/lib/organization/two-factor-policy";

interface TwoFactorGraceBannerProps {
  organizationName: string;
  deadline: Date;
  daysLeft: number;
}

/** On every page of an organization that requires two-factor, while the member's grace period runs. */
export function TwoFactorGraceBanner({ organizationName, deadline, daysLeft }: TwoFactorGraceBannerProps) {
  return (
    <Alert className="mb-6" data-testid="two-factor-banner">
      <ShieldAlert aria-hidden />
      <AlertTitle>{organizationName} requires two-factor authentication</AlertTitle>
      <AlertDescription>
        <p>
          Sign in with a second factor {daysLeftText(daysLeft)} (by <Time value={deadline} format="datetime" />) to keep
          access.{" "}
          <Link href="/account/security" className="font-medium underline underline-offset-4">
            Set up two-factor
          </Link>
        </p>
      </AlertDescription>
    </Alert>
  );
}
