import { changeRequestStoreConformance } from '../change-request-store-conformance.testing.js';
import { createMemoryChangeRequestStore } from './create-memory-change-request-store.js';

changeRequestStoreConformance('memory', async () => createMemoryChangeRequestStore());
