/**
 * A zod `error` option that says one thing, whatever failed: the message a
 * person can act on, with the value that was given. Passed to every check of a
 * field, so its first issue always reads the same.
 */
export const says = (message: (input: unknown) => string) => ({ error: (issue: { input?: unknown }) => message(issue.input) });
