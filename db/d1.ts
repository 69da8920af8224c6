// `npm run bench` counts the D1 statements a request issues and, in a separate untimed pass, the rows they read and
// write. Only when BENCH_INSTRUMENT=1 (set by the bench's worker, never in .dev.vars or production) is the binding
// wrapped; otherwise it is returned untouched.
//
// The counters live on globalThis: worker.ts serves /api/auth/* from its own copy of this module (outside Next's
// bundle), and both copies must count into the same place.

interface BenchCounters {
  statements: string[];
  /** D1 calls (round trips): an unbatched statement's all/run/raw/first, or one `batch` of any number of them. */
  calls: number;
  /** True while the bench's row-counting pass runs: every statement then reports D1's `meta`. */
  countRows: boolean;
  rowsRead: number;
  rowsWritten: number;
}

const KEY = Symbol.for("gatehouse.bench.d1");
function counters(): BenchCounters {
  const store = globalThis as { [KEY]?: BenchCounters };
  store[KEY] ??= { statements: [], calls: 0, countRows: false, rowsRead: 0, rowsWritten: 0 };
  return store[KEY];
}

function addMeta(meta: { rows_read?: number; rows_written?: number } | undefined) {
  const c = counters();
  c.rowsRead += meta?.rows_read ?? 0;
  c.rowsWritten += meta?.rows_written ?? 0;
}

const READ_ONLY = /^\s*(select|with|pragma|explain)\b/i;

/**
 * A bound statement whose results report rows. Drizzle reads through `raw()`, which drops D1's `meta`: while rows
 * are counted, a read runs once more through `all()` for its meta (the bench's timed requests never count), and a
 * write runs through `all()` alone, its object rows turned back into the arrays `raw()` returns (a write's RETURNING
 * names one table's columns, so no two share a name).
 */
function countingStatement(statement: D1PreparedStatement, sql: string): D1PreparedStatement {
  const all = statement.all.bind(statement);
  const run = statement.run.bind(statement);
  const raw = statement.raw.bind(statement) as (options?: { columnNames?: boolean }) => Promise<unknown[]>;
  const first = statement.first.bind(statement) as (column?: string) => Promise<unknown>;
  const patched = statement as unknown as Record<string, unknown>;
  patched.all = async () => {
    counters().calls += 1;
    const result = await all();
    if (counters().countRows) addMeta(result.meta);
    return result;
  };
  patched.run = async () => {
    counters().calls += 1;
    const result = await run();
    if (counters().countRows) addMeta(result.meta);
    return result;
  };
  patched.raw = async (options?: { columnNames?: boolean }) => {
    counters().calls += 1;
    if (!counters().countRows) return raw(options);
    const result = await all<Record<string, unknown>>();
    addMeta(result.meta);
    if (READ_ONLY.test(sql)) return raw(options);
    const rows = result.results.map((row) => Object.values(row));
    return options?.columnNames ? [Object.keys(result.results[0] ?? {}), ...rows] : rows;
  };
  patched.first = async (column?: string) => {
    counters().calls += 1;
    if (counters().countRows) addMeta((await all()).meta);
    return first(column);
  };
  return statement;
}

/** The request env's D1 binding (or a D1 session on it), counted in bench mode. */
export function d1Binding<T extends D1Database | D1DatabaseSession>(db: T, env: { BENCH_INSTRUMENT?: string }): T {
  if (env.BENCH_INSTRUMENT !== "1") return db;
  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") {
        return (query: string) => {
          counters().statements.push(query);
          const statement = target.prepare(query);
          const bind = statement.bind.bind(statement);
          // Statements stay D1's own objects (batch() reads their internals); only their methods are wrapped.
          (statement as unknown as Record<string, unknown>).bind = (...values: unknown[]) =>
            countingStatement(bind(...values), query);
          return countingStatement(statement, query);
        };
      }
      if (property === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          counters().calls += 1;
          const results = await target.batch(statements);
          if (counters().countRows) for (const result of results) addMeta(result.meta);
          return results;
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * What the statements prepared since the last call did (the bench runs one request at a time while it counts), and
 * whether rows are counted from now on (`countRows`).
 */
export function takeD1Counters(countRows: boolean) {
  const c = counters();
  const taken = { statements: c.statements, calls: c.calls, rowsRead: c.rowsRead, rowsWritten: c.rowsWritten };
  c.statements = [];
  c.calls = 0;
  c.rowsRead = 0;
  c.rowsWritten = 0;
  c.countRows = countRows;
  return taken;
}
