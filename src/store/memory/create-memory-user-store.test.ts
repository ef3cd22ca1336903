import { userStoreConformance } from '../user-store-conformance.testing.js';
import { createMemoryUserStore } from './create-memory-user-store.js';

userStoreConformance('memory', async () => createMemoryUserStore());
