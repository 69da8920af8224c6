// The bench's result table, printed in Markdown as Biome formats it, so it can be pasted into the README as is.

export type Row = [name: string, value: string, budget: string, pass: boolean | null];

export function r1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function printTable(rows: Row[]): void {
  const cells = rows.map(([name, value, budget, pass]) => [
    name,
    value,
    budget,
    pass === null ? "" : pass ? "ok" : "MISS",
  ]);
  const header = ["measure", "value", "budget", "result"];
  const width = header.map((_, c) => Math.max(header[c]?.length ?? 0, ...cells.map((row) => row[c]?.length ?? 0)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(width[c] ?? 0)).join(" | ")} |`;
  console.log("");
  console.log(line(header));
  console.log(line(width.map((w) => "-".repeat(w))));
  for (const row of cells) console.log(line(row));
}
