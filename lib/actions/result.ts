/** What every server action returns: its data, a message for the user, or field errors. */
export type ActionResult<T = null> =
  | { data: T; serverError?: undefined; validationErrors?: undefined }
  | { data?: undefined; serverError: string; validationErrors?: undefined }
  | { data?: undefined; serverError?: undefined; validationErrors: Record<string, string[]> };
