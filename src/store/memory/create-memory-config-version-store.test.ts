import { configVersionStoreConformance } from '../config-version-store-conformance.testing.js';
import { createMemoryConfigVersionStore } from './create-memory-config-version-store.js';

configVersionStoreConformance('memory', async () => createMemoryConfigVersionStore());
