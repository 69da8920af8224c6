import type { RowData } from "@tanstack/react-table";
import type { DataTableInstance } from "./features";

// Below `md` every table is a list of cards, by CSS alone (no script measures the window): the same rows, cells and
// row menus, each cell a line labelled with its column (`data-label`), the first column as the card's title, the
// select checkbox and the row menu in its corners. The rows' and cells' rules are in app/globals.css (`.ui-data-row`,
// `[data-card=<role>]`), written once rather than on every cell; the table, header and body keep short classes here.

/** The `<table>`: a block below md. */
export const cardTableClass = "max-md:block";
/** The header stays for screen readers below md (cells keep their headers); the sort select replaces its buttons. */
export const cardHeadClass = "max-md:sr-only";
/** The body: a column of cards below md. */
export const cardBodyClass = "max-md:flex max-md:flex-col max-md:gap-2";

export type CardRole = "line" | "title" | "menu" | "select" | "hidden";

/** Each column's role in the card, by id: "select" and "actions" by the shared names, the title by meta or first. */
export function getCardRoles<TData extends RowData>(table: DataTableInstance<TData>): Map<string, CardRole> {
  const roles = new Map<string, CardRole>();
  const columns = table.getAllLeafColumns();
  const explicitTitle = columns.some((column) => column.columnDef.meta?.card === "title");
  let titled = false;
  for (const column of columns) {
    const card = column.columnDef.meta?.card;
    let role: CardRole = "line";
    if (column.id === "select") role = "select";
    else if (column.id === "actions") role = "menu";
    else if (card === "hidden") role = "hidden";
    else if (card === "title" || (!explicitTitle && !titled)) {
      role = "title";
      titled = true;
    }
    roles.set(column.id, role);
  }
  return roles;
}
