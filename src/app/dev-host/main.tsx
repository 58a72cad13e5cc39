import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shell/base.css';
import { DevHost } from './dev-host';

const root = document.getElementById('root');
if (!root) throw new Error('The dev host page has no #root element');
createRoot(root).render(
  <StrictMode>
    <DevHost />
  </StrictMode>,
);
