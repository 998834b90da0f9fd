import type { Suggestion } from './schema';

/**
 * The condition keeps its place on the claim when its detail comes from elsewhere: the specific
 * code takes the place of the unspecified one it replaces ("Schizoaffective disorder" in the
 * assessment, its type in the psychiatric history: listed where the assessment lists it). A specific
 * code the assessment states in a numbered item of its own is another problem and keeps its own place
 * ("1. Low back syndrome ... 7. ... radiculopathy": the radiculopathy hides the vaguer back pain of
 * its category but is not the first item's condition); in the demoted code's own statement
 * ("arrhythmia and ... ventricular fibrillation") it is that statement's reading.
 */
/** A numbered item opening between two words ("...disease.,7.  Lumbar"): they are different problems. */
const NEXT_ITEM = /(?:^|[\n,;]|\.\s)\s*\d{1,2}[.)]\s+[A-Za-z]/;

function inOneItem(text: string, a: Suggestion, b: Suggestion): boolean {
  return a.evidence.some((x) =>
    b.evidence.some((y) => {
      const [from, to] = x.end <= y.start ? [x.end, y.start] : [y.end, x.start];
      return from >= to || !NEXT_ITEM.test(text.slice(from, to));
    }),
  );
}

export function inPlaceOfDemoted(grouped: Suggestion[], demoted: Suggestion[], text: string): Suggestion[] {
  const out = [...grouped];
  for (const d of demoted) {
    const at = out.indexOf(d);
    const by = out.findIndex(
      (o, i) =>
        i > at &&
        !demoted.includes(o) &&
        o.code.slice(0, 3) === d.code.slice(0, 3) &&
        (o.section !== 'diagnostic' || inOneItem(text, d, o)),
    );
    if (by < 0) continue;
    const [specific] = out.splice(by, 1);
    out.splice(at, 0, specific!);
  }
  return out;
}
