import '@/utils/zod-jitless';
import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/panel/SidePanelApp';
import { warmBackground } from '@/components/panel/hooks/useBackgroundAnalysis';
import { preloadActivePack } from '@/components/panel/hooks/usePanelData';
import '@/components/theme.css';

// Before the first render: the background warms its analyzer (the first suggestions come from it);
// this page loads its own pack (summary, checks, search) once the background is warm.
performance.mark('cc:panel-script-evaluated');
preloadActivePack(warmBackground());

createRoot(document.getElementById('root')!).render(<SidePanelApp />);
