import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, setClient } from './api/client';
import { pickTransport } from './api/transport';
import { App } from './app/App';
import { watchFaults } from './app/faults';
import { reloadAll } from './app/menuCommands';
import { useApp } from './stores/app';
import './styles.css';

watchFaults();
setClient(
  createClient(
    pickTransport({
      onConnection: (connection) => useApp.getState().connection !== connection && useApp.setState({ connection }),
      onNewToken: () => void reloadAll(),
    }),
  ),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
