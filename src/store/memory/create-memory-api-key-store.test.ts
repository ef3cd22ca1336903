import { apiKeyStoreConformance } from '../api-key-store-conformance.testing.js';
import { createMemoryApiKeyStore } from './create-memory-api-key-store.js';

apiKeyStoreConformance('memory', async () => createMemoryApiKeyStore());
