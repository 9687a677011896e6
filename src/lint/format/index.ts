/** Lint output formats, by the name `--format` takes. Each is a pure function Problem[] → string. */
import type { Problem } from '../../types.ts';
import { github } from './github.ts';
import { human } from './human.ts';
import { json } from './json.ts';
import { junit } from './junit.ts';
import { markdown } from './markdown.ts';
import { sarif } from './sarif.ts';

/** A formatter; `color` only matters to `human`. */
export type Formatter = (problems: readonly Problem[], options: { color?: boolean }) => string;

/** Every format, by name; `human` is the default. */
export const formats: Record<string, Formatter> = { human, json, junit, markdown, github, sarif };
