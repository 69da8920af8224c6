import { FormAlert } from "@/components/auth/form-alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SocialProvider } from "@/lib/auth/social";
import { CopyButton } from "./copy-button";

interface SignInProvidersCardProps {
  providers: SocialProvider[];
  baseURL: string;
  /** BETTER_AUTH_URL is not https (and not this machine): identity providers refuse such redirect URIs. */
  insecure: boolean;
}

/**
 * The social providers this console is configured for, with the exact redirect URI each identity provider must have
 * registered: a provider refuses any other, and this is where the mismatch gets fixed.
 */
export function SignInProvidersCard({ providers, baseURL, insecure }: SignInProvidersCardProps) {
  return (
    <Card className="max-w-4xl">
      <CardHeader>
        <CardTitle>
          <h2>Social sign-in</h2>
        </CardTitle>
        <CardDescription>
          Register each callback URL with its provider exactly as shown. It is derived from BETTER_AUTH_URL ({baseURL}).
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {insecure ? (
          <FormAlert>
            BETTER_AUTH_URL is not https. Google, GitHub and most identity providers refuse plain-http redirect URIs
            outside localhost: set it to the console's https address.
          </FormAlert>
        ) : null}
        {providers.length === 0 ? (
          <p className="text-muted-foreground text-sm">
            No provider is configured. Set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, GITHUB_CLIENT_ID and
            GITHUB_CLIENT_SECRET, or OIDC_DISCOVERY_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (see the README).
          </p>
        ) : (
          <ul aria-label="Configured providers" className="divide-y">
            {providers.map((provider) => (
              <li key={provider.id} className="grid gap-1 py-3">
                <p className="font-medium text-sm">{provider.name}</p>
                <div className="flex flex-wrap items-center gap-2">
                  <code
                    className="break-all rounded bg-muted px-2 py-1 text-xs"
                    data-testid={`callback-${provider.id}`}
                  >
                    {provider.callbackURL}
                  </code>
                  <CopyButton value={provider.callbackURL} label={`Copy the ${provider.name} callback URL`} />
                </div>
                <p className="text-muted-foreground text-xs">Scopes: {provider.scopes.join(" ")}</p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
