import { impliedToken, type ExpandedToken } from './expand';

/** The spinal region a vertebral level names (C1-C7 cervical, T1-T12 thoracic, L1-L5 lumbar). */
const REGION: [RegExp, string][] = [
  [/^c[1-7]$/, 'cervical'],
  [/^t(?:[1-9]|1[0-2])$/, 'thoracic'],
  [/^l[1-5]$/, 'lumbar'],
];
const LEVEL = /^(?:[ct]\d{1,2}|l[1-5]|s[1-5])$/;
const SPINE_WORD =
  /^(?:radiculopath|radicul|root|nerve|dermatom|dis[ck]|herniat|stenos|vertebra|fracture|compression|spondyl|myelopath|foramin|level|facet)/;

/**
 * Region words a sentence's vertebral levels imply ("facet joint syndrome at L4-5" is lumbar;
 * "T8-T10" thoracic), for the region of the ICD-10-CM spine codes (M47.81-, M48.06-, M51.36-):
 * the level is the documentation of the region. A level counts when written as a range ("L4-5",
 * "C5-C6", "L5-S1"), as a lumbar level ("L1 compression fracture") or as a level written before a
 * word of the spine ("C6 radiculopathy"); a lone "C3" or "T2" is as often a complement or an MRI
 * sequence. A range L5-S1 is the lumbosacral region (the disc and joint between the lumbar spine and
 * the sacrum); a lone L5 is lumbar.
 */
export function impliedSpinalRegions(exp: ExpandedToken[], text: string): ExpandedToken[] {
  const out: ExpandedToken[] = [];
  // A region the sentence writes needs no implied word (and a written word is where matches belong).
  const seen = new Set<string>(exp.filter((t) => !t.expanded).map((t) => t.norm));
  exp.forEach((t, i) => {
    if (t.expanded) return;
    const next = exp.slice(i + 1).find((n) => !n.expanded);
    // The L5-S1 disc and joint are the lumbosacral region (M51.27, M54.17, M47.817).
    const lumbosacral = t.norm === 'l5' && next?.norm === 's1' && /^\s*-\s*$/.test(text.slice(t.end, next.start));
    const region = lumbosacral ? 'lumbosacral' : REGION.find(([re]) => re.test(t.norm))?.[1];
    if (!region || seen.has(region)) return;
    const ranged =
      next !== undefined &&
      /^\s*-\s*$/.test(text.slice(t.end, next.start)) &&
      (/^\d{1,2}$/.test(next.norm) || LEVEL.test(next.norm));
    // A lone level written before a word of the spine ("C6 radiculopathy", "T12 compression
    // fracture") is a vertebral level, whatever else its letters could stand for.
    const spinal = next !== undefined && /^\s+$/.test(text.slice(t.end, next.start)) && SPINE_WORD.test(next.norm);
    if (!ranged && !spinal && region !== 'lumbar') return;
    seen.add(region);
    out.push(impliedToken(t, region));
  });
  // Levels above L5-S1 as well ("L4-5 and L5-S1"): the lumbar region names them all.
  return seen.has('lumbar') ? out.filter((t) => t.norm !== 'lumbosacral') : out;
}
