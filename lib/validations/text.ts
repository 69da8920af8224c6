import "./zod-config";
import { z } from "zod";

// Names people give themselves, their organizations, teams and roles are shown to other people (pages, member
// lists, mail subjects). Control characters can break lines in plain-text mail and logs; bidirectional overrides,
// isolates and marks can make "Acme<U+202E>gnp.exe" display as "Acmeexe.png". So names are refused when they hold
// any of these, and otherwise normalized: Unicode NFC, runs of whitespace as one space, no surrounding space.

/**
 * C0 and C1 controls (tab and line breaks included), the Arabic letter mark, zero-width space, LRM/RLM, line and
 * paragraph separators, the bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the BOM.
 * Zero-width (non-)joiners stay allowed: emoji sequences and several scripts need them.
 */
const UNSAFE_SOURCE =
  "[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff]";
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, "g");

export const UNSAFE_TEXT_MESSAGE = "Remove control and text-direction characters.";

/** Whether `value` holds a control, bidi-override or other invisible formatting character (see UNSAFE_SOURCE). */
export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE.test(value);
}

/** NFC, whitespace runs as one space, trimmed. */
export function normalizeName(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** One line of display text for mail subjects and plain-text parts: unsafe characters become spaces, then normalized. */
export function oneLine(value: string): string {
  return normalizeName(value.replace(UNSAFE_ALL, " "));
}

/** Free text kept on several lines (a reason): line breaks stay, other unsafe characters go. */
export function paragraphs(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(UNSAFE_ALL, " ").normalize("NFC").trimEnd())
    .join("\n")
    .trim();
}

export interface NameFieldOptions {
  min: number;
  max: number;
  /** Shown when the name is shorter than `min` (empty, for a required name). */
  tooShort: string;
}

/** A display name: unsafe characters refused, then normalized, then its length checked. */
export function nameField({ min, max, tooShort }: NameFieldOptions) {
  return z
    .string()
    .refine((value) => !hasUnsafeCharacters(value), UNSAFE_TEXT_MESSAGE)
    .overwrite(normalizeName)
    .min(min, tooShort)
    .max(max, `Use at most ${max} characters.`);
}

/** Limits of the names people choose, shared by the forms (zod) and the HTTP API (lib/auth/plugins/input-hygiene.ts). */
export const NAME_LIMITS = {
  person: { min: 1, max: 100 },
  organization: { min: 2, max: 80 },
  team: { min: 1, max: 60 },
} as const;

export const personNameSchema = nameField({ ...NAME_LIMITS.person, tooShort: "Enter a name." });
export const organizationNameSchema = nameField({
  ...NAME_LIMITS.organization,
  tooShort: "Use at least 2 characters.",
});
export const teamNameFieldSchema = nameField({ ...NAME_LIMITS.team, tooShort: "Enter a name." });
