// Delivery right after a request: worker.ts runs every request in a scope that knows the request's `ctx.waitUntil`;
// whoever commits outbox rows calls `deliverSoon(eventIds)`, and the worker delivers them once the batch has landed,
// without holding the response. Outside the worker (unit tests, `next dev`) there is no scope and the cron, or the
// test, delivers. The scope is kept on globalThis: worker.ts's better-auth and Next's bundle each have their own copy
// of this module, and both must see the same scope.
import { AsyncLocalStorage } from "node:async_hooks";

type Deliver = (eventIds: string[]) => void;

const KEY = Symbol.for("gatehouse.webhooks.after-commit");

function storage(): AsyncLocalStorage<Deliver> {
  const store = globalThis as { [KEY]?: AsyncLocalStorage<Deliver> };
  store[KEY] ??= new AsyncLocalStorage<Deliver>();
  return store[KEY];
}

/** Runs `fn` (one request) with `deliver` as what `deliverSoon` calls. */
export function withDeliveryScope<T>(deliver: Deliver, fn: () => T): T {
  return storage().run(deliver, fn);
}

/** Asks the worker to deliver these committed events after the response (nothing outside the worker). */
export function deliverSoon(eventIds: readonly string[]) {
  if (eventIds.length === 0) return;
  storage().getStore()?.([...eventIds]);
}
