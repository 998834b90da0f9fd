import Papa from 'papaparse';
import { claimsFromGold } from '../../lib/audit/claims';
import { writeAtomic } from '../io';
import { readTextFile } from '../input';
import { print, type GlobalOptions } from '../output';

const writeText = (file: string, text: string) => writeAtomic(file, new TextEncoder().encode(text));

/** Claims CSV from gold codes with planted errors (to check the audit finds them). */
export async function claimsFromGoldCommand(
  a: { gold: string; out: string; inject?: string; seed?: string },
  opts: GlobalOptions,
): Promise<void> {
  const gold = await readTextFile(a.gold, 'gold file', 256 * 1024 * 1024);
  // Unrelated codes for "added-unsupported": conditions a case report rarely mentions.
  const unrelated = ['S52.501A', 'O80', 'Z38.00', 'H52.4', 'L60.0', 'F17.210'];
  const { rows } = claimsFromGold(gold, { inject: Number(a.inject ?? 0.2), seed: Number(a.seed ?? 7), unrelated });
  await writeText(a.out, Papa.unparse(rows, { escapeFormulae: true }));
  const injected = rows.filter((r) => r.injected !== 'none');
  print(
    opts,
    { charts: rows.length, injected: injected.length, out: a.out },
    () =>
      `${rows.length} claims written to ${a.out}; ${injected.length} with one planted error (${['dropped', 'added-unsupported', 'header-code'].map((k) => `${k} ${injected.filter((r) => r.injected === k).length}`).join(', ')})`,
  );
}
