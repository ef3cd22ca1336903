import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteSource, mb } from './helpers/byte-stream.js';
import { baseConfig, LOOPBACK_LISTENER } from './helpers/gateway-config.js';
import { type GatewayProcess, spawnGateway } from './helpers/gateway-process.js';
import { json, send } from './helpers/http-client.js';
import { residentBytes, sampleResident } from './helpers/memory.js';
import { type EchoReply, startUpstream, type Upstream } from './helpers/upstream.js';

const HUNDRED_MB = 100 * 1024 * 1024;
const WARM_UP = 16 * 1024 * 1024;
/** How far a 100 MB transfer may lift the gateway's resident memory: it must never hold the body. */
const GROWTH_BOUND = 24 * 1024 * 1024;

// Streaming is the gateway's memory contract: a body passes through in chunks, so what it costs does not
// depend on its size. The gateway runs as its own process so that its resident memory is its own.
//
// The gateway is warmed up first with two rounds of 16 MB bodies of each kind: a fresh Node process grows by
// some 40-70 MB on its first large transfer whatever the body size (read buffers are garbage until V8
// collects them), and that one-off slack is not what this test is about. Growth is then the peak RSS during
// a 100 MB transfer (and 200 ms after it) over the higher of the RSS just before it and the peak of the
// second warm-up round: RSS dips by 15-20 MB for a while when a collection hands pages back, and climbing
// back from such a dip is not growth. So this bounds what a 100 MB body costs over what 16 MB bodies
// already cost; a gateway that held the body would overshoot by ~80 MB or more.
describe('100 MB bodies stream through the gateway process', () => {
  let upstream: Upstream;
  let gateway: GatewayProcess;
  let startRss = 0;
  let highWater = 0;
  let reference = 0;

  const upload = (bytes: number, chunked: boolean) =>
    send(`${gateway.url}/upload`, {
      method: 'POST',
      headers: chunked ? {} : { 'content-length': bytes },
      body: byteSource(bytes),
      timeoutMs: 60_000,
    });
  const download = (bytes: number) => send(`${gateway.url}/bytes?n=${bytes}`, { timeoutMs: 60_000 });

  /** Runs `work` while sampling the gateway's RSS, and just after; returns the rise over the level before. */
  const growthDuring = async (label: string, work: () => Promise<void>): Promise<number> => {
    const before = residentBytes(gateway.pid);
    const sampler = sampleResident(gateway.pid);
    await work();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { peak, samples } = sampler.stop();
    const growth = peak - Math.max(before, reference);
    console.log(
      `[memory] ${label}: gateway RSS ${mb(before)} MB just before (16 MB peak ${mb(reference)} MB), ` +
        `peak ${mb(peak)} MB during and after (${samples} samples): growth ${mb(growth)} MB ` +
        `(bound ${mb(GROWTH_BOUND)} MB; ${mb(peak - before)} MB over just before); for context: ` +
        `${mb(startRss)} MB at start, ${mb(highWater)} MB peak while warming up`,
    );
    return growth;
  };

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await spawnGateway({
      ...baseConfig(upstream.url),
      server: { listeners: [LOOPBACK_LISTENER], limits: { maxBodyBytes: 2 * HUNDRED_MB } },
    });
    startRss = residentBytes(gateway.pid);
    for (let round = 0; round < 2; round++) {
      const warming = sampleResident(gateway.pid);
      expect((await upload(WARM_UP, false)).status).toBe(200);
      expect((await upload(WARM_UP, true)).status).toBe(200);
      expect((await download(WARM_UP)).bytes).toBe(WARM_UP);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { peak } = warming.stop();
      highWater = Math.max(highWater, peak);
      reference = peak;
    }
  });

  afterAll(async () => {
    await gateway?.cleanup();
    await upstream?.close();
  });

  it('streams a 100 MB request body sent with Content-Length', { timeout: 90_000 }, async () => {
    let reply: EchoReply | undefined;
    const growth = await growthDuring('upload with Content-Length', async () => {
      const res = await upload(HUNDRED_MB, false);
      expect(res.status).toBe(200);
      reply = json<EchoReply>(res);
    });
    expect(reply?.bodyBytes).toBe(HUNDRED_MB);
    expect(reply?.headers['content-length']).toBe(String(HUNDRED_MB));
    expect(growth).toBeLessThan(GROWTH_BOUND);
  });

  it('streams a 100 MB chunked request body', { timeout: 90_000 }, async () => {
    let reply: EchoReply | undefined;
    const growth = await growthDuring('chunked upload', async () => {
      const res = await upload(HUNDRED_MB, true);
      expect(res.status).toBe(200);
      reply = json<EchoReply>(res);
    });
    expect(reply?.bodyBytes).toBe(HUNDRED_MB);
    expect(reply?.headers['transfer-encoding']).toBe('chunked');
    expect(growth).toBeLessThan(GROWTH_BOUND);
  });

  it('streams a 100 MB response body', { timeout: 90_000 }, async () => {
    let received = 0;
    let length: string | undefined;
    const growth = await growthDuring('download', async () => {
      const res = await download(HUNDRED_MB);
      expect(res.status).toBe(200);
      received = res.bytes;
      length = res.headers['content-length'];
    });
    expect(received).toBe(HUNDRED_MB);
    expect(length).toBe(String(HUNDRED_MB));
    expect(growth).toBeLessThan(GROWTH_BOUND);
  });

  it('is still serving after the transfers', async () => {
    const res = await send(`${gateway.url}/after`);
    expect(res.status).toBe(200);
    expect(gateway.child.exitCode).toBeNull();
  });
});
