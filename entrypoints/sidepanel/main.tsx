import '@/utils/zod-jitless';
import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/panel/SidePanelApp';
import { packGate, startEarlyLink } from '@/components/panel/boot';
import { preloadActivePack } from '@/components/panel/hooks/usePanelData';
import '@/components/theme.css';

// Before the first render: ask the tab for its note and the background for its analysis (the
// first suggestions come from its warm analyzer); this page loads its own pack (summary, checks,
// search) once they are on screen.
performance.mark('cc:panel-script-evaluated');
startEarlyLink();
preloadActivePack(packGate());

createRoot(document.getElementById('root')!).render(<SidePanelApp />);
