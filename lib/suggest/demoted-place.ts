import type { Suggestion } from './schema';

/**
 * The condition keeps its place on the claim when its detail comes from elsewhere: the specific
 * code takes the place of the unspecified one it replaces ("Schizoaffective disorder" in the
 * assessment, its type in the psychiatric history: listed where the assessment lists it).
 */
export function inPlaceOfDemoted(grouped: Suggestion[], demoted: Suggestion[]): Suggestion[] {
  const out = [...grouped];
  for (const d of demoted) {
    const at = out.indexOf(d);
    const by = out.findIndex((o, i) => i > at && !demoted.includes(o) && o.code.slice(0, 3) === d.code.slice(0, 3));
    if (by < 0) continue;
    const [specific] = out.splice(by, 1);
    out.splice(at, 0, specific!);
  }
  return out;
}
