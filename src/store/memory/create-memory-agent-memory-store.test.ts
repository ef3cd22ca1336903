import { agentMemoryStoreConformance } from '../agent-memory-store-conformance.testing.js';
import { createMemoryAgentMemoryStore } from './create-memory-agent-memory-store.js';

agentMemoryStoreConformance('memory', async () => createMemoryAgentMemoryStore());
