import { describe } from 'vitest';
import { secretStoreConformance } from '../secret-store-conformance.testing.js';
import { createPostgresSecretStore } from './create-postgres-secret-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres secret store', () => {
  secretStoreConformance('postgres', async () => createPostgresSecretStore(await schemas.open()));
});
