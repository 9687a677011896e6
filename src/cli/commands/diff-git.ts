/**
 * Git `ref:path` sources of `specgate diff`: the root file and every file it reaches through relative `$ref`s
 * are read with `git show` into a temp dir that mirrors the repository's paths, loaded from there with
 * `loadSpec` (so multi-file descriptions bundle exactly as on disk), and the temp dir is removed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { HarnessError } from '../../errors.ts';
import { loadSpec } from '../../load/index.ts';
import type { Json, Spec } from '../../types.ts';

/** True for `ref:path` sources: not a URL, not a Windows drive, not an existing file. */
export function isGitSource(source: string, cwd: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^[a-z]:[\\/]/i.test(source)) return false;
  const colon = source.indexOf(':');
  return colon > 0 && colon < source.length - 1 && !existsSync(path.resolve(cwd, source));
}

async function git(args: string[], cwd: string): Promise<Buffer> {
  const run = await promisify(execFile)('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
  return run.stdout;
}

/** Loads `ref:path` (path as `git show` reads it: from the repository top, or from `cwd` when it starts with `./` or `../`). */
export async function loadGitSpec(source: string, cwd: string): Promise<Spec> {
  const colon = source.indexOf(':');
  const ref = source.slice(0, colon);
  let top: string;
  let root: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], cwd)).toString().trim();
    const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).toString().trim();
    const given = source.slice(colon + 1);
    root = path.posix.normalize(/^\.\.?\//.test(given) ? path.posix.join(prefix, given) : given);
  } catch (error) {
    throw unreadable(source, error);
  }
  const tmp = await realpath(await mkdtemp(path.join(tmpdir(), 'specgate-git-')));
  try {
    await materialize(ref, root, top, tmp, source);
    const spec = await loadSpec(path.join(tmp, root), { cwd: tmp }).catch((error: unknown) => {
      throw error instanceof HarnessError
        ? new HarnessError(error.code, error.message, error.location && `${ref}:${error.location}`)
        : error;
    });
    return relabel(spec, ref, source);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Writes the root and, level by level, every file its relative `$ref`s name that exists at `ref`. */
async function materialize(ref: string, root: string, top: string, tmp: string, source: string): Promise<void> {
  const seen = new Set([root]);
  let level = [root];
  while (level.length > 0) {
    const next: string[] = [];
    await Promise.all(
      level.map(async (file) => {
        let bytes: Buffer;
        try {
          bytes = await git(['show', `${ref}:${file}`], top);
        } catch (error) {
          if (file === root) throw unreadable(source, error);
          return; // the loader reports the dangling $ref, with the place that names it
        }
        await mkdir(path.dirname(path.join(tmp, file)), { recursive: true });
        await writeFile(path.join(tmp, file), bytes);
        for (const target of referencedFiles(bytes.toString('utf8'), file)) {
          if (!seen.has(target)) {
            seen.add(target);
            next.push(target);
          }
        }
      }),
    );
    level = next;
  }
}

/** Repository paths of the files `$ref`s in `text` point to, resolved against `file` as the loader resolves them. */
export function referencedFiles(text: string, file: string): string[] {
  let value: unknown;
  try {
    value = /^\s*[[{]/.test(text) ? JSON.parse(text) : parse(text);
  } catch {
    try {
      value = parse(text);
    } catch {
      return []; // unparsable: the loader says where
    }
  }
  const out = new Set<string>();
  const visit = (node: Json | undefined): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const ref = node.$ref;
      if (typeof ref === 'string') {
        const target = relativeTarget(ref, file);
        if (target) out.add(target);
      }
      for (const child of Object.values(node)) if (child && typeof child === 'object') visit(child);
    }
  };
  visit(value as Json);
  return [...out];
}

function relativeTarget(ref: string, file: string): string | undefined {
  const uriPart = ref.split('#')[0]!;
  if (uriPart === '' || /^[a-z][a-z0-9+.-]*:/i.test(uriPart)) return undefined; // internal, or absolute URL
  try {
    const resolved = decodeURIComponent(new URL(uriPart, `file:///${file}`).pathname.slice(1));
    return resolved === '' ? undefined : resolved;
  } catch {
    return undefined;
  }
}

/** Names places `ref:path` (repository paths), as `git show` would, instead of the temp dir's paths. */
function relabel(spec: Spec, ref: string, source: string): Spec {
  return {
    ...spec,
    source,
    files: spec.files.map((f) => `${ref}:${f}`),
    locate: (pointer) => {
      const at = spec.locate(pointer);
      return { ...at, file: `${ref}:${at.file}` };
    },
  };
}

function unreadable(source: string, error: unknown): HarnessError {
  const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim();
  return new HarnessError('SPEC_UNREADABLE', `cannot read ${source} from git: ${stderr}`, source);
}
