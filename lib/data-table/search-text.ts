// A search box's text as the tables keep it: whole code points, at most MAX_SEARCH_LENGTH of them, no lone surrogate.
// No nuqs: the database queries use it too (db/queries/search.ts).
import { MAX_SEARCH_LENGTH } from "./search-params-types";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every lone surrogate replaced by U+FFFD (`String.prototype.toWellFormed`, which older browsers lack). */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** How many code points `text` has (an emoji is one, not two UTF-16 units). */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** The first `max` code points of `text`: never cuts a surrogate pair in half, as `slice` by UTF-16 units would. */
export function sliceCodePoints(text: string, max: number): string {
  let end = 0;
  let taken = 0;
  // Walks only as far as the cap, so a huge value costs no more than a short one.
  for (const point of text) {
    if (taken === max) break;
    end += point.length;
    taken++;
  }
  return text.slice(0, end);
}

/**
 * Keeps at most `MAX_SEARCH_LENGTH` code points, well-formed (no lone surrogate reaches a query). Does not trim
 * (trimming while typing would eat spaces).
 */
export function parseSearch(value: string): string {
  return toWellFormed(sliceCodePoints(value, MAX_SEARCH_LENGTH));
}

/** Whether a search has reached the cap (the box then says that longer text is not searched). */
export function isSearchAtLimit(search: string): boolean {
  return codePointLength(search) >= MAX_SEARCH_LENGTH;
}
