/**
 * Which names a file uses as values. An import none of whose names is used as a value is erased with the types
 * (TypeScript and esbuild, hence tsx, drop it: the module is never loaded), so it is no runtime dependency.
 * The walk is syntactic, as theirs is: type annotations, `typeof x` in a type, interfaces, type aliases,
 * `implements` and ambient (`declare`) code are type positions; everything else that names a binding is a value use.
 */
import ts from 'typescript';

/** Identifiers in these slots name a property or declare a binding; they do not refer to one. */
function isReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  return (parent as { name?: ts.Node }).name !== id;
}

function isAmbient(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
  );
}

/** Names of `export { a, b }` (no module specifier) that are not marked `type`: a re-export of a local is a use. */
function exportedLocals(node: ts.ExportDeclaration, into: Set<string>): void {
  if (node.isTypeOnly || node.moduleSpecifier || !node.exportClause || !ts.isNamedExports(node.exportClause)) return;
  for (const spec of node.exportClause.elements) {
    if (!spec.isTypeOnly) into.add((spec.propertyName ?? spec.name).text);
  }
}

export function valueNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || isAmbient(node)) return;
    if (ts.isExportDeclaration(node)) return exportedLocals(node, names);
    if (ts.isHeritageClause(node)) {
      if (node.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(node.parent)) {
        for (const type of node.types) visit(type.expression);
      }
      return;
    }
    // `f<T>` (an instantiation expression) is a value use of f; its type arguments are types.
    if (ts.isExpressionWithTypeArguments(node)) return visit(node.expression);
    if (ts.isTypeNode(node)) return;
    if (ts.isIdentifier(node) && isReference(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}
