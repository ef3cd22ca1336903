import { describe } from 'vitest';
import { incidentStoreConformance } from '../incident-store-conformance.testing.js';
import { createPostgresIncidentStore } from './create-postgres-incident-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres incident store', () => {
  incidentStoreConformance('postgres', async () => createPostgresIncidentStore(await schemas.open()));
});
