/** Helpers for path templates (`/pets/{petId}`), shared by the path rules. */

/** The variable names of a path template, in order. */
export function templateVariables(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}

/** The template with every variable name erased: `/a/{x}` and `/a/{y}` both give `/a/{}`. */
export function templateShape(path: string): string {
  return path.replace(/\{[^{}]+\}/g, '{}');
}
