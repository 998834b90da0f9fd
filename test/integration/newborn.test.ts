import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compilePack } from '../../lib/pack/compile';
import { loadPack } from '../../lib/pack/code-pack';
import { parseDocument } from '../../lib/document/document';
import { isNewborn, newbornSuggestions } from '../../lib/suggest/newborn';
import { readInputs } from '../../cli/io';
import { codesetsDir, DEFAULT_PACK } from '../../cli/paths';

/* Newborn prematurity and birth weight codes on the real code set (default pack, else the shared release files). */
const dir = codesetsDir();
const present = existsSync(DEFAULT_PACK) || Boolean(dir && existsSync(path.join(dir, 'icd10cm')));
if (!present) console.warn('\n!!! SKIPPING the newborn cases: no default pack and no release folder !!!\n');

let pack: ReturnType<typeof loadPack>;
beforeAll(async () => {
  const bytes = existsSync(DEFAULT_PACK)
    ? new Uint8Array(readFileSync(DEFAULT_PACK))
    : (await compilePack(await readInputs([dir!]))).bytes;
  pack = loadPack(bytes);
}, 180_000);

const codes = (note: string) => newbornSuggestions(pack, parseDocument(note), 'FY2026').map((s) => s.code);

describe.skipIf(!present)('newborn codes on the real code set', () => {
  it('29-3/7-week gestation infant -> P07.32 (29 completed weeks)', () => {
    const [s] = newbornSuggestions(
      pack,
      parseDocument(
        'INDICATION FOR CONSULTATION: Increasing oxygen requirement.\nHISTORY: Baby boy, XYZ, is a 29-3/7-week gestation infant.',
      ),
      'FY2026',
    );
    expect(s).toMatchObject({ code: 'P07.32', billable: true });
    expect(s!.description).toMatch(/29 completed weeks/);
  });

  it('birth weight before gestational age (I.C.16.d)', () => {
    expect(codes('NICU ADMISSION: Preterm infant, 27 weeks gestation, birth weight 890 grams.')).toEqual([
      'P07.03',
      'P07.26',
    ]);
  });

  it('isNewborn: a 14-day-old is; an adult mother is not', () => {
    expect(isNewborn(parseDocument('HPI: A 14-day-old was seen by private doctor because of blister.'))).toBe(true);
    expect(isNewborn(parseDocument('HPI: A 30-year-old gravida 1 at 32 weeks gestation.'))).toBe(false);
  });

  it.each([
    'HPI: A 14-day-old. She was born full term. No complications.',
    'HPI: 2-day-old, 38 weeks gestation, birth weight 3,100 grams.',
    'HPI: Newborn. His mother had premature rupture of membranes.',
  ])('nothing: %s', (note) => expect(codes(note)).toEqual([]));
});
