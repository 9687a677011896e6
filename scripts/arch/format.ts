/** The structure check as plain text: the four counts first, then what makes each of them, then the figures. */
import type { ArchReport, Edge, FolderRow } from './types.ts';

const edgeLine = (e: Edge) => `    ${e.from}:${e.line} → ${e.to}${e.kind === 'static' ? '' : ` (${e.kind})`}`;

function section(title: string, count: number, lines: string[]): string[] {
  return [`${title}: ${count}`, ...lines, ''];
}

function violations(r: ArchReport): string[] {
  const { limits } = r;
  return [
    ...section(
      'Computed imports (import/require with a specifier that is not a string literal)',
      r.counts.computedImports,
      r.computedImports.map((c) => `  ${c.file}:${c.line}  ${c.kind}(${c.expression})`),
    ),
    ...section(
      'Runtime folder cycles (components of the graph of runtime imports between folders of src/)',
      r.counts.folderCycles,
      r.folderCycles.flatMap((c) => [`  ${c.folders.join(' ⇄ ')}`, ...c.edges.map(edgeLine)]),
    ),
    ...section(
      `Production functions over ${limits.functionLines} lines`,
      r.counts.longFunctions,
      r.longFunctions.map((f) => `  ${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`),
    ),
    ...section(
      `Production files over ${limits.fileLines} lines`,
      r.counts.longFiles,
      r.longFiles.map((f) => `  ${String(f.lines).padStart(4)}  ${f.file}`),
    ),
  ];
}

function information(r: ArchReport): string[] {
  const hops = r.hops;
  const hopLines = !hops
    ? ['  neither src/pipeline.ts nor src/run/run.ts exists']
    : hops.to === null
      ? [
          `  from ${hops.from}: ${hops.reason} (${hops.writers.join(', ') || 'none'})`,
          hops.nearest
            ? `  nearest file of src/report/: ${hops.nearest.join(' → ')}`
            : '  no file of src/report/ either',
        ]
      : [
          `  ${hops.hops} hops, ${hops.folders.length} folders (${hops.folders.join(' → ')})`,
          `  ${hops.chain.join(' → ')}`,
          `  writer modules: ${hops.writers.join(', ')}`,
        ];
  return [
    ...section(
      'Worker entries (new Worker(...): a thread start, not an import; not counted)',
      r.workerEntries.length,
      r.workerEntries.map(
        (w) => `  ${w.file}:${w.line}  new Worker(${w.expression})${w.target ? ` → ${w.target}` : ''}`,
      ),
    ),
    ...section(
      'File cycles inside a folder (runtime imports; not counted)',
      r.fileCycles.length,
      r.fileCycles.map((c) => `  ${c.folder}  ${c.files.join(' ⇄ ')}`),
    ),
    'Shortest runtime import chain from the pipeline to a report writer:',
    ...hopLines,
    '',
  ];
}

function table(r: ArchReport): string[] {
  const head = ['folder', 'files', 'lines', 'median', 'largest', 'tests', 'test lines'];
  const cells = (x: FolderRow) =>
    [x.folder, x.files, x.lines, x.median, x.largest, x.testFiles, x.testLines].map(String);
  const rows = [head, ...r.summary.folders.map(cells), cells(r.summary.total)];
  const widths = head.map((_, i) => Math.max(...rows.map((cols) => (cols[i] as string).length)));
  const render = (cols: string[]) =>
    `  ${cols.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')}`;
  return [
    'Files and lines per folder of src/ (production files; tests and test support apart):',
    ...rows.map(render),
    '',
    `Roles: ${r.roles.production} production, ${r.roles.test} test, ${r.roles.testSupport.length} test support, ${r.roles.generated.length} generated (skipped)`,
    ...r.roles.testSupport.map((f) => `  test support: ${f}`),
    ...r.roles.generated.map((f) => `  generated: ${f}`),
  ];
}

export function formatText(r: ArchReport): string {
  const c = r.counts;
  const total = c.computedImports + c.folderCycles + c.longFunctions + c.longFiles;
  const verdict = total === 0 ? 'structure: clean' : `structure: ${total} violation(s)`;
  const head = `${verdict} — computed imports ${c.computedImports}, folder cycles ${c.folderCycles}, functions over ${r.limits.functionLines} lines ${c.longFunctions}, files over ${r.limits.fileLines} lines ${c.longFiles}`;
  return [head, '', ...violations(r), ...information(r), ...table(r)].join('\n');
}
