import { describe, expect, it } from "vitest";
import { invitationEmail } from "@/lib/email/messages";
import { sendEmailBatch } from "@/lib/email/send";
import { mailSinkPerFile } from "@/test/mail";
import { parseBulkRows } from "./bulk-invitations";

describe("the rows of a bulk invitation", () => {
  it("reads typed, pasted and CSV rows: header skipped, quotes, separators, empty cells, line numbers kept", () => {
    const text =
      '\uFEFFEmail,Role,Team\r\nada@x.test, admin ,"R&D, Lab"\n\n"grace@x.test";member;\nmailto:alan@x.test\t\tOps\n,member,';
    expect(parseBulkRows(text)).toEqual([
      { line: 2, email: "ada@x.test", role: "admin", team: "R&D, Lab" },
      { line: 4, email: "grace@x.test", role: "member", team: "" },
      { line: 5, email: "alan@x.test", role: "", team: "Ops" },
      { line: 6, email: "", role: "member", team: "" },
    ]);
    expect(parseBulkRows("ada@x.test")).toEqual([{ line: 1, email: "ada@x.test", role: "", team: "" }]);
  });
});

describe("mail through Resend's batch endpoint", () => {
  const mail = mailSinkPerFile();

  it("sends 150 invitations through the batch endpoint (100 per request) and returns every id in order", async () => {
    const messages = Array.from({ length: 150 }, (_, i) =>
      invitationEmail(mail.settings, {
        to: `guest-${i}@x.test`,
        inviterName: "Ada",
        organizationName: "Acme",
        role: "member",
        url: `http://localhost/accept-invitation/${i}`,
        expiresAt: new Date("2030-01-01T00:00:00Z"),
      }),
    );
    const { ids } = await sendEmailBatch(mail.settings, messages);
    expect(ids).toHaveLength(150);
    const last = await mail.message(ids[149] as string);
    expect(last.to).toEqual(["guest-149@x.test"]);
    expect(last.text).toContain("http://localhost/accept-invitation/149");
  });

  it("reports a refused batch as a delivery error", async () => {
    await fetch(`${mail.url}/api/fail`, { method: "POST", body: JSON.stringify({ to: "blocked@x.test" }) });
    const one = invitationEmail(mail.settings, {
      to: "blocked@x.test",
      inviterName: "Ada",
      organizationName: "Acme",
      role: "member",
      url: "http://localhost/accept-invitation/1",
      expiresAt: new Date(),
    });
    await expect(sendEmailBatch(mail.settings, [one])).rejects.toMatchObject({ name: "MailDeliveryError" });
  });
});
