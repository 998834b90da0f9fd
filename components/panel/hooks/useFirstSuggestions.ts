import { useEffect, useState } from 'react';
import type { Analysis } from '@/lib/suggest/schema';

/** When the panel page started: open -> first suggestions is measured from here (the e2e suite reads it). */
const OPENED_AT = performance.now();

/** Milliseconds from the panel opening to the first analysis shown (set once). */
export function useFirstSuggestionsMs(analysis: Analysis | undefined): number | undefined {
  const [ms, setMs] = useState<number>();
  useEffect(() => {
    if (analysis && ms === undefined) setMs(Math.round(performance.now() - OPENED_AT));
  }, [analysis, ms]);
  return ms;
}
