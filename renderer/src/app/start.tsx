import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Transport } from '@shared/api/bridge';
import { createClient, setClient } from '../api/client';
import { watchConnection } from '../api/boot';
import { useApp } from '../stores/app';
import { App } from './App';
import { watchFaults } from './faults';
import { reloadAll } from './menuCommands';
import '../styles.css';

/** Starts the app on the transport main.tsx made. */
export function start(transport: Transport): void {
  watchFaults();
  watchConnection({
    onConnection: (connection) => useApp.getState().connection !== connection && useApp.setState({ connection }),
    onNewToken: () => void reloadAll(),
  });
  setClient(createClient(transport));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
