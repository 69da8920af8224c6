// `npm run bench` counts the D1 statements a request issues. Only when BENCH_INSTRUMENT=1 (set by the bench's
// worker, never in .dev.vars or production) is the binding wrapped; otherwise it is returned untouched.

let statements: string[] = [];

/** The request env's D1 binding, counted in bench mode. */
export function d1Binding(env: { DB: D1Database; BENCH_INSTRUMENT?: string }): D1Database {
  if (env.BENCH_INSTRUMENT !== "1") return env.DB;
  return new Proxy(env.DB, {
    get(target, property) {
      if (property === "prepare") {
        return (query: string) => {
          statements.push(query);
          return target.prepare(query);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The SQL of the statements prepared since the last call (the bench runs one request at a time while it counts). */
export function takeD1Statements(): string[] {
  const taken = statements;
  statements = [];
  return taken;
}
