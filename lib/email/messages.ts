// One sender per email the app sends: each picks its template, subject and plain-text part. Names and reasons
// people typed go through oneLine / paragraphs first: no line breaks or text-direction tricks in a subject or the
// plain-text part, even for names stored before the input rules existed (React escapes the HTML part).
import { createElement } from "react";
import { formatUtc } from "@/lib/dates";
import { oneLine, paragraphs } from "@/lib/validations/text";
import { appNameOf, type MailSettings, type OutgoingEmail, sendEmail } from "./send";
import { AccountExists, accountExistsText } from "./templates/account-exists";
import { EmailChangeRequested, emailChangeRequestedText } from "./templates/email-change-requested";
import { EmailChangedByOperator, emailChangedByOperatorText } from "./templates/email-changed-by-operator";
import { ImpersonationNotice, impersonationNoticeText } from "./templates/impersonation-notice";
import { Invitation, invitationText } from "./templates/invitation";
import { Otp, type OtpPurpose, otpText } from "./templates/otp";
import { PasskeyRemoved, passkeyRemovedText } from "./templates/passkey-removed";
import { PasswordChanged, passwordChangedText } from "./templates/password-changed";
import { ResetPassword, resetPasswordText } from "./templates/reset-password";
import { TwoFactorReset, twoFactorResetText } from "./templates/two-factor-reset";
import { VerifyEmail, verifyEmailText } from "./templates/verify-email";
import { WebhookDisabled, webhookDisabledText } from "./templates/webhook-disabled";

export interface VerificationMail {
  to: string;
  name: string;
  url: string;
}

export interface PasswordResetMail {
  to: string;
  name: string;
  url: string;
}

export interface InvitationMail {
  to: string;
  inviterName: string;
  organizationName: string;
  role: string;
  url: string;
  expiresAt: Date | string | number;
}

export interface OtpMail {
  to: string;
  name: string;
  code: string;
  /** Default "sign-in". */
  purpose?: OtpPurpose;
}

/** Sends the email-verification link (better-auth `emailVerification.sendVerificationEmail`). */
export async function sendVerificationMail(settings: MailSettings, mail: VerificationMail): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const props = { name: oneLine(mail.name), url: mail.url, appName };
  return sendEmail(settings, {
    to: mail.to,
    subject: `Verify your email for ${appName}`,
    react: createElement(VerifyEmail, props),
    text: verifyEmailText(props),
  });
}

/** Sends the password-reset link (better-auth `emailAndPassword.sendResetPassword`). */
export async function sendPasswordResetMail(settings: MailSettings, mail: PasswordResetMail): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const props = { name: oneLine(mail.name), url: mail.url, appName };
  return sendEmail(settings, {
    to: mail.to,
    subject: `Reset your ${appName} password`,
    react: createElement(ResetPassword, props),
    text: resetPasswordText(props),
  });
}

/** An organization invitation as an email: sent alone below, or many at once through the batch endpoint. */
export function invitationEmail(settings: MailSettings, mail: InvitationMail): OutgoingEmail {
  const appName = appNameOf(settings);
  const { to, ...rest } = mail;
  const props = {
    ...rest,
    inviterName: oneLine(mail.inviterName),
    organizationName: oneLine(mail.organizationName),
    role: oneLine(mail.role),
    appName,
  };
  return {
    to,
    subject: `${props.inviterName} invited you to ${props.organizationName} on ${appName}`,
    react: createElement(Invitation, props),
    text: invitationText(props),
  };
}

/** Sends an organization invitation (better-auth organization plugin `sendInvitationEmail`). */
export async function sendInvitationMail(settings: MailSettings, mail: InvitationMail): Promise<{ id: string }> {
  return sendEmail(settings, invitationEmail(settings, mail));
}

/** Sends a one-time code (better-auth twoFactor `otpOptions.sendOTP`). */
export async function sendOtpMail(settings: MailSettings, mail: OtpMail): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const props = { code: mail.code, name: oneLine(mail.name), purpose: mail.purpose ?? "sign-in", appName };
  return sendEmail(settings, {
    to: mail.to,
    subject: `Your ${appName} sign-in code: ${mail.code}`,
    react: createElement(Otp, props),
    text: otpText(props),
  });
}

export interface AccountExistsMail {
  to: string;
  name: string;
  signInUrl: string;
  resetUrl: string;
}

/** Tells the owner of an address that a sign-up was tried with it (better-auth `onExistingUserSignUp`). */
export async function sendAccountExistsMail(settings: MailSettings, mail: AccountExistsMail): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const props = { name: oneLine(mail.name), signInUrl: mail.signInUrl, resetUrl: mail.resetUrl, appName };
  return sendEmail(settings, {
    to: mail.to,
    subject: `You already have a ${appName} account`,
    react: createElement(AccountExists, props),
    text: accountExistsText(props),
  });
}

export interface ImpersonationNoticeMail {
  to: string;
  name: string;
  operatorName: string;
  reason: string;
  startedAt: Date;
  /** Seconds the impersonation may last. */
  durationSeconds: number;
}

/** Tells a user an operator started impersonating them (operator-policy plugin; off with IMPERSONATION_NOTICE=off). */
export async function sendImpersonationNoticeMail(
  settings: MailSettings,
  mail: ImpersonationNoticeMail,
): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const minutes = Math.round(mail.durationSeconds / 60);
  const props = {
    name: oneLine(mail.name),
    operatorName: oneLine(mail.operatorName),
    reason: paragraphs(mail.reason),
    startedAt: formatUtc(mail.startedAt),
    duration: minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}` : `${minutes} minutes`,
    appName,
  };
  return sendEmail(settings, {
    to: mail.to,
    subject: `${appName} support signed in to your account`,
    react: createElement(ImpersonationNotice, props),
    text: impersonationNoticeText(props),
  });
}

export interface TwoFactorResetMail {
  to: string;
  name: string;
  signInUrl: string;
  /** How many passkeys the reset removed. */
  passkeysRemoved?: number;
}

/** Tells a user an operator removed their two-factor authentication and signed them out. */
export async function sendTwoFactorResetMail(
  settings: MailSettings,
  mail: TwoFactorResetMail,
): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const props = { name: oneLine(mail.name), signInUrl: mail.signInUrl, passkeysRemoved: mail.passkeysRemoved, appName };
  return sendEmail(settings, {
    to: mail.to,
    subject: `Two-factor authentication was reset on your ${appName} account`,
    react: createElement(TwoFactorReset, props),
    text: twoFactorResetText(props),
  });
}

export interface PasskeyRemovedMail {
  to: string;
  name: string;
  passkeyName: string | null;
  securityUrl: string;
}

/** Tells a user an operator removed one of their passkeys. */
export async function sendPasskeyRemovedMail(
  settings: MailSettings,
  mail: PasskeyRemovedMail,
): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const props = {
    name: oneLine(mail.name),
    passkeyName: mail.passkeyName ? oneLine(mail.passkeyName) : null,
    securityUrl: mail.securityUrl,
    appName,
  };
  return sendEmail(settings, {
    to: mail.to,
    subject: `A passkey was removed from your ${appName} account`,
    react: createElement(PasskeyRemoved, props),
    text: passkeyRemovedText(props),
  });
}

export interface PasswordChangedMail {
  to: string;
  name: string;
  changedAt: Date;
  otherSessionsRevoked: boolean;
  resetUrl: string;
}

/** A date as people read it in a mail, in UTC (the mail is read anywhere). */
export function mailDate(date: Date): string {
  return `${date.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

/** Tells the owner that the account's password was changed (our account-notices plugin, after /change-password). */
export async function sendPasswordChangedMail(
  settings: MailSettings,
  mail: PasswordChangedMail,
): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const props = {
    name: oneLine(mail.name),
    changedAt: mailDate(mail.changedAt),
    otherSessionsRevoked: mail.otherSessionsRevoked,
    resetUrl: mail.resetUrl,
    appName,
  };
  return sendEmail(settings, {
    to: mail.to,
    subject: `Your ${appName} password was changed`,
    react: createElement(PasswordChanged, props),
    text: passwordChangedText(props),
  });
}

export interface EmailChangeRequestedMail {
  /** The current (old) address. */
  to: string;
  name: string;
  newEmail: string;
  confirmUrl: string;
  resetUrl: string;
}

/**
 * Asks the current address to confirm a move to a new one (better-auth's `sendChangeEmailConfirmation`); the new
 * address gets its link only after that.
 */
export async function sendEmailChangeRequestedMail(
  settings: MailSettings,
  mail: EmailChangeRequestedMail,
): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const props = {
    name: oneLine(mail.name),
    newEmail: mail.newEmail,
    confirmUrl: mail.confirmUrl,
    resetUrl: mail.resetUrl,
    appName,
  };
  return sendEmail(settings, {
    to: mail.to,
    subject: `Confirm the change of your ${appName} email address`,
    react: createElement(EmailChangeRequested, props),
    text: emailChangeRequestedText(props),
  });
}

export interface EmailChangedByOperatorMail {
  name: string;
  oldEmail: string;
  newEmail: string;
  signInUrl: string;
}

/** Tells both addresses that an operator changed the account's address (lib/auth/plugins/operator-policy.ts). */
export async function sendEmailChangedByOperatorMails(settings: MailSettings, mail: EmailChangedByOperatorMail) {
  const appName = appNameOf(settings);
  const base = { ...mail, name: oneLine(mail.name), appName };
  return Promise.all(
    (["old", "new"] as const).map((recipient) => {
      const props = { ...base, recipient };
      return sendEmail(settings, {
        to: recipient === "old" ? mail.oldEmail : mail.newEmail,
        subject: `The email address of your ${appName} account was changed`,
        react: createElement(EmailChangedByOperator, props),
        text: emailChangedByOperatorText(props),
      });
    }),
  );
}

/** Tells an endpoint's owner that it failed for a day and was disabled (lib/webhooks/disable.ts). */
export async function sendWebhookDisabledMail(
  settings: MailSettings,
  mail: { to: string; name: string; url: string; manageUrl: string; failingSince: Date },
): Promise<{ id: string }> {
  const appName = appNameOf(settings);
  const props = { ...mail, name: oneLine(mail.name), failingSince: formatUtc(mail.failingSince), appName };
  return sendEmail(settings, {
    to: mail.to,
    subject: `A ${appName} webhook endpoint was disabled`,
    react: createElement(WebhookDisabled, props),
    text: webhookDisabledText(props),
  });
}
