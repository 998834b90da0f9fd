import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack, type IcdLookup } from '../../../lib/pack/code-pack';
import { fixtureInputs } from '../../helpers/fixtures';

let pack: CodePack;
beforeAll(async () => {
  pack = loadPack(
    (await compilePack(fixtureInputs('fy2026', 'hcpcs', 'ncci'), { createdAt: '2026-01-01T00:00:00Z' })).bytes,
  );
});

describe('the pack hands out one module per code set', () => {
  it('ICD-10-CM: the chapter of a listed code is the one its lookup prints; an unlisted code is placed by its prefix', () => {
    const listed = pack
      .listIcdCodes(pack.currentIcdRelease!.label)
      .filter((c) => c.billable)
      .slice(0, 200)
      .map((c) => c.code);
    expect(listed.length).toBeGreaterThan(0);
    for (const code of listed) {
      const chapter = (pack.lookup(code) as IcdLookup).chapter;
      expect(pack.chapterOf(code)).toEqual(chapter && { name: chapter.name, desc: chapter.desc });
    }
    const known = listed.find((c) => pack.chapterOf(c))!;
    expect(pack.chapterOf(`${known}9`)).toEqual(pack.chapterOf(known));
    expect(pack.chapterOf('U99')).toBeUndefined();
  });

  it('the Tabular and the Alphabetic Index are read by name', () => {
    const t = pack.tabulars.list('full')[0]!;
    const [code] = t.notesByCode().next().value!;
    const node = t.node(code)!;
    expect(node.code).toBe(code);
    expect(typeof node.description).toBe('string');
    expect(typeof node.placeholder).toBe('boolean');
    const term = pack.alphabeticIndex?.terms().next().value;
    if (term) expect(term.path.length).toBeGreaterThan(0);
  });
});
