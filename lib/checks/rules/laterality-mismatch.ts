import { codeForSide, sideMentions, sideOfTitle, sitesOfTitle, type Side } from '../laterality';
import { isIcd, noteDocument, type Rule } from '../rule';

type Out = ReturnType<Rule['run']>[number];
const MODIFIER_SIDE: Record<string, Side> = { RT: 'right', LT: 'left', '50': 'bilateral' };
const covers = (a: Side, b: Side) => a === b || a === 'bilateral';

/**
 * The sides on a claim must agree with each other and with the note (Guidelines I.B.13 laterality;
 * NCCI Policy Manual Chapter I §E anatomic modifiers RT/LT and §V modifier 50): a sided diagnosis
 * against the side the note gives for that body site; a procedure's RT/LT/50 against the sided
 * diagnoses reported and against the side the note gives where the procedure is written.
 */
export const rule: Rule = {
  id: 'laterality-mismatch',
  kind: 'conflict',
  title: 'Side of a code or modifier contradicts the other codes or the note',
  source:
    'ICD-10-CM Official Guidelines I.B.13 (laterality); NCCI Policy Manual Chapter I §E (anatomic modifiers RT, LT) and §V (modifier 50)',
  run(ctx) {
    const { encounter, pack } = ctx;
    const doc = noteDocument(ctx);
    const out: Out[] = [];
    const sided = encounter.diagnoses
      .filter((d) => isIcd(d.code))
      .map((d) => {
        const title = pack.codeInfo(d.code)?.title ?? '';
        const side = sideOfTitle(title);
        return { d, title, side: side === 'unspecified' ? undefined : side };
      })
      .filter((x): x is typeof x & { side: Side } => x.side !== undefined);

    // 1. A sided diagnosis against the note's side for its body site.
    if (doc) {
      for (const x of sided) {
        const mentions = sideMentions(doc, sitesOfTitle(x.title));
        if (mentions.length === 0 || mentions.some((m) => covers(m.side, x.side) || covers(x.side, m.side))) continue;
        const noted = mentions[0]!.side;
        const other = codeForSide(pack, x.d.code, noted);
        out.push({
          severity: 'error',
          message: `${x.d.code} (${x.title}) is reported, but the note says "${mentions[0]!.text}"`,
          rationale: 'The side of a diagnosis code is the side the provider documents for that site.',
          codes: other ? [x.d.code, other] : [x.d.code],
          evidence: mentions.slice(0, 3).map(({ start, end, text }) => ({ start, end, text })),
          action: other
            ? `Report ${other} instead of ${x.d.code}, or query the provider if the note is wrong.`
            : `Report the ${noted} code of this family${noted === 'bilateral' ? ' (or the right and the left code when there is no bilateral one)' : ''}, or query the provider if the note is wrong.`,
        });
      }
    }

    // 2. A procedure's side modifier against the sided diagnoses and against the note.
    for (const s of encounter.services) {
      const mod = s.modifiers.find((m) => MODIFIER_SIDE[m]);
      if (!mod) continue;
      const side = MODIFIER_SIDE[mod]!;
      if (sided.length && !sided.some((x) => covers(side, x.side) || covers(x.side, side))) {
        out.push({
          severity: 'error',
          message: `${s.code}-${mod} (${side}) is reported with ${sided.map((x) => `${x.d.code} (${x.side})`).join(', ')}`,
          rationale: 'The side modifier of a procedure and the side of the diagnosis it treats must be the same.',
          codes: [s.code, ...sided.map((x) => x.d.code)],
          evidence: [],
          action: 'Correct the modifier or the diagnosis to the side the record documents.',
        });
        continue;
      }
      if (
        side === 'bilateral' &&
        sided.length &&
        sided.every((x) => x.side !== 'bilateral') &&
        new Set(sided.map((x) => x.side)).size === 1
      ) {
        out.push({
          severity: 'warning',
          message: `${s.code}-50 (both sides) is reported, but the diagnoses give one side only (${sided.map((x) => `${x.d.code} ${x.side}`).join(', ')})`,
          rationale:
            'A bilateral procedure is supported by a bilateral diagnosis code, or by the right and the left code.',
          codes: [s.code, ...sided.map((x) => x.d.code)],
          evidence: [],
          action:
            'Report the diagnosis for the other side too (or the bilateral code), or replace 50 with the side treated.',
        });
        continue;
      }
      if (!doc) continue;
      // The body sites of every diagnosis with sides (an unspecified-side one too: the note may still give the side).
      const sites = encounter.diagnoses.flatMap((d) => {
        const title = pack.codeInfo(d.code)?.title ?? '';
        return sideOfTitle(title) ? sitesOfTitle(title) : [];
      });
      const mentions = sideMentions(doc, sites, ['procedure', 'plan', 'findings', 'diagnostic', 'narrative', 'reason']);
      if (mentions.length === 0 || mentions.some((m) => covers(m.side, side) || covers(side, m.side))) continue;
      out.push({
        severity: 'error',
        message: `${s.code}-${mod} (${side}) is reported, but the note says "${mentions[0]!.text}"`,
        rationale: 'The side modifier says which side was treated; it must be the side the note documents.',
        codes: [s.code],
        evidence: mentions.slice(0, 3).map(({ start, end, text }) => ({ start, end, text })),
        action: `Report ${s.code} with the modifier of the documented side (${mentions[0]!.side === 'bilateral' ? '50' : mentions[0]!.side === 'right' ? 'RT' : 'LT'}), or query the provider if the note is wrong.`,
      });
    }
    return out;
  },
};
