import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` on one pooled connection between `begin` and COMMIT; rolls back and rethrows when it throws. A
 * connection that cannot even roll back is dropped from the pool rather than handed to the next caller.
 */
export async function withTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => {
      broken = rollbackErr;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
