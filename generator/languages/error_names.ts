// Naming a Bitrix24 error body by generated/errors.json, the spec's error catalogue, in TypeScript.
// Self-contained (no generated code needed): copy it next to any client, load errors.json (for
// example with `import catalogue from "./errors.json"` and `resolveJsonModule`) and call
// `nameError(catalogue, operation, httpStatus, body)` on every body that has an `error` member.
// tests/clients/test_error_names.py compiles it with tsc --strict and runs it over the catalogue.

export interface ErrorVariant {
  lang: string;
  text?: string;
  pattern?: string;
  template?: string;
  current?: boolean;
}

export interface NamedError {
  name: string;
  code: string;
  statuses: number[];
  retry: string;
  message: string;
  cause: string;
  messages: ErrorVariant[];
  operations: string[];
}

export interface ErrorCatalogue {
  errors: NamedError[];
}

/** An answer's `error` as the catalogue writes codes: flow errors arrive as the JSON integer 0. */
export function codeText(code: unknown): string | undefined {
  if (typeof code === "number" && Number.isInteger(code)) {
    return String(code);
  }
  return typeof code === "string" ? code : undefined;
}

const compiled = new Map<string, RegExp>();

/** Whether a variant covers a message: the same text, or a pattern matching the whole message. */
export function covers(variant: ErrorVariant, message: string): boolean {
  if (variant.pattern === undefined) {
    return variant.text === message;
  }
  let regex = compiled.get(variant.pattern);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${variant.pattern})$`);
    compiled.set(variant.pattern, regex);
  }
  return regex.test(message);
}

/**
 * The catalogue entry an error body is, or undefined for an error the catalogue does not name.
 * Code and message decide; an entry the called operation declares wins, then one declared under
 * the answer's HTTP status (spec/README.md D70).
 */
export function nameError(
  catalogue: ErrorCatalogue,
  operation: string,
  status: number,
  body: { error?: unknown; error_description?: unknown },
): NamedError | undefined {
  const code = codeText(body.error);
  if (code === undefined) {
    return undefined;
  }
  const message = typeof body.error_description === "string" ? body.error_description : "";
  let best: NamedError | undefined;
  let bestScore = -1;
  for (const entry of catalogue.errors) {
    if (entry.code !== code || !entry.messages.some((variant) => covers(variant, message))) {
      continue;
    }
    const score = (entry.operations.includes(operation) ? 2 : 0) + (entry.statuses.includes(status) ? 1 : 0);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}
