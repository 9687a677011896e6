/**
 * The shape of one MCP tool: a data object with its input schema (a zod shape, which the SDK turns into the JSON
 * Schema clients see and validates arguments against) and its call. Tools are listed in tools/index.ts.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { HarnessError } from '../errors.ts';

/** What a tool call may use: the session's folders and environment, progress, and the client's cancellation. */
export interface ToolContext {
  /** The folder relative paths are read from (the server's working directory). */
  cwd: string;
  env: Record<string, string | undefined>;
  /** The report folder the resources show: the last one a run or certify call wrote. */
  reportDir: string;
  setReportDir(dir: string): void;
  /** Sends notifications/progress when the client asked for it (a progressToken); otherwise does nothing. */
  progress(progress: number, total: number | undefined, message: string): Promise<void>;
  signal: AbortSignal;
}

export interface Tool<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  inputSchema: Shape;
  call(args: z.infer<z.ZodObject<Shape>>, context: ToolContext): Promise<CallToolResult>;
}

/** Keeps each tool's argument type while the list holds them all as one type. */
export function defineTool<Shape extends z.ZodRawShape>(tool: Tool<Shape>): Tool {
  return tool as unknown as Tool;
}

/** A tool's answer: a one-line summary for the agent to read first, then the data as JSON. */
export function answer(summary: string, data?: unknown): CallToolResult {
  const content: CallToolResult['content'] = [{ type: 'text', text: summary }];
  if (data !== undefined) content.push({ type: 'text', text: JSON.stringify(data, null, 2) });
  return { content };
}

/**
 * Runs a call, turning a harness error (bad input, unusable spec, unreachable target) into a tool error the agent
 * can read, with its stable code; anything else is a bug and propagates to the SDK's own error handling.
 */
export async function guarded(call: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof HarnessError)) throw error;
    const where = error.location ? `${error.location}: ` : '';
    return { isError: true, content: [{ type: 'text', text: `${where}${error.message} [${error.code}]` }] };
  }
}
