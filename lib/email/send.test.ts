import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { startMailSink } from "@/scripts/mail-sink";
import { mailSinkPerFile } from "@/test/mail";
import { sendInvitationMail, sendOtpMail, sendPasswordResetMail, sendVerificationMail } from "./messages";
import { MailDeliveryError, sendEmail } from "./send";

const mail = mailSinkPerFile();

/** React escapes `&` in attributes and text, so that is how a URL appears in the HTML part. */
function inHtml(url: string): string {
  return url.replaceAll("&", "&amp;");
}

describe("email senders", () => {
  it("sends the verification email", async () => {
    const url = "http://localhost:3000/api/auth/verify-email?token=tok-1&callbackURL=%2Fdashboard";
    const { id } = await sendVerificationMail(mail.settings, { to: "ada@example.com", name: "Ada", url });
    const message = await mail.message(id);
    expect(message.subject).toBe("Verify your email for Gatehouse");
    expect(message.from).toBe("Gatehouse <no-reply@gatehouse.local>");
    expect(message.to).toEqual(["ada@example.com"]);
    expect(message.html).toContain(`href="${inHtml(url)}"`);
    expect(message.html).toContain(`>${inHtml(url)}</a>`);
    expect(message.text).toContain(url);
    expect(message.text).toContain("Hi Ada,");
  });

  it("sends the password reset email with the app name and sender from settings", async () => {
    const url = "http://localhost:3000/api/auth/reset-password/tok-2?callbackURL=%2Freset-password";
    const custom = { ...mail.settings, APP_NAME: "Acme Console", MAIL_FROM: "Acme <auth@acme.test>" };
    const { id } = await sendPasswordResetMail(custom, { to: "bob@example.com", name: "Bob", url });
    const message = await mail.message(id);
    expect(message.subject).toBe("Reset your Acme Console password");
    expect(message.from).toBe("Acme <auth@acme.test>");
    expect(message.html).toContain(inHtml(url));
    expect(message.html).toContain("Acme Console");
    expect(message.text).toContain(url);
  });

  it("sends the invitation email and escapes markup in user-supplied names", async () => {
    const url = "http://localhost:3000/accept-invitation/inv-3";
    const { id } = await sendInvitationMail(mail.settings, {
      to: "carol@example.com",
      inviterName: "<script>alert(1)</script>",
      organizationName: '<img src=x onerror="alert(2)">',
      role: "admin",
      url,
      expiresAt: new Date("2030-01-02T03:04:00Z"),
    });
    const message = await mail.message(id);
    expect(message.subject).toBe(
      '<script>alert(1)</script> invited you to <img src=x onerror="alert(2)"> on Gatehouse',
    );
    expect(message.html).toContain(url);
    expect(message.html).not.toContain("<script");
    expect(message.html).not.toContain("<img");
    expect(message.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(message.text).toContain(url);
    expect(message.text).toContain("as an admin");
    expect(message.text).toContain("2 Jan 2030, 03:04 UTC");
  });

  it("sends the one-time code email", async () => {
    const { id } = await sendOtpMail(mail.settings, { to: "dan@example.com", name: "Dan", code: "482913" });
    const message = await mail.message(id);
    expect(message.subject).toBe("Your Gatehouse sign-in code: 482913");
    expect(message.html).toContain("482913");
    expect(message.text).toContain("482913");
  });
});

describe("sendEmail failures", () => {
  const react = createElement("p", null, "Hello");

  it("rejects with MailDeliveryError when the sink refuses the address", async () => {
    await fetch(`${mail.url}/api/fail`, { method: "POST", body: JSON.stringify({ to: "erin@example.com" }) });
    const sending = sendVerificationMail(mail.settings, {
      to: "erin@example.com",
      name: "Erin",
      url: "http://x.test/v",
    });
    await expect(sending).rejects.toBeInstanceOf(MailDeliveryError);
    await expect(sending).rejects.toMatchObject({
      message: "Mail sink: delivery to erin@example.com is set to fail",
      statusCode: 500,
      code: "application_error",
      to: "erin@example.com",
    });
  });

  it("rejects with MailDeliveryError when nothing listens at RESEND_BASE_URL", async () => {
    const closed = await startMailSink({ port: 0, quiet: true });
    await closed.close();
    const sending = sendEmail({ RESEND_BASE_URL: closed.url }, { to: "f@example.com", subject: "x", react, text: "x" });
    await expect(sending).rejects.toBeInstanceOf(MailDeliveryError);
    await expect(sending).rejects.toMatchObject({ statusCode: null });
  });

  it("refuses to call the real Resend API without a key", async () => {
    vi.stubEnv("RESEND_BASE_URL", "");
    try {
      const sending = sendEmail({}, { to: "g@example.com", subject: "x", react, text: "x" });
      await expect(sending).rejects.toMatchObject({ name: "MailDeliveryError", code: "missing_api_key" });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
