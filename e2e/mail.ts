// Reads mail back from the local sink (scripts/mail-sink.ts) in Playwright specs.

/** A message as the sink's JSON API returns it. */
export interface Message {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  createdAt: string;
}

export interface WaitForMailOptions {
  /** Only a message whose subject matches. */
  subject?: RegExp;
  /** Default 15 s. */
  timeoutMs?: number;
  /** Only a message received at or after this moment (e.g. taken just before the action that sends it). */
  after?: Date;
}

const POLL_INTERVAL_MS = 200;

async function listMail(sinkUrl: string, to: string): Promise<Message[]> {
  const res = await fetch(`${sinkUrl.replace(/\/+$/, "")}/api/messages?to=${encodeURIComponent(to)}`);
  if (!res.ok) throw new Error(`Mail sink at ${sinkUrl} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { messages: Message[] };
  return body.messages;
}

function matches(message: Message, opts: WaitForMailOptions): boolean {
  if (opts.subject) {
    opts.subject.lastIndex = 0;
    if (!opts.subject.test(message.subject)) return false;
  }
  return !opts.after || Date.parse(message.createdAt) >= opts.after.getTime();
}

/** Polls the sink until a message to `to` (newest first) matches, or throws listing what did arrive. */
export async function waitForMail(sinkUrl: string, to: string, opts: WaitForMailOptions = {}): Promise<Message> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  let seen: Message[] = [];
  let lastError: unknown;
  for (;;) {
    try {
      seen = await listMail(sinkUrl, to);
      lastError = undefined;
      const found = seen.find((message) => matches(message, opts));
      if (found) return found;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_INTERVAL_MS, Math.max(0, deadline - Date.now()))));
  }
  const wanted = [
    `to ${to}`,
    opts.subject ? `subject ${String(opts.subject)}` : "",
    opts.after ? `after ${opts.after.toISOString()}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const arrived = seen.length
    ? seen.map((m) => `  - ${m.createdAt} "${m.subject}" to ${m.to.join(", ")}`).join("\n")
    : "  (none)";
  const cause = lastError instanceof Error ? `\nLast error: ${lastError.message}` : "";
  throw new Error(`No mail ${wanted} within ${timeoutMs} ms. Mail to ${to} in the sink:\n${arrived}${cause}`);
}

/** The first http(s) URL in the text part (then the HTML part) whose path starts with `pathPrefix`. */
export function extractLink(message: Message, pathPrefix: string): string {
  const candidates = (source: string) =>
    [...source.matchAll(/https?:\/\/[^\s<>"'`]+/g)].map((match) =>
      match[0].replaceAll("&amp;", "&").replace(/[.,;:!?)\]]+$/, ""),
    );
  for (const raw of [...candidates(message.text), ...candidates(message.html)]) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    if (url.pathname.startsWith(pathPrefix)) return raw;
  }
  const where = `"${message.subject}" to ${message.to.join(", ")}`;
  throw new Error(`No link with a path starting ${pathPrefix} in ${where}:\n${message.text}`);
}

/** The 6-digit code in the text part (falling back to the subject). */
export function extractCode(message: Message): string {
  for (const source of [message.text, message.subject]) {
    const code = /(?<![\w-])\d{6}(?![\w-])/.exec(source)?.[0];
    if (code) return code;
  }
  throw new Error(`No 6-digit code in "${message.subject}" to ${message.to.join(", ")}:\n${message.text}`);
}
