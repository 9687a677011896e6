/** Every tool the MCP server offers, in the order tools/list shows them. */
import type { Tool } from '../tool.ts';
import certify from './certify.ts';
import diff from './diff.ts';
import explainFinding from './explain-finding.ts';
import lint from './lint.ts';
import run from './run.ts';

export const TOOLS: readonly Tool[] = [lint, run, diff, certify, explainFinding];
