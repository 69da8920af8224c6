import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resend } from "resend";
import { describe, expect, it } from "vitest";
import { mailSinkPerFile } from "@/test/mail";
import { type StoredMessage, startMailSink } from "./mail-sink";

const mail = mailSinkPerFile();

async function listMessages(to?: string): Promise<StoredMessage[]> {
  const query = to ? `?to=${encodeURIComponent(to)}` : "";
  const res = await fetch(`${mail.url}/api/messages${query}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { messages: StoredMessage[] };
  return body.messages;
}

describe("mail sink", () => {
  it("accepts a message from the Resend SDK and lists it in the API and the inbox", async () => {
    const resend = new Resend("re_test", { baseUrl: mail.url });
    const url = "http://localhost:3000/verify?token=abc&next=%2F";
    const { data, error } = await resend.emails.send({
      from: "Gatehouse <no-reply@gatehouse.local>",
      to: "Ada@Example.com",
      subject: "Hello <Ada>",
      html: `<p>Open <a href="${url.replaceAll("&", "&amp;")}">this link</a></p>`,
      text: `Open ${url}`,
    });
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const messages = await listMessages("ada@example.com");
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({
      id: data?.id,
      to: ["Ada@Example.com"],
      subject: "Hello <Ada>",
      text: `Open ${url}`,
    });
    expect(await listMessages("someone-else@example.com")).toHaveLength(0);
    expect(mail.sink.messages()[0]?.id).toBe(data?.id);

    const one = await fetch(`${mail.url}/api/messages/${data?.id}`);
    expect(((await one.json()) as StoredMessage).subject).toBe("Hello <Ada>");

    const inbox = await (await fetch(`${mail.url}/`)).text();
    expect(inbox).toContain(`href="/messages/${data?.id}"`);
    expect(inbox).toContain("Hello &lt;Ada&gt;");
    expect(inbox).toContain("Ada@Example.com");
    expect(inbox).not.toContain("Hello <Ada>");

    const page = await (await fetch(`${mail.url}/messages/${data?.id}`)).text();
    expect(page).toMatch(/<iframe[^>]+sandbox="allow-popups allow-popups-to-escape-sandbox[^"]*"/);
    expect(page).toContain('srcdoc="&lt;base target=&quot;_top&quot;&gt;&lt;p&gt;Open');
    expect(page).toContain("Plain text");
  });

  it("shows the empty state when there is no mail", async () => {
    const inbox = await (await fetch(`${mail.url}/`)).text();
    expect(inbox).toContain("No mail yet. Messages sent by Gatehouse appear here.");
  });

  it("rejects an email without a recipient in Resend's error shape", async () => {
    const res = await fetch(`${mail.url}/emails`, {
      method: "POST",
      headers: { Authorization: "Bearer re_test", "Content-Type": "application/json" },
      body: JSON.stringify({ from: "a@example.com", subject: "No recipient", text: "x" }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ statusCode: 422, name: "validation_error", message: "Missing `to` field." });
  });

  it("accepts a batch", async () => {
    const resend = new Resend("re_test", { baseUrl: mail.url });
    const { data, error } = await resend.batch.send([
      { from: "a@example.com", to: "one@example.com", subject: "One", text: "1" },
      { from: "a@example.com", to: ["two@example.com"], subject: "Two", text: "2" },
    ]);
    expect(error).toBeNull();
    expect(data?.data).toHaveLength(2);
    expect((await listMessages()).map((m) => m.subject)).toEqual(["Two", "One"]);
  });

  it("fails deliveries to an address on request, until cleared", async () => {
    const resend = new Resend("re_test", { baseUrl: mail.url });
    await fetch(`${mail.url}/api/fail`, { method: "POST", body: JSON.stringify({ to: "Broken@example.com" }) });
    const email = { from: "a@example.com", to: "broken@example.com", subject: "Doomed", text: "x" };

    const failed = await resend.emails.send(email);
    expect(failed.data).toBeNull();
    expect(failed.error).toMatchObject({
      statusCode: 500,
      name: "application_error",
      message: "Mail sink: delivery to broken@example.com is set to fail",
    });
    expect(await listMessages()).toHaveLength(0);

    await fetch(`${mail.url}/api/fail`, { method: "DELETE" });
    const delivered = await resend.emails.send(email);
    expect(delivered.error).toBeNull();
    expect(await listMessages("broken@example.com")).toHaveLength(1);
  });

  it("keeps the inbox in a file across restarts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mail-sink-"));
    const file = join(dir, "messages.json");
    try {
      const first = await startMailSink({ port: 0, quiet: true, file });
      const resend = new Resend("re_test", { baseUrl: first.url });
      const email = { from: "a@example.com", to: "p@example.com", subject: "Kept", text: "x" };
      const { data } = await resend.emails.send(email);
      await first.close();
      expect(await readFile(file, "utf8")).toContain("Kept");

      const second = await startMailSink({ port: 0, quiet: true, file });
      expect(second.messages().map((m) => m.id)).toEqual([data?.id]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
