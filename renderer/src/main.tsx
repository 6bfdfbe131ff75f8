import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, setClient } from './api/client';
import { pickTransport } from './api/transport';
import { App } from './app/App';
import { watchFaults } from './app/faults';
import './styles.css';

watchFaults();
setClient(createClient(pickTransport()));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
