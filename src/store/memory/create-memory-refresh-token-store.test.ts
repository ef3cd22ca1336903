import { refreshTokenStoreConformance } from '../refresh-token-store-conformance.testing.js';
import { createMemoryRefreshTokenStore } from './create-memory-refresh-token-store.js';

refreshTokenStoreConformance('memory', async () => createMemoryRefreshTokenStore());
