/** A ValidationFailed answer as a map from field path to message, for form inputs' `error` props. */
export const errorsByField = (fields: { field: string; message: string }[] = []): Record<string, string> =>
  Object.fromEntries(fields.map((f) => [f.field, f.message]));
