import { ALPHANUMERIC, randomString } from '../../random/random-string.js';
import type { PageContext } from '../page-context.js';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const BASE64 = `${ALPHANUMERIC}+/`;
const NOT_NAME = /[^a-z0-9]+/g;

function privateAddress(ctx: PageContext): string {
  return `10.${ctx.rng.between(0, 40)}.${ctx.rng.between(0, 255)}.${ctx.rng.between(2, 250)}`;
}

/** A production `.env` whose passwords and keys are canaries, with maze paths among its settings. */
export function envFile(ctx: PageContext): string {
  const { rng, site } = ctx;
  const [docs, health, backups] = ctx.links(3);
  const name = site.toLowerCase().replace(NOT_NAME, '_');
  return [
    `# ${site} production settings. Managed by the deploy pipeline, see ${docs!.href}`,
    `APP_NAME=${name}`,
    'APP_ENV=production',
    `APP_KEY=base64:${randomString(rng, BASE64, 43)}=`,
    'APP_DEBUG=false',
    `HEALTHCHECK_PATH=${health!.href}`,
    '',
    'DB_CONNECTION=mysql',
    `DB_HOST=${privateAddress(ctx)}`,
    'DB_PORT=3306',
    `DB_DATABASE=${name}_prod`,
    `DB_USERNAME=${name}_rw`,
    `DB_PASSWORD=${ctx.canary('password')}`,
    '',
    `REDIS_HOST=${privateAddress(ctx)}`,
    `REDIS_PASSWORD=${ctx.canary('password')}`,
    '',
    'MAIL_MAILER=smtp',
    `MAIL_USERNAME=${ctx.canary('email')}`,
    `MAIL_PASSWORD=${ctx.canary('password')}`,
    '',
    `AWS_ACCESS_KEY_ID=${ctx.canary('aws-key')}`,
    `AWS_SECRET_ACCESS_KEY=${randomString(rng, BASE64, 40)}`,
    `AWS_DEFAULT_REGION=${rng.pick(REGIONS)}`,
    `AWS_BUCKET=${name.replaceAll('_', '-')}-uploads`,
    '',
    `STRIPE_KEY=pk_live_${randomString(rng, ALPHANUMERIC, 24)}`,
    `STRIPE_SECRET=${ctx.canary('stripe-key')}`,
    `GITHUB_TOKEN=${ctx.canary('github-token')}`,
    `JWT_SECRET=${ctx.canary('jwt')}`,
    `INTERNAL_API_URL=${ctx.canary('internal-url')}`,
    `# nightly dumps are listed at ${backups!.href}`,
    `BACKUP_INDEX=${backups!.href}`,
    '',
  ].join('\n');
}
