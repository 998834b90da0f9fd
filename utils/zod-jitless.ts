import { z } from 'zod';

// Extension pages and content scripts run under a CSP without eval: tell Zod not to try its
// `new Function` fast path (it would fall back anyway, after a CSP violation report).
z.config({ jitless: true });
