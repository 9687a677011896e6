/**
 * Reads one file with the TypeScript parser: its imports (and whether each survives type erasure), the imports
 * whose specifier is computed, the worker threads it starts, and its functions (see `functions.ts`).
 */
import ts from 'typescript';
import { functionSpans } from './functions.ts';
import type { ComputedImport, ImportRef, ParsedFile, WorkerEntry } from './types.ts';
import { valueNames } from './usage.ts';

const KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.jsx': ts.ScriptKind.JSX,
};

/** Lines as `wc -l` counts them, plus a last line without its newline. */
export function countLines(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** A generated file says so on its first line (`@generated` or "do not edit"); it is nobody's to shorten. */
export function isGenerated(text: string): boolean {
  const first = (text.split('\n', 1)[0] ?? '').toLowerCase();
  return /^\s*(\/\/|\/\*)/.test(first) && (first.includes('@generated') || first.includes('do not edit'));
}

const lineOf = (source: ts.SourceFile, node: ts.Node): number =>
  source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

/** `import x from`, `import { a, type B } from`, `import './side-effect'`: runtime unless every name is a type. */
function declarationRuntime(node: ts.ImportDeclaration, values: Set<string>): boolean {
  const clause = node.importClause;
  if (!clause) return true;
  if (clause.isTypeOnly) return false;
  const locals: string[] = clause.name ? [clause.name.text] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) locals.push(bindings.name.text);
  if (bindings && ts.isNamedImports(bindings)) {
    if (!clause.name && bindings.elements.length === 0) return true;
    for (const el of bindings.elements) if (!el.isTypeOnly) locals.push(el.name.text);
  }
  return locals.some((name) => values.has(name));
}

/** `export * from` and `export { a } from` load the module; `export type { A } from` does not. */
function reExportRuntime(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return false;
  const clause = node.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return true;
  return clause.elements.length === 0 || clause.elements.some((el) => !el.isTypeOnly);
}

const isRequire = (call: ts.CallExpression): boolean =>
  ts.isIdentifier(call.expression) && call.expression.text === 'require';

const isWorker = (node: ts.NewExpression): boolean =>
  (ts.isIdentifier(node.expression) && node.expression.text === 'Worker') ||
  (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'Worker');

/** `new URL('./x.js', import.meta.url)`: the literal, resolved against the file that says it. */
function moduleRelativeUrl(node: ts.Expression): string | undefined {
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'URL') return;
  const [first, base] = node.arguments ?? [];
  if (!first || !base || !ts.isStringLiteralLike(first)) return;
  const isMetaUrl =
    ts.isPropertyAccessExpression(base) && ts.isMetaProperty(base.expression) && base.name.text === 'url';
  return isMetaUrl ? first.text : undefined;
}

interface Found {
  imports: ImportRef[];
  computed: ComputedImport[];
  workers: WorkerEntry[];
}

function visitCalls(source: ts.SourceFile, path: string, found: Found): void {
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isRequire(node))) {
      const kind = isRequire(node) ? 'require' : 'dynamic';
      const arg = node.arguments[0];
      const line = lineOf(source, node);
      if (arg && ts.isStringLiteralLike(arg)) found.imports.push({ specifier: arg.text, line, kind, runtime: true });
      else if (arg) {
        const expression = arg.getText(source);
        found.computed.push({ file: path, line, kind: kind === 'require' ? 'require' : 'import', expression });
      }
    }
    if (ts.isNewExpression(node) && isWorker(node) && node.arguments?.[0]) {
      const arg = node.arguments[0];
      const specifier = ts.isStringLiteralLike(arg) ? undefined : moduleRelativeUrl(arg);
      found.workers.push({ file: path, line: lineOf(source, node), expression: arg.getText(source), specifier });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function visitDeclarations(source: ts.SourceFile, found: Found): void {
  const values = valueNames(source);
  for (const node of source.statements) {
    const line = () => lineOf(source, node);
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const runtime = declarationRuntime(node, values);
      found.imports.push({ specifier: node.moduleSpecifier.text, line: line(), kind: 'static', runtime });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.imports.push({
        specifier: node.moduleSpecifier.text,
        line: line(),
        kind: 're-export',
        runtime: reExportRuntime(node),
      });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const ref = node.moduleReference.expression;
      if (ts.isStringLiteral(ref))
        found.imports.push({ specifier: ref.text, line: line(), kind: 'require', runtime: !node.isTypeOnly });
    }
  }
}

/** Parses one file; `path` is relative to the scanned root. */
export function parseFile(path: string, text: string): ParsedFile {
  const ext = path.slice(path.lastIndexOf('.'));
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, KINDS[ext] ?? ts.ScriptKind.JS);
  const found: Found = { imports: [], computed: [], workers: [] };
  visitDeclarations(source, found);
  visitCalls(source, path, found);
  return {
    path,
    lines: countLines(text),
    generated: isGenerated(text),
    ...found,
    functions: functionSpans(source),
  };
}
