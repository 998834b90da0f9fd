/**
 * What the side panel needs only once its own code pack is loaded: the analyzer (a local analysis, a spot-audit), E/M, the checks, the coded summary, and the views
 * over them (release line, billing form, spot-audit, E/M, exports, search). Loaded as its own
 * chunk together with the pack, so the first suggestions (the background's answer) wait for
 * none of it: the panel's first script is React, the review and the suggestion list.
 */
export { inSpotAuditSample } from '@/lib/audit/spot-audit';
export { checkEncounter } from '@/lib/checks/engine';
export { levelEncounter } from '@/lib/em/em';
export { NoteAnalyzer } from '@/lib/suggest/analyze';
export { buildSummary } from '@/lib/summary/build';
export { ReleaseStatus } from '../ReleaseStatus';
export { BillingPanel } from './BillingPanel';
export { CodeSearch } from './CodeSearch';
export { EmPanel } from './EmPanel';
export { ExportBar } from './ExportBar';
export { SpotAuditPanel } from './SpotAuditPanel';
