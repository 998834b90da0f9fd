import { z } from 'zod';
import raw from './v28-labels.json';

/**
 * Labels of the 115 payment HCCs of the 2024 CMS-HCC model (V28), which payment year 2026 uses
 * alone. Data file with its source; checked against the categories of the CMS mappings file.
 */
const Schema = z.strictObject({
  model: z.literal('CMS-HCC V28'),
  source: z.string(),
  labels: z.record(z.string().regex(/^\d{1,3}$/), z.string().min(1)),
});

export const V28_LABELS: Record<string, string> = Schema.parse(raw).labels;
