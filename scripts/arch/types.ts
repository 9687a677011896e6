/** Values shared by the structure check's stages (scan → graph → analyze → format). */

/** How an import reaches its target: `static` and `re-export` are declarations, the others are calls. */
export type EdgeKind = 'static' | 're-export' | 'dynamic' | 'require';

/** One import of a file, before resolution. `runtime` is false when type erasure removes it. */
export interface ImportRef {
  specifier: string;
  line: number;
  kind: EdgeKind;
  runtime: boolean;
}

/** An `import(expr)` or `require(expr)` whose specifier is not a string literal. */
export interface ComputedImport {
  file: string;
  line: number;
  kind: 'import' | 'require';
  expression: string;
}

/**
 * A `new Worker(...)`: the start of a thread, not an import. `specifier` is the literal of a
 * `new URL('./x.js', import.meta.url)` argument; `target` is set when it resolves to a scanned file.
 */
export interface WorkerEntry {
  file: string;
  line: number;
  expression: string;
  specifier?: string;
  target?: string;
}

/** A function-like node: its display name, first line and length in lines (first to last, both included). */
export interface FunctionSpan {
  name: string;
  line: number;
  lines: number;
}

/** What the parser reads from one file; paths are relative to the scanned root, with `/` separators. */
export interface ParsedFile {
  path: string;
  lines: number;
  generated: boolean;
  imports: ImportRef[];
  computed: ComputedImport[];
  workers: WorkerEntry[];
  functions: FunctionSpan[];
}

/** A resolved import between two scanned files. */
export interface Edge {
  from: string;
  to: string;
  line: number;
  kind: EdgeKind;
  runtime: boolean;
}

export type Role = 'production' | 'test' | 'test-support' | 'generated' | 'outside';

export interface Limits {
  functionLines: number;
  fileLines: number;
}

export interface FolderCycle {
  folders: string[];
  edges: Edge[];
}

export interface FileCycle {
  folder: string;
  files: string[];
}

export interface LongFunction extends FunctionSpan {
  file: string;
}

/** The chain from the pipeline to the nearest report writer, or why there is none (and the nearest report file). */
export type Hops =
  | { from: string; writers: string[]; to: string; chain: string[]; hops: number; folders: string[] }
  | { from: string; writers: string[]; to: null; reason: string; nearest: string[] | null };

export interface FolderRow {
  folder: string;
  files: number;
  lines: number;
  median: number;
  largest: number;
  testFiles: number;
  testLines: number;
}

export interface ArchReport {
  root: string;
  limits: Limits;
  counts: { computedImports: number; folderCycles: number; longFunctions: number; longFiles: number };
  computedImports: ComputedImport[];
  workerEntries: WorkerEntry[];
  folderCycles: FolderCycle[];
  fileCycles: FileCycle[];
  longFunctions: LongFunction[];
  longFiles: Array<{ file: string; lines: number }>;
  hops: Hops | null;
  roles: { production: number; test: number; testSupport: string[]; generated: string[] };
  summary: { folders: FolderRow[]; total: FolderRow };
}
