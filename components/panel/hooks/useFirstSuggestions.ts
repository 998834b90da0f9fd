import { useEffect, useState } from 'react';
import type { Analysis } from '@/lib/suggest/schema';

/**
 * Milliseconds from the panel opening (the page's navigation start, performance's time origin:
 * script loading counts too) to the first analysis shown, set once. The e2e suite reads it.
 */
export function useFirstSuggestionsMs(analysis: Analysis | undefined): number | undefined {
  const [ms, setMs] = useState<number>();
  useEffect(() => {
    if (analysis && ms === undefined) setMs(Math.round(performance.now()));
  }, [analysis, ms]);
  return ms;
}
