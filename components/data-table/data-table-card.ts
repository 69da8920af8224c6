import type { RowData } from "@tanstack/react-table";
import type { DataTableInstance } from "./features";

// Below `md` every table is a list of cards, by CSS alone (no script measures the window): the same rows, cells and
// row menus, each cell a line labelled with its column (`data-label`), the first column as the card's title, the
// select checkbox and the row menu in its corners. Tailwind classes here, so each table reads the same.

/** The `<table>`: a block below md. */
export const cardTableClass = "max-md:block";
/** The header stays for screen readers below md (cells keep their headers); the sort select replaces its buttons. */
export const cardHeadClass = "max-md:sr-only";
/** The body: a column of cards below md. */
export const cardBodyClass = "max-md:flex max-md:flex-col max-md:gap-2";
/** A row: a card below md, room on the left for its checkbox and on the right for its menu (the border wins over the body's "no border on the last row"). */
export const cardRowClass =
  "max-md:relative max-md:flex max-md:flex-col max-md:gap-1.5 max-md:rounded-md max-md:border! max-md:p-3 max-md:has-[td[data-card=menu]]:pr-12 max-md:has-[td[data-card=select]]:pl-11";

const lineClass =
  "max-md:flex max-md:min-w-0 max-md:items-baseline max-md:justify-between max-md:gap-4 max-md:border-0 max-md:p-0 max-md:whitespace-normal max-md:text-right max-md:[overflow-wrap:anywhere] max-md:before:shrink-0 max-md:before:text-left max-md:before:text-muted-foreground max-md:before:content-[attr(data-label)]";

const roleClass: Record<CardRole, string> = {
  line: lineClass,
  title:
    "max-md:block max-md:border-0 max-md:p-0 max-md:font-medium max-md:whitespace-normal max-md:[overflow-wrap:anywhere]",
  menu: "max-md:absolute max-md:top-2 max-md:right-2 max-md:w-auto max-md:border-0 max-md:p-0",
  select: "max-md:absolute max-md:top-3.5 max-md:left-3.5 max-md:w-auto max-md:border-0 max-md:p-0",
  hidden: "max-md:hidden",
};

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

/** The `<td>` classes of a role. */
export function cardCellClass(role: CardRole | undefined): string {
  return roleClass[role ?? "line"];
}
