// Webhook settings (README, "Configuration") and the rule for endpoint URLs. Pure: the forms, the actions, the
// worker's delivery and the tests read it.

export interface WebhookSettings {
  /** Seconds between attempts, comma-separated; one attempt more than there are waits. */
  WEBHOOK_RETRY_SECONDS?: string;
  /** `on`: endpoints on loopback (http://127.0.0.1, http://localhost, http://[::1]) are allowed. */
  WEBHOOK_ALLOW_LOOPBACK?: string;
  /** Days events, deliveries and attempts are kept (default 30). */
  WEBHOOK_RETENTION_DAYS?: string;
}

/** Svix's schedule, shortened at the end: 8 attempts over about 27 hours. */
export const DEFAULT_RETRY_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000];
/** One attempt's limit. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** How long an attempt is claimed for (longer than its timeout): a crash leaves it due again after this. */
export const CLAIM_LEASE_MS = 60_000;
/** An endpoint that has failed for this long is disabled and its owners mailed. */
export const FAILING_DISABLE_MS = 24 * 60 * 60 * 1000;
/** Response bodies are kept up to this many bytes. */
export const RESPONSE_BODY_LIMIT = 1024;
/** After a rotation, the previous secret keeps signing for this long. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export function retrySchedule(settings: WebhookSettings): number[] {
  const parsed = (settings.WEBHOOK_RETRY_SECONDS ?? "")
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isFinite(n) && n >= 0);
  return parsed.length > 0 ? parsed : DEFAULT_RETRY_SECONDS;
}

export function retentionDays(settings: WebhookSettings): number {
  const days = Number(settings.WEBHOOK_RETENTION_DAYS);
  return Number.isFinite(days) && days >= 1 ? Math.floor(days) : 30;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why a URL cannot be an endpoint, or null when it can: https only, loopback http only where allowed. */
export function endpointUrlProblem(value: string, settings: WebhookSettings): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, like https://example.com/webhooks.";
  }
  if (url.username || url.password) return "The URL cannot contain a user name or password.";
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (loopback) {
    if ((settings.WEBHOOK_ALLOW_LOOPBACK ?? "").trim().toLowerCase() !== "on") {
      return "Loopback addresses are not allowed here.";
    }
    return url.protocol === "http:" || url.protocol === "https:" ? null : "Use an http or https URL.";
  }
  if (url.protocol !== "https:") return "Use an https URL.";
  return null;
}
