import { useEffect, useState } from 'react';
import type { Analysis } from '@/lib/suggest/schema';
import { AnalyzeReplySchema, sendRuntime, type PackRef } from '@/utils/messages';

export interface BackgroundAnalysis {
  /** What was asked: the answer is used only for this note, setting and date. */
  key: string;
  analysis?: Analysis;
  pack?: PackRef;
  /** The background could not answer (no service, an error, an invalid reply): analyse locally. */
  failed: boolean;
}

export const analysisKey = (text: string, setting: string, dateOfService: string) => JSON.stringify([setting, dateOfService, text]);

/**
 * Wakes the background's analysis service as the panel script starts; resolves when it is warm,
 * has failed, or after `patienceMs` (the panel then loads its own pack, no longer competing with
 * the background for the CPU on the way to the first suggestions).
 */
export function warmBackground(patienceMs = 4000): Promise<void> {
  const reply = sendRuntime({ type: 'cc:warm' }).then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([reply, new Promise<void>((resolve) => setTimeout(resolve, patienceMs))]);
}

/**
 * Chrome stops a service worker after ~30 s without events, and its warm analyzer with it: while
 * the panel is open a cc:warm every 20 s keeps it (an edit after a pause is answered at once).
 */
export function useKeepBackgroundWarm(periodMs = 20_000): void {
  useEffect(() => {
    const timer = setInterval(() => void sendRuntime({ type: 'cc:warm' }).catch(() => {}), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
}

/**
 * The note's analysis from the background's warm analyzer (utils/background/analysis-service):
 * the first suggestions without waiting for this page's own code pack. The reply is validated
 * against the analysis schema; anything else marks the request failed and the panel analyses itself.
 */
export function useBackgroundAnalysis(text: string | undefined, setting: 'office' | 'hospital', dateOfService: string): BackgroundAnalysis | undefined {
  const [answer, setAnswer] = useState<BackgroundAnalysis>();
  useEffect(() => {
    if (!text) return;
    const key = analysisKey(text, setting, dateOfService);
    let live = true;
    performance.mark('cc:bg-analyze-sent');
    sendRuntime({ type: 'cc:analyze', text, setting, dateOfService })
      .then((raw) => {
        performance.mark('cc:bg-analyze-replied');
        const reply = AnalyzeReplySchema.safeParse(raw);
        if (!live) return;
        if (reply.success && reply.data.ok) setAnswer({ key, analysis: reply.data.analysis, pack: reply.data.pack, failed: false });
        else setAnswer({ key, failed: true });
      })
      .catch(() => live && setAnswer({ key, failed: true }));
    return () => {
      live = false;
    };
  }, [text, setting, dateOfService]);
  return answer;
}
