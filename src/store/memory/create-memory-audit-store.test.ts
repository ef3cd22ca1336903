import { auditStoreConformance } from '../audit-store-conformance.testing.js';
import { createMemoryAuditStore } from './create-memory-audit-store.js';

auditStoreConformance('memory', async () => createMemoryAuditStore());
