import type { PageContext } from '../page-context.js';

/** A YAML application config with a canary password and access key, and maze paths for its routes. */
export function appConfigFile(ctx: PageContext): string {
  const { rng } = ctx;
  const links = ctx.links();
  return [
    `# ${ctx.site}: production configuration (rendered by ansible, do not edit by hand)`,
    'server:',
    `  port: ${rng.pick([8080, 3000, 8000, 9000])}`,
    `  workers: ${rng.between(2, 16)}`,
    'database:',
    `  host: db-${rng.between(1, 4)}.internal`,
    '  name: app_production',
    '  user: app_rw',
    `  password: "${ctx.canary('password')}"`,
    `  pool: ${rng.between(5, 40)}`,
    'storage:',
    '  driver: s3',
    `  access_key_id: "${ctx.canary('aws-key')}"`,
    `  internal_endpoint: "${ctx.canary('internal-url')}"`,
    'admin:',
    `  contact: "${ctx.canary('email')}"`,
    'routes:',
    ...links.map((link) => `  - path: ${link.href}\n    title: "${link.title}"`),
    '',
  ].join('\n');
}
