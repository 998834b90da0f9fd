import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compilePack } from '../../lib/pack/compile';
import { loadPack } from '../../lib/pack/code-pack';
import { parseDocument } from '../../lib/document/document';
import { buildDrugTable, loadDrugTable, lookupSubstance, type DrugTable } from '../../lib/suggest/drug-table';
import { drugEventSuggestions } from '../../lib/suggest/drug-events';
import { readInputs } from '../../cli/io';
import { codesetsDir, DEFAULT_PACK } from '../../cli/paths';

/*
 * Drug events on the real Table of Drugs and Chemicals: the default pack when it was built (npm test
 * builds it first), else one compiled from the shared release files.
 */
const dir = codesetsDir();
const present = existsSync(DEFAULT_PACK) || Boolean(dir && existsSync(path.join(dir, 'icd10cm')));
if (!present) console.warn('\n!!! SKIPPING the drug-event cases: no default pack and no release folder !!!\n');

let pack: ReturnType<typeof loadPack>;
let table: DrugTable;
let release: string;
beforeAll(async () => {
  const bytes = existsSync(DEFAULT_PACK)
    ? new Uint8Array(readFileSync(DEFAULT_PACK))
    : (await compilePack(await readInputs([dir!]))).bytes;
  pack = loadPack(bytes);
  // As the pack compiler will store it: built once, serialized, loaded back.
  table = loadDrugTable(JSON.parse(JSON.stringify(buildDrugTable(pack.termSources()))));
  release = 'FY2026';
}, 180_000);

const codes = (note: string) =>
  drugEventSuggestions(pack, parseDocument(note), table, release).map((e) => e.suggestion.code);

describe.skipIf(!present)('drug events on the real Table of Drugs and Chemicals', () => {
  it('the table: thousands of substances, small enough to store with the pack', () => {
    expect(Object.keys(table.substances).length).toBeGreaterThan(5000);
    expect(JSON.stringify(table).length).toBeLessThan(300_000);
    expect(lookupSubstance(table, 'lithium')!.stem).toBe('T43.59'); // lithium salts, not the metal (T56.89)
    expect(lookupSubstance(table, 'lithium metal')!.stem).toBe('T56.89');
    expect(lookupSubstance(table, 'kerosene')!.toxic).toBe(true);
  });

  it('suicide attempt by ingestion of Ambien and tramadol (ED) -> T42.6X2A, T40.422A, first', () => {
    const ev = drugEventSuggestions(
      pack,
      parseDocument(
        'ED COURSE: Seen in the emergency department.\nASSESSMENT: Suicide attempt by ingestion of Ambien and tramadol.',
      ),
      table,
      release,
    );
    expect(ev.map((e) => [e.suggestion.code, e.sequence])).toEqual([
      ['T42.6X2A', 'first'],
      ['T40.422A', 'first'],
    ]);
    expect(ev.every((e) => e.suggestion.billable && e.suggestion.description.length > 0)).toBe(true);
  });

  it('kerosene ingestion, intent not stated -> accidental T52.0X1A (I.C.19.e.5.b)', () => {
    expect(codes('ASSESSMENT: Kerosene ingestion.')).toEqual(['T52.0X1A']);
    expect(codes('HPI: The patient ingested lamp oil (kerosene, liquid paraffin, citronella oil).')).toEqual([
      'T52.0X1A',
    ]);
  });

  it('she stopped taking her lithium -> underdosing T43.596A + Z91.128', () => {
    expect(codes('HPI: She stopped taking her lithium two weeks ago.')).toEqual(['T43.596A', 'Z91.128']);
    expect(codes('HPI: He could not afford his lithium and stopped taking it.')).toEqual(['T43.596A', 'Z91.120']);
  });

  it('neutropenia due to chemotherapy (carboplatin) -> T45.1X5A after the condition', () => {
    const ev = drugEventSuggestions(
      pack,
      parseDocument('ASSESSMENT: Neutropenia due to chemotherapy (carboplatin).'),
      table,
      release,
    );
    expect(ev.map((e) => [e.suggestion.code, e.sequence])).toEqual([['T45.1X5A', 'after']]);
  });

  it('pregnant patient: O9A.219 first when the trimester is unknown (I.C.15.m)', () => {
    expect(
      codes('ASSESSMENT: Gravida 2, pregnant at unknown gestation, presents after intentional overdose of tramadol.'),
    ).toEqual(['O9A.219', 'T40.422A']);
  });

  it.each([
    'ASSESSMENT: Denies overdose.',
    'ASSESSMENT: Possible acetaminophen overdose.',
    'MEDICATIONS: Ambien 10 mg at bedtime. Tramadol 50 mg.\nASSESSMENT: Insomnia. Chronic back pain.',
    'PAST MEDICAL HISTORY: Suicide attempt by overdose of Tylenol in 2010.',
    'ASSESSMENT: Lithium was discontinued by her psychiatrist.',
    'ASSESSMENT: Iron deficiency anemia due to menorrhagia.',
  ])('nothing: %s', (note) => {
    expect(codes(note)).toEqual([]);
  });
});
