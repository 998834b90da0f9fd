import '@/utils/zod-jitless';
import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/panel/SidePanelApp';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<SidePanelApp />);
