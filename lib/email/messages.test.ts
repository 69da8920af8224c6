// Hostile names in the mail builders: markup stays text in the HTML part, and neither a line break nor a
// text-direction override reaches a subject or the plain-text part (a name stored before the input rules existed,
// or an organization renamed through some other path, must not be able to forge mail content or headers).
import { describe, expect, it } from "vitest";
import { hasUnsafeCharacters } from "@/lib/validations/text";
import { mailSinkPerFile } from "@/test/mail";
import { sendImpersonationNoticeMail, sendInvitationMail, sendVerificationMail } from "./messages";

const mail = mailSinkPerFile();

/** A control or direction character anywhere but the line feeds that are the plain-text part's own. */
function leaks(text: string) {
  return text.split("\n").some(hasUnsafeCharacters);
}

const INVITER = "Eve\r\nBcc: victim@example.test\r\n\r\n<b>Urgent</b>";
const ORG = `Acme"><img src=x onerror=alert(1)><script>alert(2)</script>\u202egnp.exe`;

describe("invitation mail with a hostile inviter and organization name", () => {
  it("keeps the subject on one line with no override and no extra recipients", async () => {
    const { id } = await sendInvitationMail(mail.settings, {
      to: "invitee@example.test",
      inviterName: INVITER,
      organizationName: ORG,
      role: "member",
      url: "http://localhost:3000/accept-invitation/inv-1",
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
    const message = await mail.message(id);
    expect(message.subject).toBe(
      'Eve Bcc: victim@example.test <b>Urgent</b> invited you to Acme"><img src=x onerror=alert(1)><script>alert(2)</script> gnp.exe on Gatehouse',
    );
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(hasUnsafeCharacters(message.subject)).toBe(false);
    expect(message.to).toEqual(["invitee@example.test"]);
    expect(message.cc).toEqual([]);
    expect(message.bcc).toEqual([]);
    expect(Object.keys(message.headers ?? {})).not.toContain("Bcc");
  });

  it("shows the names as text in the HTML part", async () => {
    const { id } = await sendInvitationMail(mail.settings, {
      to: "invitee@example.test",
      inviterName: INVITER,
      organizationName: ORG,
      role: "member",
      url: "http://localhost:3000/accept-invitation/inv-2",
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
    const { html } = await mail.message(id);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>Urgent/);
    expect(html).not.toContain("\u202e");
    expect(html).toContain("Acme&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;Urgent&lt;/b&gt;");
  });

  it("keeps the plain-text part's lines its own: a name cannot start a line", async () => {
    const { id } = await sendInvitationMail(mail.settings, {
      to: "invitee@example.test",
      inviterName: INVITER,
      organizationName: ORG,
      role: "member",
      url: "http://localhost:3000/accept-invitation/inv-3",
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
    const { text } = await mail.message(id);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^Eve Bcc: victim@example\.test <b>Urgent<\/b> invited you to join Acme/);
    expect(lines.some((line) => line.startsWith("Bcc:"))).toBe(false);
    expect(leaks(text)).toBe(false);
    expect(text).toContain("http://localhost:3000/accept-invitation/inv-3");
  });
});

describe("other mails with hostile names", () => {
  it("verification mail: the user's name cannot break lines or flip text", async () => {
    const { id } = await sendVerificationMail(mail.settings, {
      to: "user@example.test",
      name: "Mallory\n\nYour account is locked, call +1 555 0100\u202e",
      url: "http://localhost:3000/api/auth/verify-email?token=t",
    });
    const message = await mail.message(id);
    expect(message.text).toContain("Hi Mallory Your account is locked, call +1 555 0100,");
    expect(leaks(message.text)).toBe(false);
    expect(message.html).not.toContain("\u202e");
  });

  it("impersonation notice: the reason keeps its lines but loses overrides; names stay one line", async () => {
    const { id } = await sendImpersonationNoticeMail(mail.settings, {
      to: "user@example.test",
      name: "Victim",
      operatorName: "Op\r\nX-Header: 1",
      reason: "Ticket 42\nCustomer asked\u202e for help",
      startedAt: new Date("2030-01-01T00:00:00Z"),
      durationSeconds: 3600,
    });
    const message = await mail.message(id);
    expect(message.text).toContain("Op X-Header: 1");
    expect(message.text).toContain("Ticket 42\nCustomer asked  for help");
    expect(leaks(message.text)).toBe(false);
    expect(message.subject).toBe("Gatehouse support signed in to your account");
  });
});
