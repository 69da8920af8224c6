import { Suspense } from "react";
import { renderToReadableStream } from "react-dom/server.edge";
import { describe, expect, it } from "vitest";
import { type TablePage, useTablePage } from "./use-table-page";

// A table page hands its table the rows on a page load and the pending read on a client-side navigation
// (lib/data-table/page-load.ts): the first renders at once, with no skeleton to replace.
function Rows({ page }: { page: TablePage<{ data: string[] }> }) {
  const { data } = useTablePage(page);
  return (
    <ul>
      {data.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  );
}

async function render(page: TablePage<{ data: string[] }>) {
  const stream = await renderToReadableStream(
    <Suspense fallback={<p>Loading table</p>}>
      <Rows page={page} />
    </Suspense>,
  );
  return new Response(stream).text(); // read as it streams, as a browser would
}

describe("useTablePage", () => {
  it("renders rows already read at once, with no skeleton", async () => {
    const html = await render({ data: ["Ada", "Grace"] });
    expect(html).toContain("<li>Ada</li><li>Grace</li>");
    expect(html).not.toContain("Loading table");
  });

  it("waits for a pending read (a client-side navigation's) and renders its rows", async () => {
    const pending = new Promise<{ data: string[] }>((resolve) => setTimeout(() => resolve({ data: ["Ada"] }), 5));
    expect(await render(pending)).toContain("<li>Ada</li>");
  });
});
