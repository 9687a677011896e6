/** Pure formatters of a Certificate: `certificate.md` and a shields-style `badge.svg`. */
import { cell } from '../format/markdown.ts';
import { xmlEscape } from '../format/xml.ts';
import type { RequirementVerdict } from './evaluate.ts';

/** What `certify` attests, as written to `certificate.json`. */
export interface Certificate {
  tool: { name: 'specgate'; version: string };
  profile: { id: string; title: string; version: string };
  suites: Array<{ file: string; title: string; version: string }>;
  target: string;
  spec: { source: string; sha256: string };
  date: string;
  seed: number;
  status: 'pass' | 'fail';
  summary: { passed: number; failed: number; required: number };
  requirements: RequirementVerdict[];
  notes: string[];
}

const fence = (text: string) => text.replace(/```/g, "'''");

/** `certificate.md`: verdict first, then one section per requirement with its evidence. */
export function certificateMarkdown(c: Certificate): string {
  const lines = [
    `# ${c.profile.title}: ${c.status === 'pass' ? 'PASS' : 'FAIL'}`,
    '',
    `| | |`,
    `|---|---|`,
    `| Target | ${c.target} |`,
    `| Profile | ${c.profile.id} ${c.profile.version} |`,
    `| Suites | ${c.suites.map((s) => `${s.file} (${s.version})`).join(', ')} |`,
    `| Spec | ${c.spec.source} (sha256 ${c.spec.sha256.slice(0, 16)}…) |`,
    `| Date | ${c.date} |`,
    `| Seed | ${c.seed} |`,
    `| Requirements | ${c.summary.passed} passed, ${c.summary.failed} failed (${c.summary.required} required) |`,
    '',
    '| Requirement | Status | |',
    '|---|---|---|',
    ...c.requirements.map(
      (r) =>
        `| \`${r.id}\` | ${r.status === 'pass' ? '✅ pass' : '❌ fail'}${r.required ? '' : ' (optional)'} | ${cell(r.title)} |`,
    ),
    '',
  ];
  for (const r of c.requirements) {
    lines.push(
      `## ${r.status === 'pass' ? '✅' : '❌'} ${r.id}: ${r.title}`,
      '',
      '```',
      ...r.evidence.map(fence),
      '```',
      '',
    );
  }
  if (c.notes.length) lines.push('## Notes', '', ...c.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

/** Rough Verdana 11px width, as shields.io estimates it. */
const width = (s: string) => Math.round(s.length * 6.5 + 10);

/** `badge.svg`: "<label> | pass" green or "<label> | fail" red. */
export function badgeSvg(label: string, status: 'pass' | 'fail'): string {
  const [lw, rw] = [width(label), width(status)];
  const color = status === 'pass' ? '#4c1' : '#e05d44';
  const l = xmlEscape(label);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + rw}" height="20" role="img" aria-label="${l}: ${status}">
<title>${l}: ${status}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${lw + rw}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${rw}" height="20" fill="${color}"/><rect width="${lw + rw}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="14">${l}</text><text x="${lw + rw / 2}" y="14">${status}</text>
</g>
</svg>
`;
}
