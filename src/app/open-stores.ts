import type { Config } from '../config/index.js';
import * as store from '../store/index.js';
import { databaseFile } from './decision-persistence.js';

/** Every store the process uses, over one database. */
export interface Stores {
  readonly decisions: store.DecisionStore;
  readonly events: store.EventStore;
  readonly audit: store.AuditStore;
  readonly users: store.UserStore;
  readonly apiKeys: store.ApiKeyStore;
  readonly refreshTokens: store.RefreshTokenStore;
  readonly secrets: store.SecretStore;
  readonly configVersions: store.ConfigVersionStore;
  readonly incidents: store.IncidentStore;
  /** Where intruder sessions are kept beyond the live ones in memory. */
  readonly intruders: store.IntruderSessionStore;
  /** What the brain's agents keep across restarts. */
  readonly agentMemory: store.AgentMemoryStore;
  /** Recent requests, redacted, that change requests are previewed against. */
  readonly samples: store.RequestSampleStore;
  /** Change requests waiting for approval, and what became of them. */
  readonly changes: store.ChangeRequestStore;
  /** Whether records outlive the process. */
  readonly durable: boolean;
  close(): Promise<void>;
}

// Events the memory store keeps at most: it is for trying infinisec out, not for keeping history.
const MEMORY_EVENTS = 20_000;
// Request samples the memory store keeps at most, whatever `guardian.samples.max` says.
const MEMORY_SAMPLES = 10_000;

/**
 * Opens the stores the configuration names: one SQLite database under the data dir (migrated, WAL, checkpointed
 * by a thread of its own), a PostgreSQL database (migrated), or memory.
 * Throws INFINISEC_ERR_STATE or INFINISEC_ERR_STORE when the database cannot be opened.
 */
export async function openStores(
  config: Config,
  onError: (message: string) => void = () => {},
): Promise<Stores> {
  if (config.store.driver === 'memory') {
    return {
      decisions: store.createMemoryDecisionStore(),
      events: store.createMemoryEventStore({ max: MEMORY_EVENTS }),
      audit: store.createMemoryAuditStore(),
      users: store.createMemoryUserStore(),
      apiKeys: store.createMemoryApiKeyStore(),
      refreshTokens: store.createMemoryRefreshTokenStore(),
      secrets: store.createMemorySecretStore(),
      configVersions: store.createMemoryConfigVersionStore(),
      incidents: store.createMemoryIncidentStore(),
      intruders: store.createMemoryIntruderSessionStore({ max: config.labyrinth.maxSessions }),
      agentMemory: store.createMemoryAgentMemoryStore(),
      samples: store.createMemoryRequestSampleStore({
        max: Math.min(MEMORY_SAMPLES, config.guardian.samples.max),
      }),
      changes: store.createMemoryChangeRequestStore(),
      durable: false,
      async close() {},
    };
  }
  if (config.store.driver === 'postgres') {
    const { url, schema, poolSize } = config.store.postgres;
    const pg = await store.openPostgres({ connectionString: url!, schema, max: poolSize });
    return {
      decisions: store.createPostgresDecisionStore(pg),
      events: store.createPostgresEventStore(pg),
      audit: store.createPostgresAuditStore(pg),
      users: store.createPostgresUserStore(pg),
      apiKeys: store.createPostgresApiKeyStore(pg),
      refreshTokens: store.createPostgresRefreshTokenStore(pg),
      secrets: store.createPostgresSecretStore(pg),
      configVersions: store.createPostgresConfigVersionStore(pg),
      incidents: store.createPostgresIncidentStore(pg),
      intruders: store.createPostgresIntruderSessionStore(pg),
      agentMemory: store.createPostgresAgentMemoryStore(pg),
      samples: store.createPostgresRequestSampleStore(pg),
      changes: store.createPostgresChangeRequestStore(pg),
      durable: true,
      close: () => pg.close(),
    };
  }
  const db = store.openSqlite(databaseFile(config));
  const checkpoints = store.startBackgroundCheckpoints(db, onError);
  return {
    decisions: store.createSqliteDecisionStore(db),
    events: store.createSqliteEventStore(db),
    audit: store.createSqliteAuditStore(db),
    users: store.createSqliteUserStore(db),
    apiKeys: store.createSqliteApiKeyStore(db),
    refreshTokens: store.createSqliteRefreshTokenStore(db),
    secrets: store.createSqliteSecretStore(db),
    configVersions: store.createSqliteConfigVersionStore(db),
    incidents: store.createSqliteIncidentStore(db),
    intruders: store.createSqliteIntruderSessionStore(db),
    agentMemory: store.createSqliteAgentMemoryStore(db),
    samples: store.createSqliteRequestSampleStore(db),
    changes: store.createSqliteChangeRequestStore(db),
    durable: true,
    async close() {
      await checkpoints.stop();
      if (db.open) db.close();
    },
  };
}
