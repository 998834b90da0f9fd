import { promises as fs } from 'node:fs';
import { checkEncounter } from '../../lib/checks/engine';
import { parseCodeList } from '../../lib/claim/parse-code-list';
import { queryDraft } from '../../lib/checks/query';
import { hccMappingNote, hccOfDiagnoses, hccText } from '../../lib/audit/hcc';
import { ruleCatalog } from '../../lib/checks/catalog';
import { NoteAnalyzer } from '../../lib/suggest/analyze';
import { print, table, UsageError, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';
import { PROJECT_ROOT } from '../paths';
import path from 'node:path';

/** `check --codes "E11.9,I10,99214-25,20610x2" [--note file]`: findings with rule, source and action. */
export async function checkCommand(o: { codes: string; note?: string }, opts: GlobalOptions): Promise<void> {
  const dateOfService = opts.date ?? new Date().toISOString().slice(0, 10);
  // The releases in force on the date of service answer (today's when --date is not given), said once.
  const { pack } = await openPack({ ...opts, date: dateOfService });
  const note = o.note ? await fs.readFile(o.note, 'utf8') : undefined;
  const setting = opts.setting === 'hospital' ? 'hospital' : 'office';
  const analysis = note ? new NoteAnalyzer(pack).analyze(note, { setting, dateOfService }) : undefined;
  const findings = checkEncounter(
    { dateOfService, setting, ...parseCodeList(o.codes), ...(analysis ? { analysis, note } : {}) },
    pack,
  );
  // One draft per question: two findings about the same words would ask the provider twice.
  const drafts = findings.map((f) => queryDraft(f, pack)).filter((q) => q !== undefined);
  const queries = drafts.filter((q, i) => drafts.findIndex((o) => o.question === q.question) === i);
  const claimed = parseCodeList(o.codes);
  const hcc = hccOfDiagnoses(
    claimed.diagnoses.map((d) => d.code),
    pack,
  );
  const hccMapping = hccMappingNote(pack);
  print(opts, { dateOfService, setting, findings, queries, hcc, ...(hccMapping ? { hccMapping } : {}) }, () =>
    [
      findings.length === 0
        ? `no findings for ${o.codes} on ${dateOfService} (${setting})`
        : [
            table([
              ['severity', 'rule', 'codes', 'finding', 'action'],
              ...findings.flatMap((f) =>
                wrapRow([f.severity, f.rule, f.codes.join(' '), f.message, f.action], [0, 0, 24, 60, 48]),
              ),
            ]),
            ...queries.map(
              (q) =>
                `\nprovider query draft (${q.rule}):\n${wrap(q.question, 100)
                  .map((l) => `  ${l}`)
                  .join('\n')}\n${q.options.map((x) => `  [ ] ${x}`).join('\n')}`,
            ),
          ].join('\n'),
      ...hccLines(hcc, hccMapping),
    ].join('\n'),
  );
}

/** The billed diagnoses' CMS-HCC categories and the mapping's limits ('' lines left out without a mapping). */
function hccLines(hcc: ReturnType<typeof hccOfDiagnoses>, mapping: string | undefined): string[] {
  if (!mapping) return [];
  const list = hcc.length
    ? hcc.map((h) => `${h.code} ${hccText(h)}`).join(' · ')
    : 'none of the billed diagnoses maps to a payment HCC';
  return ['', ...wrap(`CMS-HCC V28: ${list}`, 110), ...wrap(`Mapping: ${mapping}.`, 110)];
}

/** Words of a text in lines of at most `width` characters (a longer word stands alone; nothing is cut). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** One table row as several physical rows: each cell wrapped to its width (0 = as is), the others blank. */
function wrapRow(cells: string[], widths: number[]): string[][] {
  const wrapped = cells.map((c, i) => (widths[i] ? wrap(c, widths[i]!) : [c]));
  const height = Math.max(...wrapped.map((w) => w.length));
  return Array.from({ length: height }, (_, r) => wrapped.map((w) => w[r] ?? ''));
}

export async function rulesCommand(o: { write?: boolean }, opts: GlobalOptions): Promise<void> {
  const md = ruleCatalog();
  if (o.write) await fs.writeFile(path.join(PROJECT_ROOT, 'docs/rules.md'), md);
  else if (opts.json) print(opts, { catalog: md }, () => md);
  else process.stdout.write(md);
  if (!md) throw new UsageError('empty catalog');
}
