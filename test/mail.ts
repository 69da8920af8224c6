// The mail sink of one test file: started before its tests, emptied (messages and planned failures) before each one,
// closed after them.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { MailSettings } from "@/lib/email/send";
import { type MailSink, type StoredMessage, startMailSink } from "@/scripts/mail-sink";

export function mailSinkPerFile() {
  let sink: MailSink | undefined;
  beforeAll(async () => {
    sink = await startMailSink({ port: 0, quiet: true });
  });
  afterAll(async () => {
    await sink?.close();
  });
  beforeEach(async () => {
    await fetch(`${started().url}/api/messages`, { method: "DELETE" });
    await fetch(`${started().url}/api/fail`, { method: "DELETE" });
  });
  function started() {
    if (!sink) throw new Error("the mail sink starts before the file's tests");
    return sink;
  }
  return {
    get sink() {
      return started();
    },
    /** The sink's base URL (its Resend-compatible API and its inbox). */
    get url() {
      return started().url;
    },
    /** Mail settings that send to this sink. */
    get settings(): MailSettings {
      return { RESEND_BASE_URL: started().url };
    },
    /** One stored message, by the id the send returned. */
    async message(id: string): Promise<StoredMessage> {
      const res = await fetch(`${started().url}/api/messages/${id}`);
      expect(res.status).toBe(200);
      return (await res.json()) as StoredMessage;
    },
  };
}
