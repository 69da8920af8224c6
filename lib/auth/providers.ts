import "server-only";
import { getEnv } from "@/db";
import { configuredProviders, insecureBaseURL, type SocialProvider } from "./social";

/** The social providers this console has settings for (from the Cloudflare env), for the pages. */
export async function socialProviders(): Promise<SocialProvider[]> {
  const env = await getEnv();
  return configuredProviders(env, env.BETTER_AUTH_URL);
}

/** BETTER_AUTH_URL and whether an identity provider would refuse it in production (not https, not this machine). */
export async function baseURLCheck() {
  const env = await getEnv();
  return { baseURL: env.BETTER_AUTH_URL, insecure: insecureBaseURL(env.BETTER_AUTH_URL) };
}
