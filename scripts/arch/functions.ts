/**
 * Every function of a file with its length: declarations, methods, constructors, accessors, arrow functions and
 * function expressions, from the line of their first token (after any doc comment) to the line of their last.
 * A nested function is listed on its own, and its lines still count in the function around it.
 */
import ts from 'typescript';
import type { FunctionSpan } from './types.ts';

type FunctionNode = ts.FunctionLikeDeclaration;

const isFunction = (node: ts.Node): node is FunctionNode =>
  ts.isFunctionDeclaration(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node) ||
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node);

function nameText(name: ts.Node | undefined, source: ts.SourceFile): string | undefined {
  if (!name) return;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))
    return name.text;
  return name.getText(source);
}

/** The variable or property an anonymous function or class is assigned to, which names it. */
function holder(node: ts.Node): ts.Node | undefined {
  if (!(ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node))) return;
  if ((node as { name?: ts.Node }).name) return;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return parent;
  return;
}

/** The name a node is known by: its own, or that of the variable or property it is assigned to. */
function ownName(node: ts.Node, source: ts.SourceFile): string | undefined {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const named = holder(node) ?? node;
  if (ts.isBinaryExpression(named)) return named.left.getText(source);
  return nameText((named as { name?: ts.Node }).name, source);
}

/** Nodes whose name a reader uses to find the code inside them. */
const isContainer = (node: ts.Node): boolean =>
  isFunction(node) || ts.isClassLike(node) || ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node);

/** The closest enclosing name, skipping the variable or property that names the node itself. */
function enclosingName(node: ts.Node, source: ts.SourceFile): string | undefined {
  for (let up = (holder(node) ?? node).parent; up && !ts.isSourceFile(up); up = up.parent) {
    if (!isContainer(up)) continue;
    const name = ownName(up, source);
    if (name) return name;
  }
  return;
}

/** `name`, `Class.method`, `object.property`, or `<anonymous> in enclosing`. */
function displayName(node: FunctionNode, source: ts.SourceFile): string {
  const own = ownName(node, source);
  const enclosing = enclosingName(node, source);
  if (!own) return enclosing ? `<anonymous> in ${enclosing}` : '<anonymous>';
  const container = (holder(node) ?? node).parent;
  const member = ts.isClassLike(container) || ts.isObjectLiteralExpression(container);
  return member && enclosing ? `${enclosing}.${own}` : own;
}

export function functionSpans(source: ts.SourceFile): FunctionSpan[] {
  const spans: FunctionSpan[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      spans.push({ name: displayName(node, source), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}
