// CSV for exports (RFC 4180 quoting), safe to open in spreadsheets.

/** One CSV cell: quoted when needed; a leading =, +, -, @, tab or CR is defused so spreadsheets never run it. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text =
    value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (CRLF-terminated). */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A streamed CSV download: the header row, then every chunk of rows the source yields. */
export function csvResponse<T>(
  filename: string,
  header: readonly string[],
  chunks: AsyncIterable<T[]>,
  toValues: (row: T) => readonly unknown[],
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(csvRow(header)));
        for await (const chunk of chunks) {
          controller.enqueue(encoder.encode(chunk.map((row) => csvRow(toValues(row))).join("")));
        }
        controller.close();
      } catch (error) {
        console.error(`CSV export ${filename} failed:`, error);
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
