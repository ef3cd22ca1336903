import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { assertServable } from '../src/app/assert-servable.js';
import { loadSecretKeys, SECRET_KEY_ENV } from '../src/app/secret-key.js';
import { startCommand } from '../src/cli/commands/start.js';
import {
  applyEnvOverrides,
  type Config,
  describeConfigSchema,
  listConfigOptions,
  RESERVED_ENV_NAMES,
  redactConfig,
  validateConfig,
} from '../src/config/index.js';
import type { ControlDeps } from '../src/control/index.js';
import { systemRoutes } from '../src/control/routes/system-routes.js';
import { ERROR_CATALOGUE, isInfinisecError } from '../src/core/index.js';
import { startDemoApp } from '../src/forge/demo/index.js';
import { ROOT } from './helpers/gateway-process.js';

// Static checks of the deployment files (Dockerfile, docker-compose.yml, deploy/) against the code they
// deploy: the config schema, the env twins, the start command's flags and the control routes. One file, as
// long as it is, because the checks cross between the files (ports, images, env) and share their parsing.

type Env = Record<string, string>;
type Json = Record<string, unknown>;

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const obj = (value: unknown) => value as Json;
const list = (value: unknown) => (value ?? []) as unknown[];

function yamlDocuments(path: string): Json[] {
  const docs = [...YAML.parseAllDocuments(read(path), { merge: true })];
  for (const doc of docs) {
    expect([...doc.errors, ...doc.warnings].map(String), path).toEqual([]);
  }
  return docs.map((doc) => doc.toJS() as Json).filter((doc) => doc !== null);
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

// --- the code's side ---------------------------------------------------------------------------------

const OPTION_ENVS = new Set(listConfigOptions().map((option) => option.env!));
const ROLES = describeConfigSchema().find((option) => option.path === 'cluster.role')!.values!;
const KNOWN_NAMES = new Set([...OPTION_ENVS, ...RESERVED_ENV_NAMES, ...Object.keys(ERROR_CATALOGUE)]);

/** The options `redactConfig` hides: what a config file or ConfigMap must not hold. */
const SECRET_OPTIONS = listConfigOptions().filter((option) => {
  if (option.kind !== 'string') return false;
  const config = structuredClone((validateConfig({}) as { config: Config }).config);
  let at = config as unknown as Json;
  for (const segment of option.segments.slice(0, -1)) at = obj(at[segment]);
  at[option.segments.at(-1)!] = 'https://user:sentinel-password@example.test/';
  return JSON.stringify(redactConfig(config)) !== JSON.stringify(config);
});
/** Their env twins and the secret key: the variables that belong in a Secret. */
const SECRET_ENVS: ReadonlySet<string> = new Set([SECRET_KEY_ENV, ...SECRET_OPTIONS.map((o) => o.env!)]);

/** The secret options a parsed config file sets. */
const secretsIn = (fileText: string) =>
  SECRET_OPTIONS.filter((option) => {
    let at: unknown = YAML.parse(fileText);
    for (const segment of option.segments)
      at = at === null || typeof at !== 'object' ? undefined : obj(at)[segment];
    return at !== undefined;
  }).map((option) => option.path);

/** What a process started with this file, environment and `--role` runs with; fails on any problem. */
function effectiveConfig(fileText: string, env: Env, role: string | undefined, where: string): Config {
  const overrides = applyEnvOverrides(YAML.parse(fileText), env);
  expect(overrides.problems, where).toEqual([]);
  const input = obj(overrides.input);
  if (role !== undefined) input.cluster = { ...obj(input.cluster), role };
  const result = validateConfig(input);
  expect(result.ok ? [] : result.problems, where).toEqual([]);
  const config = (result as { config: Config }).config;
  expect(() => assertServable(config), where).not.toThrow();
  return config;
}

/** The `--flag value` pairs of a `start` command line. */
function startFlags(args: readonly string[], where: string): Map<string, string> {
  expect(args[0], where).toBe('start');
  const flags = new Map<string, string>();
  for (let i = 1; i < args.length; i++) {
    const flag = args[i]!;
    expect(flag, where).toMatch(/^--[a-z-]+$/);
    if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) flags.set(flag, args[++i]!);
    else flags.set(flag, '');
  }
  return flags;
}

// --- Dockerfile ----------------------------------------------------------------------------------------

interface Instruction {
  readonly stage: number;
  readonly keyword: string;
  readonly args: string;
}

const DOCKERFILE: readonly Instruction[] = (() => {
  let stage = -1;
  return read('Dockerfile')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
      if (keyword!.toUpperCase() === 'FROM') stage++;
      return { stage, keyword: keyword!.toUpperCase(), args: args! };
    });
})();
const FINAL_STAGE = Math.max(...DOCKERFILE.map((i) => i.stage));
const inFinal = (keyword: string) =>
  DOCKERFILE.filter((i) => i.stage === FINAL_STAGE && i.keyword === keyword);
const stageRuns = (stage: number) =>
  DOCKERFILE.filter((i) => i.stage === stage && i.keyword === 'RUN').map((i) => i.args);
const stageAlias = (stage: number) =>
  /\sAS\s+(\S+)/i.exec(DOCKERFILE.find((i) => i.stage === stage && i.keyword === 'FROM')!.args)?.[1];
const IMAGE_ENV: Env = Object.fromEntries(
  inFinal('ENV').flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])),
);
const IMAGE_UID = Number(inFinal('USER').at(-1)!.args.split(':')[0]);

// --- docker compose ------------------------------------------------------------------------------------

/** Compose's interpolation: `${X}`, `${X:-default}`, `${X-default}`, `${X:?message}` and `$$`. */
function interpolate(value: unknown, env: Env): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g, (whole, name, op, arg) => {
      if (whole === '$$') return '$';
      const set = env[name] !== undefined && (env[name] !== '' || !op?.startsWith(':'));
      if (set) return env[name]!;
      if (op?.endsWith('?')) throw new Error(`${name} must be set: ${arg}`);
      return op ? arg : '';
    });
  }
  if (Array.isArray(value)) return value.map((item) => interpolate(item, env));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env)]));
  }
  return value;
}

const VALID_KEY = Buffer.alloc(32, 7).toString('base64');
const COMPOSE_RAW = yamlDocuments('docker-compose.yml')[0]!;
const COMPOSE = obj(interpolate(COMPOSE_RAW, { [SECRET_KEY_ENV]: VALID_KEY }));
const SERVICES = obj(COMPOSE.services);
/** The services that run `infinisec start` (the demo app shares the image but not the command). */
const INFINISEC_SERVICES = Object.entries(SERVICES).filter(([, s]) => list(obj(s).command)[0] === 'start');
const composeRole = (service: unknown) =>
  startFlags(list(obj(service).command) as string[], 'compose').get('--role');

// --- Kubernetes ----------------------------------------------------------------------------------------

const K8S_DIR = 'deploy/kubernetes';
const KUSTOMIZATION = yamlDocuments(`${K8S_DIR}/kustomization.yaml`)[0]!;
const MANIFEST_FILES = filesUnder(K8S_DIR)
  .filter((path) => /\.ya?ml$/.test(path) && !path.endsWith('kustomization.yaml'))
  .map((path) => relative(K8S_DIR, path));
const OBJECTS = MANIFEST_FILES.flatMap((file) => yamlDocuments(`${K8S_DIR}/${file}`));
const ofKind = (kind: string) => OBJECTS.filter((o) => o.kind === kind);
const named = (kind: string, name: string) => {
  const found = ofKind(kind).find((o) => obj(o.metadata).name === name);
  expect(found, `${kind} ${name}`).toBeDefined();
  return found!;
};
const podSpec = (deployment: Json) => obj(obj(obj(deployment.spec).template).spec);
const podLabels = (deployment: Json) => obj(obj(obj(obj(deployment.spec).template).metadata).labels);
const containerOf = (deployment: Json) => {
  const containers = list(podSpec(deployment).containers).map(obj);
  expect(containers).toHaveLength(1);
  return containers[0]!;
};
const k8sRole = (deployment: Json) =>
  startFlags(list(containerOf(deployment).args) as string[], 'k8s').get('--role');
const DEPLOYMENTS = ofKind('Deployment');
const deploymentFor = (role: string) => {
  const found = DEPLOYMENTS.filter((d) => k8sRole(d) === role);
  expect(found, `one Deployment runs --role ${role}`).toHaveLength(1);
  return found[0]!;
};
const SECRET_DATA: Env = Object.assign({}, ...ofKind('Secret').map((s) => ({ ...obj(s.stringData) }))) as Env;

/** A container's environment, with Secret references resolved to the Secret's (example) values. */
function containerEnv(container: Json): Env {
  const env: Env = { ...IMAGE_ENV };
  for (const entry of list(container.env).map(obj)) {
    const ref = obj(obj(entry.valueFrom ?? {}).secretKeyRef ?? {});
    if (ref.key !== undefined) {
      named('Secret', String(ref.name));
      expect(SECRET_DATA, `Secret key ${String(ref.key)}`).toHaveProperty([String(ref.key)]);
      env[String(entry.name)] = SECRET_DATA[String(ref.key)]!;
    } else {
      env[String(entry.name)] = String(entry.value);
    }
  }
  return env;
}

/** Every whitespace-separated word of every string in a parsed document. */
function words(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(words);
  return [];
}

const selectorMatches = (selector: unknown, labels: Json) =>
  Object.entries(obj(selector)).every(([key, value]) => labels[key] === value);

/** The port number a probe or Service names, by name or by number, in a container's ports. */
function resolvePort(container: Json, port: unknown): number {
  if (typeof port === 'number') return port;
  const found = list(container.ports)
    .map(obj)
    .find((p) => p.name === port);
  expect(found, `port ${String(port)}`).toBeDefined();
  return Number(found!.containerPort);
}

const CONFIG_MAP = named('ConfigMap', 'infinisec-config');
const K8S_CONFIG_TEXT = String(obj(CONFIG_MAP.data)['infinisec.yaml']);
const k8sConfig = (deployment: Json) =>
  effectiveConfig(
    K8S_CONFIG_TEXT,
    containerEnv(containerOf(deployment)),
    k8sRole(deployment),
    `ConfigMap + env of ${String(obj(deployment.metadata).name)}`,
  );

const COMPOSE_CONFIG_FILE = 'deploy/compose/infinisec.yaml';
const composeConfig = ([name, service]: [string, unknown]) =>
  effectiveConfig(
    read(COMPOSE_CONFIG_FILE),
    { ...IMAGE_ENV, ...(obj(obj(service).environment) as Env) },
    composeRole(service),
    `${COMPOSE_CONFIG_FILE} + env of ${name}`,
  );

const ports = (config: Config) => ({
  data: config.server.listeners.map((l) => l.port),
  control: config.control.port,
});

// --- the checks ----------------------------------------------------------------------------------------

describe('deployment files', () => {
  it('parse as YAML, several documents where a file holds several', () => {
    const files = ['docker-compose.yml', ...filesUnder('deploy').filter((p) => /\.ya?ml$/.test(p))];
    expect(files).toContain(COMPOSE_CONFIG_FILE);
    for (const file of files) expect(yamlDocuments(file).length, file).toBeGreaterThan(0);
  });

  it('name only real INFINISEC_* variables: env twins of options, reserved names, error codes', () => {
    const files = ['Dockerfile', 'docker-compose.yml', 'docs/deploy.md', ...filesUnder('deploy')];
    const names = new Set(files.flatMap((file) => read(file).match(/\bINFINISEC_[A-Z0-9_]+\b/g) ?? []));
    expect(names.size).toBeGreaterThan(3);
    expect([...names].filter((name) => !KNOWN_NAMES.has(name))).toEqual([]);
    // Keys of the Secret and the environments are variables too, even if written some other way.
    const keys = [
      ...Object.keys(SECRET_DATA),
      ...INFINISEC_SERVICES.flatMap(([, s]) => Object.keys(obj(obj(s).environment ?? {}))),
      ...DEPLOYMENTS.flatMap((d) => list(containerOf(d).env).map((e) => String(obj(e).name))),
    ];
    expect(keys.filter((key) => !KNOWN_NAMES.has(key))).toEqual([]);
  });

  it('use start flags that `infinisec start` documents, and roles the schema knows', () => {
    const commands = [
      JSON.parse(inFinal('CMD')[0]!.args) as string[],
      ...INFINISEC_SERVICES.map(([, s]) => list(obj(s).command) as string[]),
      ...DEPLOYMENTS.map((d) => list(containerOf(d).args) as string[]),
    ];
    const flags = new Set(commands.flatMap((args) => [...startFlags(args, args.join(' ')).keys()]));
    expect(flags).toEqual(new Set(['--config', '--role']));
    for (const flag of flags) expect(startCommand.usage, flag).toMatch(new RegExp(`\\[${flag}\\b`));
    const roles = [
      ...INFINISEC_SERVICES.map(([, s]) => composeRole(s)),
      ...DEPLOYMENTS.map((d) => k8sRole(d)),
    ];
    expect(new Set(roles)).toEqual(new Set(['gateway', 'control']));
    for (const role of roles) expect(ROLES).toContain(role);
  });

  it('expose the public health and readiness routes to the probes', () => {
    const routes = systemRoutes({} as ControlDeps);
    for (const path of ['/healthz', '/readyz']) {
      expect(routes.find((r) => r.path === path && r.method === 'GET')?.access, path).toBe('public');
    }
    const healthcheck = inFinal('HEALTHCHECK')[0]!.args;
    expect(healthcheck).toMatch(/\bCMD \["node",/);
    expect(healthcheck).toContain('/healthz');
    for (const d of DEPLOYMENTS) {
      const c = containerOf(d);
      expect(obj(obj(c.livenessProbe).httpGet).path).toBe('/healthz');
      expect(obj(obj(c.readinessProbe).httpGet).path).toBe('/readyz');
      if (c.startupProbe) expect(obj(obj(c.startupProbe).httpGet).path).toBe('/healthz');
    }
  });
});

describe('Dockerfile', () => {
  it('builds in one stage and runs the production dependencies in a slim one', () => {
    const build = DOCKERFILE.find((i) => i.keyword === 'RUN' && /\bnpm run build\b/.test(i.args))!;
    expect(build).toBeDefined();
    expect(stageRuns(build.stage).some((run) => /^npm ci\b(?!.*--omit=dev)/.test(run))).toBe(true);
    const deps = DOCKERFILE.find((i) => i.keyword === 'RUN' && /^npm ci\b.*--omit=dev/.test(i.args))!;
    expect(deps).toBeDefined();
    expect(inFinal('FROM')[0]!.args).toMatch(/^node:\S+-slim\b/);
    const copies = inFinal('COPY').map((i) => i.args);
    expect(copies).toContainEqual(
      expect.stringMatching(`^--from=${stageAlias(deps.stage)} \\S+/node_modules `),
    );
    expect(copies).toContainEqual(
      expect.stringMatching(`^--from=${stageAlias(build.stage)} \\S+/dist dist$`),
    );
    expect(copies).toContainEqual(
      expect.stringMatching(`^--from=${stageAlias(build.stage)} \\S+/web/dist web/dist$`),
    );
    expect(stageRuns(FINAL_STAGE).join(' ')).not.toMatch(/npm (ci|install)\b(?!.*--omit=dev)/);
  });

  it('runs Node of the major version package.json asks for', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const [, major, minor] = /^>=\s*(\d+)\.(\d+)/.exec(engines)!;
    const froms = DOCKERFILE.filter((i) => i.keyword === 'FROM').map((i) => i.args);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) {
      const [, fromMajor, fromMinor] = /^node:(\d+)(?:\.(\d+))?/.exec(from) ?? [];
      expect(fromMajor, from).toBe(major);
      if (fromMinor !== undefined) expect(Number(fromMinor), from).toBeGreaterThanOrEqual(Number(minor));
    }
  });

  it('starts the CLI as a non-root user', () => {
    expect(IMAGE_UID).toBeGreaterThan(0);
    expect(JSON.parse(inFinal('ENTRYPOINT')[0]!.args)).toEqual(['node', 'bin/infinisec.js']);
    expect(existsSync(join(ROOT, 'bin', 'infinisec.js'))).toBe(true);
    expect(JSON.parse(inFinal('CMD')[0]!.args)).toEqual(['start']);
  });

  it('exposes the listener and control ports of the deploy configs, and checks health on the control one', () => {
    const configs = [...INFINISEC_SERVICES.map(composeConfig), ...DEPLOYMENTS.map(k8sConfig)];
    const exposed = inFinal('EXPOSE').flatMap((i) => i.args.split(/\s+/).map(Number));
    for (const config of configs) {
      const { data, control } = ports(config);
      expect(new Set(exposed)).toEqual(new Set([...data, control]));
      expect(inFinal('HEALTHCHECK')[0]!.args).toContain(`process.env.INFINISEC_CONTROL_PORT || ${control}`);
    }
  });

  it('sends the builder only what the build needs', () => {
    const rules = read('.dockerignore')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(rules[0]).toBe('*');
    const allowed = new Set(rules.filter((r) => r.startsWith('!')).map((r) => r.slice(1).replace(/\/$/, '')));
    const sources = DOCKERFILE.filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1))
      .map((source) => source.split('/')[0]!);
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) expect(allowed, source).toContain(source);
  });
});

describe('docker-compose.yml', () => {
  it('runs two gateways and one control process from one image, with Redis, PostgreSQL and NATS JetStream', () => {
    const roles = INFINISEC_SERVICES.map(([, s]) => composeRole(s));
    expect(roles.filter((r) => r === 'gateway')).toHaveLength(2);
    expect(roles.filter((r) => r === 'control')).toHaveLength(1);
    const images = new Set(INFINISEC_SERVICES.map(([, s]) => JSON.stringify([obj(s).image, obj(s).build])));
    expect(images.size).toBe(1);
    expect(obj(SERVICES.control).build).toBe('.');
    expect(String(obj(SERVICES.redis).image)).toMatch(/^redis:/);
    expect(String(obj(SERVICES.postgres).image)).toMatch(/^postgres:/);
    expect(String(obj(SERVICES.nats).image)).toMatch(/^nats:/);
    expect(list(obj(SERVICES.nats).command)).toContain('-js');
  });

  it('gives every infinisec service a valid config: the mounted file, its environment and its role', () => {
    expect(INFINISEC_SERVICES.length).toBe(3);
    for (const entry of INFINISEC_SERVICES) {
      const [name, service] = entry;
      const config = composeConfig(entry);
      expect(config.store.driver, name).toBe('postgres');
      expect(config.cluster.redis.url, name).toBeDefined();
      expect(config.cluster.nats.url, name).toBeDefined();
      const s = obj(service);
      // The config file, or the folder holding it, mounted read-only where --config looks.
      const configPath = startFlags(list(s.command) as string[], name).get('--config')!;
      const mounted = list(s.volumes)
        .map((v) => String(v).split(':'))
        .filter(([, target, mode]) => mode === 'ro' && `${configPath}/`.startsWith(`${target}/`))
        .map(([source, target]) => `${source}${configPath.slice(target!.length)}`);
      expect(mounted, name).toEqual([`./${COMPOSE_CONFIG_FILE}`]);
      // Read-only root filesystem: the data dir must be a volume.
      expect(s.read_only, name).toBe(true);
      expect(
        list(s.volumes).map((v) => String(v).split(':')[1]),
        name,
      ).toContain(config.store.dataDir);
    }
  });

  it('publishes each gateway on a host port of its own and checks every service before its dependants start', () => {
    const hostPorts: string[] = [];
    for (const entry of INFINISEC_SERVICES) {
      const [name, service] = entry;
      const { data, control } = ports(composeConfig(entry));
      const s = obj(service);
      const mapped = list(s.ports).map((p) => String(p).split(':'));
      const containerPorts = mapped.map((p) => Number(p.at(-1)));
      expect(containerPorts, name).toEqual(composeRole(service) === 'gateway' ? data : [control]);
      if (composeRole(service) === 'gateway') hostPorts.push(...mapped.map((p) => p.at(-2)!));
      expect(list(obj(s.healthcheck).test).join(' '), name).toContain(`127.0.0.1:${control}/healthz`);
    }
    expect(hostPorts).toHaveLength(2);
    expect(new Set(hostPorts).size).toBe(2);
    for (const [name, service] of Object.entries(SERVICES)) {
      expect(obj(service).healthcheck, `${name} healthcheck`).toBeDefined();
      for (const [dependency, how] of Object.entries(obj(obj(service).depends_on ?? {}))) {
        expect(SERVICES, `${name} depends on ${dependency}`).toHaveProperty([dependency]);
        expect(obj(how).condition, `${name} → ${dependency}`).toBe('service_healthy');
      }
    }
    for (const store of ['postgres', 'redis', 'nats']) {
      for (const [name] of INFINISEC_SERVICES)
        expect(obj(obj(SERVICES[name]).depends_on)).toHaveProperty([store]);
    }
  });

  it('puts the bundled demo app, from the same image, behind the gateways', async () => {
    const demo = obj(SERVICES.demo);
    expect(demo.image).toBe(obj(SERVICES.control).image);
    const script = list(demo.entrypoint).join(' ');
    expect(script).toContain('/app/dist/forge/demo/index.js');
    expect(inFinal('WORKDIR')[0]!.args).toBe('/app');
    expect(typeof startDemoApp).toBe('function');
    const port = Number(/port: (\d+)/.exec(script)![1]);
    const config = composeConfig(INFINISEC_SERVICES[0]!);
    expect(config.sites.flatMap((site) => site.upstream.targets)).toContain(`http://demo:${port}`);
    expect(list(obj(demo.healthcheck).test).join(' ')).toContain(`127.0.0.1:${port}/`);
  });

  it('keeps secrets out of the config file and out of the compose file itself', () => {
    expect(SECRET_OPTIONS.map((o) => o.path)).toContain('store.postgres.url');
    expect(secretsIn(read(COMPOSE_CONFIG_FILE))).toEqual([]);
    for (const [name, service] of Object.entries(obj(COMPOSE_RAW.services))) {
      for (const [key, value] of Object.entries(obj(obj(service).environment ?? {}))) {
        if (SECRET_ENVS.has(key)) expect(String(value), `${name} ${key}`).toMatch(/\$\{\w+/);
      }
    }
    const literalPassword = /\w+:\/\/[^\s/:@$]*:(?!\$\{)[^\s/@]+@/;
    expect(read('docker-compose.yml')).not.toMatch(literalPassword);
    expect(read(COMPOSE_CONFIG_FILE)).not.toMatch(literalPassword);
    expect(() => interpolate(COMPOSE_RAW, {})).toThrow(SECRET_KEY_ENV);
  });
});

describe('deploy/kubernetes', () => {
  it('lists every manifest in kustomization.yaml, and only those', () => {
    expect(new Set(list(KUSTOMIZATION.resources))).toEqual(new Set(MANIFEST_FILES));
    const kinds = OBJECTS.map((o) => `${String(o.apiVersion)} ${String(o.kind)}`).sort();
    expect(kinds).toEqual(
      [
        'v1 Namespace',
        'v1 ConfigMap',
        'v1 Secret',
        'apps/v1 Deployment',
        'apps/v1 Deployment',
        'v1 Service',
        'v1 Service',
        'autoscaling/v2 HorizontalPodAutoscaler',
        'policy/v1 PodDisruptionBudget',
      ].sort(),
    );
    const namespace = String(obj(ofKind('Namespace')[0]!.metadata).name);
    expect(KUSTOMIZATION.namespace).toBe(namespace);
    for (const o of OBJECTS.filter((o) => o.kind !== 'Namespace')) {
      expect(obj(o.metadata).namespace, `${String(o.kind)} namespace`).toBe(namespace);
    }
  });

  it('runs the gateway and the control plane from the same image', () => {
    const images = DEPLOYMENTS.map((d) => String(containerOf(d).image));
    expect(images).toHaveLength(2);
    expect(new Set(images).size).toBe(1);
    const overridden = list(KUSTOMIZATION.images).map((i) => obj(i).name);
    expect(overridden).toEqual([images[0]!.split(':')[0]]);
  });

  it('gives both Deployments a valid config: the ConfigMap, the Secret and their role', () => {
    for (const deployment of DEPLOYMENTS) {
      const config = k8sConfig(deployment);
      const container = containerOf(deployment);
      const configPath = startFlags(list(container.args) as string[], 'k8s').get('--config')!;
      const volumes = list(podSpec(deployment).volumes).map(obj);
      const mounts = list(container.volumeMounts).map(obj);
      const mountFor = (path: string) =>
        mounts
          .filter((m) => path === m.mountPath || path.startsWith(`${String(m.mountPath)}/`))
          .map((m) => volumes.find((v) => v.name === m.name)!)[0];
      expect(obj(mountFor(configPath)?.configMap).name).toBe(obj(CONFIG_MAP.metadata).name);
      expect(configPath.split('/').at(-1)).toBe('infinisec.yaml');
      expect(mountFor(config.store.dataDir)?.emptyDir, 'data dir on an emptyDir').toBeDefined();
    }
  });

  it('runs non-root on a read-only root filesystem, with resources set', () => {
    for (const deployment of DEPLOYMENTS) {
      const pod = obj(podSpec(deployment).securityContext);
      expect(pod.runAsNonRoot).toBe(true);
      expect(pod.runAsUser).toBe(IMAGE_UID);
      const container = obj(containerOf(deployment).securityContext);
      expect(container.readOnlyRootFilesystem).toBe(true);
      expect(container.allowPrivilegeEscalation).toBe(false);
      expect(obj(container.capabilities).drop).toEqual(['ALL']);
      const resources = obj(containerOf(deployment).resources);
      for (const kind of ['requests', 'limits']) {
        expect(obj(resources[kind]), kind).toHaveProperty('cpu');
        expect(obj(resources[kind]), kind).toHaveProperty('memory');
      }
    }
  });

  it('probes and serves the ports of the config', () => {
    const gateway = deploymentFor('gateway');
    const control = deploymentFor('control');
    for (const deployment of [gateway, control]) {
      const c = containerOf(deployment);
      const config = k8sConfig(deployment);
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        expect(resolvePort(c, obj(obj(c[probe]).httpGet).port), probe).toBe(config.control.port);
      }
      const expected =
        k8sRole(deployment) === 'gateway'
          ? [...ports(config).data, config.control.port]
          : [config.control.port];
      expect(list(c.ports).map((p) => obj(p).containerPort)).toEqual(expected);
    }
    const services = ofKind('Service');
    expect(services).toHaveLength(2);
    const gatewayService = services.find((s) => selectorMatches(obj(s.spec).selector, podLabels(gateway)))!;
    const controlService = services.find((s) => selectorMatches(obj(s.spec).selector, podLabels(control)))!;
    expect(gatewayService).toBeDefined();
    expect(controlService).toBeDefined();
    expect(selectorMatches(obj(gatewayService.spec).selector, podLabels(control))).toBe(false);
    const targets = (service: Json, deployment: Json) =>
      list(obj(service.spec).ports).map((p) => resolvePort(containerOf(deployment), obj(p).targetPort));
    expect(targets(gatewayService, gateway)).toEqual(ports(k8sConfig(gateway)).data);
    expect(targets(controlService, control)).toEqual([k8sConfig(control).control.port]);
    for (const d of DEPLOYMENTS) {
      expect(selectorMatches(obj(obj(d.spec).selector).matchLabels, podLabels(d))).toBe(true);
    }
  });

  it('autoscales the gateways on CPU and keeps some up through disruptions', () => {
    const gateway = deploymentFor('gateway');
    const hpa = ofKind('HorizontalPodAutoscaler')[0]!;
    const spec = obj(hpa.spec);
    expect(obj(spec.scaleTargetRef)).toMatchObject({ kind: 'Deployment', name: obj(gateway.metadata).name });
    expect(Number(spec.minReplicas)).toBeGreaterThanOrEqual(2);
    expect(Number(spec.maxReplicas)).toBeGreaterThan(Number(spec.minReplicas));
    expect(list(spec.metrics).map((m) => obj(obj(m).resource).name)).toEqual(['cpu']);
    expect(obj(gateway.spec).replicas, 'the autoscaler owns the replica count').toBeUndefined();
    expect(obj(containerOf(gateway).resources).requests).toHaveProperty('cpu');
    const pdb = ofKind('PodDisruptionBudget')[0]!;
    expect(selectorMatches(obj(obj(pdb.spec).selector).matchLabels, podLabels(gateway))).toBe(true);
    expect(
      selectorMatches(obj(obj(pdb.spec).selector).matchLabels, podLabels(deploymentFor('control'))),
    ).toBe(false);
  });

  it('keeps secrets in the Secret only, as placeholders that cannot run', () => {
    expect(SECRET_ENVS).toContain('INFINISEC_STORE_POSTGRES_URL');
    const literalPassword = /\w+:\/\/[^\s/:@]*:[^\s/@]+@/;
    for (const o of OBJECTS.filter((o) => o.kind !== 'Secret')) {
      expect(
        words(o).filter((word) => literalPassword.test(word)),
        String(o.kind),
      ).toEqual([]);
    }
    expect(secretsIn(K8S_CONFIG_TEXT)).toEqual([]);
    for (const deployment of DEPLOYMENTS) {
      const env = list(containerOf(deployment).env).map(obj);
      const secretNames = env.filter((e) => SECRET_ENVS.has(String(e.name)));
      expect(secretNames.map((e) => e.name)).toContain(SECRET_KEY_ENV);
      for (const e of secretNames) expect(e.value, String(e.name)).toBeUndefined();
    }
    for (const [key, value] of Object.entries(SECRET_DATA)) expect(value, key).toMatch(/REPLACE-ME/);
    let refused: unknown;
    try {
      loadSecretKeys(join(ROOT, 'deploy', 'no-such-dir'), { [SECRET_KEY_ENV]: SECRET_DATA[SECRET_KEY_ENV] });
    } catch (err) {
      refused = err;
    }
    expect(isInfinisecError(refused, 'INFINISEC_ERR_SECRET_KEY')).toBe(true);
  });
});

describe('docs/deploy.md', () => {
  it('explains every variable the deployment files set', () => {
    const doc = read('docs/deploy.md');
    const names = new Set([
      ...Object.keys(SECRET_DATA),
      ...INFINISEC_SERVICES.flatMap(([, s]) => Object.keys(obj(obj(s).environment ?? {}))),
      ...Object.keys(IMAGE_ENV).filter((name) => name.startsWith('INFINISEC_')),
    ]);
    expect(names.size).toBeGreaterThan(3);
    for (const name of names) expect(doc, name).toContain(`\`${name}\``);
    for (const option of ['defend.failMode', 'store.events.maxQueue', 'cluster.role']) {
      expect(doc, option).toContain(`\`${option}\``);
    }
  });
});
