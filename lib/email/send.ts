// The only module that talks to Resend. No "server-only" import: Node scripts and vitest load it too.
// Import @react-email/render directly (never @react-email/components or <Tailwind>): they bloat the Worker.
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";

/** Mail settings, read from the Worker env (or process.env in scripts). */
export interface MailSettings {
  RESEND_API_KEY?: string;
  RESEND_BASE_URL?: string;
  MAIL_FROM?: string;
  APP_NAME?: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  react: ReactElement;
  text: string;
}

export const DEFAULT_MAIL_FROM = "Gatehouse <no-reply@gatehouse.local>";
const LOCAL_API_KEY = "re_local";
const RESEND_API_URL = "https://api.resend.com";

/** Raised when Resend (or the local sink) refuses an email or cannot be reached; `message` is the underlying one. */
export class MailDeliveryError extends Error {
  readonly to: string;
  readonly subject: string;
  /** HTTP status from Resend, or null when the request never got an answer. */
  readonly statusCode: number | null;
  /** Resend's error name, e.g. "validation_error" or "application_error". */
  readonly code: string;

  constructor(
    message: string,
    details: { to: string; subject: string; statusCode?: number | null; code?: string; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.name = "MailDeliveryError";
    this.to = details.to;
    this.subject = details.subject;
    this.statusCode = details.statusCode ?? null;
    this.code = details.code ?? "application_error";
  }
}

/** The product name used in subjects and templates. */
export function appNameOf(settings: MailSettings): string {
  return settings.APP_NAME?.trim() || "Gatehouse";
}

function resendFor(settings: MailSettings, fail: (text: string, extra?: { code?: string }) => MailDeliveryError) {
  const baseUrl = settings.RESEND_BASE_URL?.trim().replace(/\/+$/, "") || undefined;
  const resend = new Resend(settings.RESEND_API_KEY || LOCAL_API_KEY, { baseUrl });
  if (!settings.RESEND_API_KEY && resend.baseUrl.replace(/\/+$/, "") === RESEND_API_URL) {
    // Without this, a missing key would only surface as Resend's 401 for "re_local".
    throw fail("RESEND_API_KEY is not set and RESEND_BASE_URL does not point at a mail sink", {
      code: "missing_api_key",
    });
  }
  return resend;
}

/** Resend's batch endpoint takes at most this many emails per request. */
export const MAX_BATCH_EMAILS = 100;

/**
 * Sends many emails through Resend's batch endpoint: one request per 100, so a hundred invitations cost one
 * subrequest instead of a hundred. Resolves with each email's id, in order; throws MailDeliveryError when a batch is
 * refused (the emails of earlier batches were sent: `sent` says how many).
 */
export async function sendEmailBatch(settings: MailSettings, messages: OutgoingEmail[]): Promise<{ ids: string[] }> {
  const ids: string[] = [];
  for (let start = 0; start < messages.length; start += MAX_BATCH_EMAILS) {
    const part = messages.slice(start, start + MAX_BATCH_EMAILS);
    const first = part[0];
    if (!first) break;
    const fail = (text: string, extra: { statusCode?: number | null; code?: string; cause?: unknown } = {}) =>
      Object.assign(new MailDeliveryError(text, { to: first.to, subject: first.subject, ...extra }), { sent: start });
    const resend = resendFor(settings, fail);
    const payload = await Promise.all(
      part.map(async (message) => ({
        from: settings.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
        to: message.to,
        subject: message.subject.replace(/[\r\n]+/g, " ").trim(),
        html: await render(message.react),
        text: message.text,
      })),
    );
    let result: Awaited<ReturnType<Resend["batch"]["send"]>>;
    try {
      result = await resend.batch.send(payload);
    } catch (error) {
      throw fail(error instanceof Error ? error.message : String(error), { cause: error });
    }
    if (result.error)
      throw fail(result.error.message, { statusCode: result.error.statusCode, code: result.error.name });
    const got = result.data?.data ?? [];
    if (got.length !== part.length) throw fail("Resend accepted the batch but returned no email ids");
    ids.push(...got.map((entry: { id: string }) => entry.id));
  }
  return { ids };
}

/** Renders the React template and sends it with its plain-text part; throws MailDeliveryError on any failure. */
export async function sendEmail(settings: MailSettings, message: OutgoingEmail): Promise<{ id: string }> {
  // A subject with a line break is a header-injection attempt or a bug; Resend rejects it anyway.
  const subject = message.subject.replace(/[\r\n]+/g, " ").trim();
  const fail = (text: string, extra: { statusCode?: number | null; code?: string; cause?: unknown } = {}) =>
    new MailDeliveryError(text, { to: message.to, subject, ...extra });

  const html = await render(message.react);
  const resend = resendFor(settings, fail);

  let result: Awaited<ReturnType<Resend["emails"]["send"]>>;
  try {
    result = await resend.emails.send({
      from: settings.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
      to: message.to,
      subject,
      html,
      text: message.text,
    });
  } catch (error) {
    // The SDK reports most failures as { error }, but fetch itself may still throw (e.g. an aborted request).
    throw fail(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (result.error) {
    throw fail(result.error.message, { statusCode: result.error.statusCode, code: result.error.name });
  }
  if (!result.data?.id) throw fail("Resend accepted the request but returned no email id");
  return { id: result.data.id };
}
