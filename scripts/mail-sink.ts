// A local mail sink that speaks enough of the Resend API for the Resend SDK (`RESEND_BASE_URL`) to send to it,
// with a JSON API for tests and an HTML inbox for humans. Plain node:http, no dependencies.
//
//   tsx scripts/mail-sink.ts            # http://127.0.0.1:8025 (MAIL_SINK_PORT, MAIL_SINK_HOST, MAIL_SINK_FILE)
import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One email as received by the sink. */
export interface StoredMessage {
  id: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
  createdAt: string;
}

export interface MailSinkOptions {
  /** 0 picks a free port; default 8025. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Suppress the start line and per-message log lines. */
  quiet?: boolean;
  /** JSON file that keeps the inbox across restarts; memory only when unset. */
  file?: string;
  /** Oldest messages are dropped past this many; default 1000. */
  maxMessages?: number;
}

export interface MailSink {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Stored messages, newest first. */
  messages(): StoredMessage[];
}

const DEFAULT_PORT = 8025;
const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_FILE = ".mail-sink/messages.json";
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const MAX_BATCH = 100;

class HttpError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

type Draft = Omit<StoredMessage, "id" | "createdAt">;

/** Starts the sink; resolves once it listens. */
export async function startMailSink(opts: MailSinkOptions = {}): Promise<MailSink> {
  const host = opts.host ?? DEFAULT_HOST;
  const quiet = opts.quiet ?? false;
  const maxMessages = opts.maxMessages ?? 1000;
  const file = opts.file ? resolve(opts.file) : undefined;
  // Oldest first; every reader reverses.
  let store: StoredMessage[] = file ? await loadMessages(file, quiet) : [];
  const failing = new Set<string>();
  let writes: Promise<void> = Promise.resolve();

  function persist(): void {
    if (!file) return;
    const snapshot = `${JSON.stringify(store, null, 2)}\n`;
    writes = writes
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, snapshot);
        await rename(tmp, file);
      })
      .catch((error: unknown) => {
        if (!quiet) console.error(`Mail sink: could not write ${file}: ${errorMessage(error)}`);
      });
  }

  function newestFirst(to?: string | null): StoredMessage[] {
    const wanted = to ? addressKey(to) : undefined;
    const list = wanted ? store.filter((m) => recipientsOf(m).some((r) => addressKey(r) === wanted)) : store;
    return list.slice().reverse();
  }

  function accept(drafts: Draft[]): StoredMessage[] {
    for (const draft of drafts) {
      const blocked = recipientsOf(draft).find((r) => failing.has(addressKey(r)));
      if (blocked) {
        throw new HttpError(500, "application_error", `Mail sink: delivery to ${addressKey(blocked)} is set to fail`);
      }
    }
    const createdAt = new Date().toISOString();
    const saved = drafts.map((draft) => ({ id: randomUUID(), ...draft, createdAt }));
    store.push(...saved);
    if (store.length > maxMessages) store = store.slice(store.length - maxMessages);
    persist();
    if (!quiet) {
      for (const m of saved) console.log(`Mail sink: "${m.subject}" to ${m.to.join(", ")} (${m.id})`);
    }
    return saved;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://mail-sink.invalid");
    // Node drops the body of HEAD responses itself.
    const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const [first, second, third, ...rest] = path.split("/").filter(Boolean).map(decodeSegment);
    const allow = (...methods: string[]) => {
      if (!methods.includes(method)) {
        res.setHeader("Allow", methods.join(", "));
        throw new HttpError(405, "method_not_allowed", `Method ${method} is not allowed on ${path}`);
      }
    };

    if (path === "/") {
      allow("GET");
      return sendHtml(res, 200, inboxPage(newestFirst(url.searchParams.get("to")), url.searchParams.get("to")));
    }
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (first === "messages" && second && !third) {
      allow("GET");
      const message = store.find((m) => m.id === second);
      return message ? sendHtml(res, 200, messagePage(message)) : sendHtml(res, 404, notFoundPage());
    }
    if (first === "emails" && !third) {
      allow("POST");
      requireApiKey(req);
      const body = await readJson(req);
      if (!second) {
        const [saved] = accept([parseEmail(body, "")]);
        return sendJson(res, 200, { id: saved?.id });
      }
      if (second === "batch") {
        if (!Array.isArray(body)) {
          throw new HttpError(422, "validation_error", "The batch body must be an array of emails.");
        }
        if (body.length === 0 || body.length > MAX_BATCH) {
          throw new HttpError(422, "validation_error", `A batch holds 1 to ${MAX_BATCH} emails.`);
        }
        const saved = accept(body.map((email, index) => parseEmail(email, `Email ${index + 1}: `)));
        return sendJson(res, 200, { data: saved.map((m) => ({ id: m.id })) });
      }
    }
    if (first === "api" && second === "messages" && rest.length === 0) {
      if (!third) {
        allow("GET", "DELETE");
        if (method === "DELETE") {
          store = [];
          persist();
          return sendJson(res, 200, { deleted: true });
        }
        const all = newestFirst(url.searchParams.get("to"));
        const limit = Number.parseInt(url.searchParams.get("limit") ?? "", 10);
        const messages = Number.isFinite(limit) && limit >= 0 ? all.slice(0, limit) : all;
        return sendJson(res, 200, { messages, total: all.length });
      }
      allow("GET", "DELETE");
      const message = store.find((m) => m.id === third);
      if (!message) throw new HttpError(404, "not_found", `No message with id ${third}`);
      if (method === "DELETE") {
        store = store.filter((m) => m !== message);
        persist();
        return sendJson(res, 200, { deleted: true });
      }
      return sendJson(res, 200, message);
    }
    if (first === "api" && second === "fail" && !third) {
      allow("GET", "POST", "DELETE");
      if (method === "POST") {
        const body = await readJson(req);
        const to = isRecord(body) ? body.to : undefined;
        for (const address of parseAddresses(to, "to", "", true)) failing.add(addressKey(address));
      } else if (method === "DELETE") {
        const to = url.searchParams.get("to");
        if (to) failing.delete(addressKey(to));
        else failing.clear();
      }
      return sendJson(res, 200, { fail: [...failing] });
    }
    throw new HttpError(404, "not_found", `Nothing at ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, { statusCode: error.status, name: error.code, message: error.message });
        return;
      }
      if (!quiet) console.error("Mail sink: request failed", error);
      sendJson(res, 500, { statusCode: 500, name: "internal_server_error", message: errorMessage(error) });
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => {
      server.off("error", rejectListen);
      resolveListen();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (!quiet) console.log(`Mail sink: ${url} (inbox)`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    messages: () => newestFirst(),
    close() {
      closing ??= new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }).then(() => writes);
      return closing;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Requests

function requireApiKey(req: IncomingMessage): void {
  if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? "")) {
    throw new HttpError(
      401,
      "missing_api_key",
      "Missing API key in the authorization header. " +
        "Include the following header in the request: Authorization: Bearer YOUR_API_KEY",
    );
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "validation_error", "Request body is too large.");
    chunks.push(buffer);
  }
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw.trim()) throw new HttpError(422, "validation_error", "The request body is empty; send JSON.");
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, "validation_error", "The request body is not valid JSON.");
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "invalid_parameter", `Malformed path segment: ${segment}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseAddresses(value: unknown, field: string, prefix: string, required: boolean): string[] {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) {
    if (required) throw new HttpError(422, "validation_error", `${prefix}Missing \`${field}\` field.`);
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item): item is string => typeof item === "string" && item.trim() !== "")) {
    throw new HttpError(422, "validation_error", `${prefix}\`${field}\` must be an email address or a list of them.`);
  }
  return list.map((item) => item.trim());
}

function optionalString(body: Record<string, unknown>, field: string, prefix: string): string {
  const value = body[field];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") {
    throw new HttpError(422, "validation_error", `${prefix}\`${field}\` must be a string.`);
  }
  return value;
}

function parseEmail(body: unknown, prefix: string): Draft {
  if (!isRecord(body)) throw new HttpError(422, "validation_error", `${prefix}The email must be a JSON object.`);
  const to = parseAddresses(body.to, "to", prefix, true);
  const from = optionalString(body, "from", prefix).trim();
  if (!from) throw new HttpError(422, "validation_error", `${prefix}Missing \`from\` field.`);
  const subject = optionalString(body, "subject", prefix);
  if (!subject.trim()) throw new HttpError(422, "validation_error", `${prefix}Missing \`subject\` field.`);

  const headers: Record<string, string> = {};
  if (isRecord(body.headers)) {
    for (const [key, value] of Object.entries(body.headers)) {
      if (typeof value === "string") headers[key] = value;
    }
  }
  const tags: { name: string; value: string }[] = [];
  if (Array.isArray(body.tags)) {
    for (const tag of body.tags) {
      if (isRecord(tag) && typeof tag.name === "string") {
        tags.push({ name: tag.name, value: typeof tag.value === "string" ? tag.value : "" });
      }
    }
  }
  return {
    from,
    to,
    cc: parseAddresses(body.cc, "cc", prefix, false),
    bcc: parseAddresses(body.bcc, "bcc", prefix, false),
    replyTo: parseAddresses(body.reply_to ?? body.replyTo, "reply_to", prefix, false),
    subject,
    html: optionalString(body, "html", prefix),
    text: optionalString(body, "text", prefix),
    headers,
    tags,
  };
}

/** "Ada <ADA@example.com>" → "ada@example.com". */
function addressKey(address: string): string {
  const angle = /<([^<>]+)>\s*$/.exec(address);
  return (angle?.[1] ?? address).trim().toLowerCase();
}

function recipientsOf(message: Pick<StoredMessage, "to" | "cc" | "bcc">): string[] {
  return [...message.to, ...message.cc, ...message.bcc];
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------------------------------
// Persistence

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Reads one persisted message, tolerating files written before optional fields existed. */
function restoreMessage(value: unknown): StoredMessage | undefined {
  if (!isRecord(value)) return undefined;
  const { id, from, subject, html, text, createdAt } = value;
  if (typeof id !== "string" || typeof from !== "string" || typeof subject !== "string") return undefined;
  if (typeof html !== "string" || typeof text !== "string" || typeof createdAt !== "string") return undefined;
  const headers: Record<string, string> = {};
  if (isRecord(value.headers)) {
    for (const [key, header] of Object.entries(value.headers)) if (typeof header === "string") headers[key] = header;
  }
  const tags = Array.isArray(value.tags)
    ? value.tags.flatMap((tag) =>
        isRecord(tag) && typeof tag.name === "string" && typeof tag.value === "string"
          ? [{ name: tag.name, value: tag.value }]
          : [],
      )
    : [];
  const to = stringList(value.to);
  const cc = stringList(value.cc);
  const bcc = stringList(value.bcc);
  const replyTo = stringList(value.replyTo);
  return { id, from, to, cc, bcc, replyTo, subject, html, text, headers, tags, createdAt };
}

async function loadMessages(file: string, quiet: boolean): Promise<StoredMessage[]> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    return [];
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) throw new Error("expected an array");
    return parsed.flatMap((item) => restoreMessage(item) ?? []);
  } catch (error) {
    if (!quiet) console.error(`Mail sink: ignoring unreadable ${file}: ${errorMessage(error)}`);
    return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Responses and pages

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(json),
  });
  res.end(json);
}

interface Page {
  html: string;
  csp: string;
}

function sendHtml(res: ServerResponse, status: number, page: Page): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(page.html),
    "Content-Security-Policy": page.csp,
  });
  res.end(page.html);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (seconds < 10) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

function timeTag(iso: string): string {
  const safe = escapeHtml(iso);
  return `<time datetime="${safe}" title="${safe}" data-relative>${escapeHtml(relativeTime(iso))}</time>`;
}

/** Escapes text and turns http(s) URLs into links that open in a new tab. */
function linkify(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    const start = match.index;
    out += escapeHtml(text.slice(last, start));
    out += `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

const STYLE = `
:root { color-scheme: light dark; --bg: #f6f6f7; --fg: #18181b; --muted: #6b6b76; --card: #ffffff; --border: #e4e4e7;
  --hover: #f1f1f3; --accent: #2563eb; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0b0b0d; --fg: #f4f4f5; --muted: #a1a1aa; --card: #17171a; --border: #2a2a30; --hover: #202026;
    --accent: #7aa7ff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 16px 48px; }
a { color: var(--accent); }
h1 { font-size: 20px; margin: 0; overflow-wrap: anywhere; }
h2 { font-size: 13px; margin: 24px 0 8px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 12px;
  margin-bottom: 16px; }
.muted { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 10px; overflow: hidden; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 10px 14px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
tbody tr { position: relative; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover { background: var(--hover); }
td.to { width: 30%; overflow-wrap: anywhere; }
td.when { width: 1%; white-space: nowrap; color: var(--muted); }
td.subject a { color: inherit; font-weight: 500; text-decoration: none; }
td.subject a::after { content: ""; position: absolute; inset: 0; }
td.subject a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.empty { padding: 56px 16px; text-align: center; color: var(--muted); }
button { font: inherit; color: var(--fg); background: var(--card); border: 1px solid var(--border); border-radius: 6px;
  padding: 5px 12px; cursor: pointer; }
button:hover { background: var(--hover); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 20px; margin: 0; padding: 14px 16px; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
iframe { display: block; width: 100%; height: 70vh; border: 0; background: #ffffff; }
pre { margin: 0; padding: 14px 16px; white-space: pre-wrap; overflow-wrap: anywhere;
  font: 13px/1.55 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
footer { margin-top: 24px; font-size: 12px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
`;

interface LayoutExtras {
  head?: string;
  bodyAttributes?: string;
  tail?: string;
}

function layout(title: string, body: string, extra: LayoutExtras = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
${extra.head ?? ""}
</head>
<body${extra.bodyAttributes ?? ""}>
<main>
${body}
</main>
${extra.tail ?? ""}
</body>
</html>
`;
}

// Plain JS on purpose: a transpiled TS function's toString() may carry helpers (e.g. __name) the browser lacks.
const INBOX_SCRIPT = `
(function () {
  var latest = document.body.getAttribute("data-latest") || "";
  var total = document.body.getAttribute("data-total") || "0";
  function rel(iso) {
    var s = Math.round((Date.now() - Date.parse(iso)) / 1000);
    if (isNaN(s)) return iso;
    if (s < 10) return "just now";
    if (s < 60) return s + " s ago";
    var m = Math.floor(s / 60);
    if (m < 60) return m + " min ago";
    var h = Math.floor(m / 60);
    if (h < 24) return h + " h ago";
    return Math.floor(h / 24) + " d ago";
  }
  function tick() {
    document.querySelectorAll("time[data-relative]").forEach(function (el) { el.textContent = rel(el.dateTime); });
  }
  function again() { tick(); setTimeout(poll, 3000); }
  function poll() {
    var params = new URLSearchParams(location.search);
    params.set("limit", "1");
    fetch("/api/messages?" + params.toString(), { cache: "no-store" })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (data) {
        if (data) {
          var first = data.messages[0];
          if ((first ? first.id : "") !== latest || String(data.total) !== total) { location.reload(); return; }
        }
        again();
      }, again);
  }
  setTimeout(poll, 3000);
  var clear = document.getElementById("clear");
  if (clear) clear.addEventListener("click", function () {
    if (!confirm("Delete every message in the mail sink?")) return;
    fetch("/api/messages", { method: "DELETE" }).then(function () { location.reload(); });
  });
})();
`;

function inboxPage(messages: StoredMessage[], filter: string | null): Page {
  const nonce = randomBytes(16).toString("base64");
  const rows = messages
    .map(
      (m) => `<tr>
<td class="to">${escapeHtml(m.to.join(", "))}</td>
<td class="subject"><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject)}</a></td>
<td class="when">${timeTag(m.createdAt)}</td>
</tr>`,
    )
    .join("\n");
  const count = `${messages.length} message${messages.length === 1 ? "" : "s"}`;
  const filterNote = filter ? ` to <strong>${escapeHtml(filter)}</strong> · <a href="/">show all</a>` : "";
  const list = messages.length
    ? `<table><thead><tr><th>To</th><th>Subject</th><th>Received</th></tr></thead><tbody>
${rows}
</tbody></table>`
    : `<p class="empty">No mail yet. Messages sent by Gatehouse appear here.</p>`;
  const body = `<div class="bar">
<div><h1>Mail sink</h1><div class="muted">${count}${filterNote}</div></div>
${messages.length ? `<button type="button" id="clear">Clear inbox</button>` : ""}
</div>
<div class="card">${list}</div>
<footer class="muted">Resend-compatible endpoint: <code>POST /emails</code> (set <code>RESEND_BASE_URL</code> to this
address) · JSON: <a href="/api/messages"><code>/api/messages</code></a> · refreshes by itself</footer>`;
  return {
    html: layout("Mail sink", body, {
      head: `<noscript><meta http-equiv="refresh" content="5"></noscript>`,
      bodyAttributes: ` data-latest="${escapeHtml(messages[0]?.id ?? "")}" data-total="${messages.length}"`,
      tail: `<script nonce="${nonce}">${INBOX_SCRIPT}</script>`,
    }),
    csp: [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      "style-src 'unsafe-inline'",
      "connect-src 'self'",
      "img-src data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
  };
}

// No allow-scripts and no allow-same-origin: the email cannot run code; links may still open a tab or the top window.
const SANDBOX = "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

/** Makes links in the email open in the top window (or a new tab for target=_blank). */
function withTopTarget(html: string): string {
  const base = `<base target="_top">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return base + html;
  const end = head.index + head[0].length;
  return html.slice(0, end) + base + html.slice(end);
}

function messagePage(m: StoredMessage): Page {
  const field = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;
  const list = (values: string[]) => escapeHtml(values.join(", "));
  const meta = [
    field("From", escapeHtml(m.from)),
    field("To", list(m.to)),
    m.cc.length ? field("Cc", list(m.cc)) : "",
    m.bcc.length ? field("Bcc", list(m.bcc)) : "",
    m.replyTo.length ? field("Reply-To", list(m.replyTo)) : "",
    field("Subject", escapeHtml(m.subject)),
    field("Received", `${timeTag(m.createdAt)} <span class="muted">· ${escapeHtml(m.createdAt)}</span>`),
    field("ID", `<code>${escapeHtml(m.id)}</code> · <a href="/api/messages/${encodeURIComponent(m.id)}">JSON</a>`),
  ]
    .filter(Boolean)
    .join("\n");
  const srcdoc = escapeHtml(withTopTarget(m.html));
  const htmlPart = m.html
    ? `<iframe title="HTML body of the email" sandbox="${SANDBOX}" srcdoc="${srcdoc}"></iframe>`
    : `<p class="empty">This message has no HTML part.</p>`;
  const textPart = m.text
    ? `<pre>${linkify(m.text)}</pre>`
    : `<p class="empty">This message has no plain-text part.</p>`;
  const body = `<p><a href="/">← Inbox</a></p>
<div class="bar"><h1>${escapeHtml(m.subject)}</h1></div>
<div class="card"><dl>
${meta}
</dl></div>
<h2>HTML</h2>
<div class="card">${htmlPart}</div>
<h2>Plain text</h2>
<div class="card">${textPart}</div>
<p><a href="/">← Inbox</a></p>`;
  // No default-src: the srcdoc frame inherits this policy and the email's images and styles must still load.
  const csp = "script-src 'none'; object-src 'none'; form-action 'none'";
  return { html: layout(`${m.subject} · Mail sink`, body), csp };
}

function notFoundPage(): Page {
  const body = `<p><a href="/">← Inbox</a></p>
<div class="card"><p class="empty">No such message. It may have been cleared.</p></div>`;
  return { html: layout("Not found · Mail sink", body), csp: "default-src 'none'; style-src 'unsafe-inline'" };
}

// ---------------------------------------------------------------------------------------------------------------------
// Script entry

function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`MAIL_SINK_PORT must be an integer from 0 to 65535, got ${value}`);
  }
  return port;
}

async function main(): Promise<void> {
  const port = parsePort(process.env.MAIL_SINK_PORT);
  const sink = await startMailSink({
    port,
    host: process.env.MAIL_SINK_HOST || DEFAULT_HOST,
    file: process.env.MAIL_SINK_FILE || DEFAULT_FILE,
  }).catch((error: unknown) => {
    const code = isRecord(error) ? error.code : undefined;
    throw new Error(code === "EADDRINUSE" ? `port ${port} is in use (set MAIL_SINK_PORT)` : errorMessage(error));
  });
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    sink.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

const entry = process.argv[1];
if (entry && resolve(entry) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`Mail sink: ${errorMessage(error)}`);
    process.exit(1);
  });
}
