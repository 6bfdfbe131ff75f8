// First: the first reads go out before the rest of the app's code is evaluated (see api/boot.ts).
import { transport, watchConnection } from './api/boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, setClient } from './api/client';
import { App } from './app/App';
import { watchFaults } from './app/faults';
import { reloadAll } from './app/menuCommands';
import { useApp } from './stores/app';
import './styles.css';

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
