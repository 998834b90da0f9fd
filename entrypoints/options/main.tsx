import '@/utils/zod-jitless';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
