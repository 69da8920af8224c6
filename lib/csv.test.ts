import { describe, expect, it } from "vitest";
import { csvCell, csvResponse, csvRow } from "./csv";

describe("csv", () => {
  it("quotes separators, quotes and line breaks, and defuses formulas", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-05-14T09:30:00Z"))).toBe("2026-05-14T09:30:00.000Z");
    expect(csvRow(["a", 1, true])).toBe("a,1,true\r\n");
  });

  it("streams the header and every chunk", async () => {
    async function* chunks() {
      yield [{ n: 1 }, { n: 2 }];
      yield [{ n: 3 }];
    }
    const response = csvResponse("x.csv", ["n"], chunks(), (row) => [row.n]);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(await response.text()).toBe("n\r\n1\r\n2\r\n3\r\n");
  });
});
