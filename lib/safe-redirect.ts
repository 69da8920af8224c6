/**
 * Returns `value` when it is a same-origin relative path ("/x?y#z"), else `fallback`.
 * Used for every `next` / `callbackURL` so that no link can send a user to another site.
 */
export function safeNext(value: string | null | undefined, fallback = "/"): string {
  if (!value || typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Control characters and backslashes let browsers reinterpret the path as another host.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is exactly what is refused here
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const base = "http://gatehouse.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
