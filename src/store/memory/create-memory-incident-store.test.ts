import { incidentStoreConformance } from '../incident-store-conformance.testing.js';
import { createMemoryIncidentStore } from './create-memory-incident-store.js';

incidentStoreConformance('memory', async () => createMemoryIncidentStore());
