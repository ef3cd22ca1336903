import { secretStoreConformance } from '../secret-store-conformance.testing.js';
import { createMemorySecretStore } from './create-memory-secret-store.js';

secretStoreConformance('memory', async () => createMemorySecretStore());
