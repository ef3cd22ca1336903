import { describe } from 'vitest';
import { agentMemoryStoreConformance } from '../agent-memory-store-conformance.testing.js';
import { createPostgresAgentMemoryStore } from './create-postgres-agent-memory-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres agent memory store', () => {
  agentMemoryStoreConformance('postgres', async () => createPostgresAgentMemoryStore(await schemas.open()));
});
