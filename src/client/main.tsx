// First: zod must know it may not eval before any schema is created (see the module).
import './lib/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/app';
import { primeFromPage } from './first-screen/boot';
import { startI18n } from './lib/i18n';
import './styles.css';

// The answers the server sent with the page (the workspace's first screen) go in the cache first.
const queryClient = createQueryClient();
primeFromPage(queryClient);

// The interface's language first (its strings may be a chunk of their own), then the app.
void startI18n().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  ),
);
