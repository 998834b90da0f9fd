import { codeForSide, sideMentions, sideOfTitle, sitesOfTitle } from '../laterality';
import { isIcd, noteDocument, type Rule } from '../rule';

/**
 * Codes with sides: the unspecified-side code is for when the record does not say (Guidelines
 * I.B.13). When the note gives the side for the code's body site, the sided code is reported —
 * both sides: the bilateral code, or the right and the left code where the classification has no
 * bilateral one; when it does not, ask.
 */
export const rule: Rule = {
  id: 'laterality-not-documented',
  kind: 'documentation',
  title: 'Unspecified side reported for a code family with sides',
  source: 'ICD-10-CM Official Guidelines I.B.13 (laterality; bilateral code, else right and left codes)',
  run(ctx) {
    const { encounter, pack } = ctx;
    const doc = noteDocument(ctx);
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const info = pack.codeInfo(d.code);
      if (!info || sideOfTitle(info.title) !== 'unspecified') continue;
      if (!codeForSide(pack, d.code, 'right')) continue; // no sided codes in this family
      const mentions = doc ? sideMentions(doc, sitesOfTitle(info.title)) : [];
      const sides = new Set(mentions.map((m) => m.side));
      const both = sides.has('bilateral') || (sides.has('right') && sides.has('left'));
      const side = both ? 'bilateral' : mentions[0]?.side;
      const evidence = mentions.slice(0, 3).map(({ start, end, text }) => ({ start, end, text }));
      if (!side) {
        out.push({
          severity: 'warning',
          message: `${d.code} (${info.title}): the side is not documented`,
          rationale: 'The unspecified-side code is only for records that do not say the side.',
          codes: [d.code],
          evidence: [],
          action: 'Send a provider query for the side (right, left, bilateral, other, clinically undetermined).',
        });
        continue;
      }
      const bilateral = side === 'bilateral' ? codeForSide(pack, d.code, 'bilateral') : undefined;
      const right = codeForSide(pack, d.code, 'right');
      const left = codeForSide(pack, d.code, 'left');
      const target =
        side === 'bilateral'
          ? bilateral
            ? [bilateral]
            : [right, left].filter((c): c is string => Boolean(c))
          : [codeForSide(pack, d.code, side)].filter((c): c is string => Boolean(c));
      out.push({
        severity: 'warning',
        message: `${d.code} (${info.title}) is reported, but the note says "${mentions[0]!.text}"${both && mentions.length > 1 ? ` and "${mentions.find((m) => m.side !== mentions[0]!.side)?.text ?? mentions[1]!.text}"` : ''}`,
        rationale:
          side === 'bilateral' && !bilateral
            ? 'Both sides are documented and this family has no bilateral code: the right and the left code are reported.'
            : 'The unspecified-side code is only for records that do not say the side.',
        codes: [d.code, ...target],
        evidence,
        action: target.length
          ? `Report ${target.join(' and ')} instead of ${d.code}.`
          : `Report the ${side}-sided code of this family.`,
      });
    }
    return out;
  },
};
