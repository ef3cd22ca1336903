import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/base.css';
import './styles/layout.css';
import './styles/surfaces.css';
import './styles/tables.css';
import './styles/feedback.css';
import './styles/details.css';
import './styles/account.css';
import './styles/charts.css';
import './styles/guardian.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
