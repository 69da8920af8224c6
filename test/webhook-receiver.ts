// A webhook receiver on loopback for the tests (unit and e2e): verifies every delivery's Standard Webhooks
// signature with the `standardwebhooks` package, answers 500 to the first `failFirst` deliveries, and keeps what it
// received. No test framework imports: vitest and Playwright both use it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
  verified: boolean;
  /** What this receiver answered. */
  answered: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The verified deliveries of one event type whose data matches. */
  deliveries(type: string, match?: (data: Record<string, unknown>) => boolean): Received[];
  setSecret(secret: string): void;
  /** Answer 500 to the next `n` verified deliveries (of this event type only, when given). */
  failNext(n: number, type?: string): void;
  close(): Promise<void>;
}

export async function startReceiver({ port = 0, path = "/webhooks" } = {}): Promise<Receiver> {
  let secret: string | null = null;
  let failures = 0;
  let failType: string | undefined;
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      let parsed: { type?: string; data?: Record<string, unknown> } = {};
      try {
        if (secret) {
          parsed = new Webhook(secret).verify(body, req.headers as Record<string, string>) as typeof parsed;
          verified = true;
        }
      } catch {
        verified = false;
      }
      const failing = verified && failures > 0 && (!failType || parsed.type === failType);
      const answered = !verified ? 400 : failing ? 500 : 204;
      if (failing) failures -= 1;
      received.push({
        id: String(req.headers["webhook-id"] ?? ""),
        type: parsed.type ?? "",
        data: parsed.data ?? {},
        verified,
        answered,
      });
      res.writeHead(answered, { "content-type": "text/plain" });
      res.end(answered === 204 ? undefined : "receiver said no");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}${path}`,
    received,
    deliveries: (type, match = () => true) => received.filter((r) => r.verified && r.type === type && match(r.data)),
    setSecret: (value) => {
      secret = value;
    },
    failNext: (n, type) => {
      failures = n;
      failType = type;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
