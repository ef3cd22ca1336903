import { describe } from 'vitest';
import { intruderSessionStoreConformance } from '../intruder-session-store-conformance.testing.js';
import { createPostgresIntruderSessionStore } from './create-postgres-intruder-session-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

// The port has no close: the schemas helper ends every pool after the file.
const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres intruder session store', () => {
  intruderSessionStoreConformance('postgres', async () =>
    createPostgresIntruderSessionStore(await schemas.open()),
  );
});
