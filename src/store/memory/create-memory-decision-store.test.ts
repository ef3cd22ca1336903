import { decisionStoreConformance } from '../decision-store-conformance.testing.js';
import { createMemoryDecisionStore } from './create-memory-decision-store.js';

decisionStoreConformance('memory', async () => createMemoryDecisionStore());
