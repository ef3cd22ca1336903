import { compilePathTemplate } from '../../path/path-template.js';
import type { PageContext } from '../page-context.js';
import { decoyPerson } from '../shared/decoy-person.js';

/** Home folders of service users: maze paths, for a crawler that follows anything shaped like a path. */
export const SERVICE_HOME_TEMPLATE = compilePathTemplate('/srv/releases/{slug}');

const SYSTEM_USERS = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync',
  'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
  'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
  'systemd-network:x:100:102:systemd Network Management,,,:/run/systemd:/usr/sbin/nologin',
  'messagebus:x:103:106::/nonexistent:/usr/sbin/nologin',
  'sshd:x:105:65534::/run/sshd:/usr/sbin/nologin',
  'mysql:x:106:111:MySQL Server,,,:/nonexistent:/bin/false',
  'redis:x:107:112::/var/lib/redis:/usr/sbin/nologin',
];
const SERVICES = ['deploy', 'app', 'worker', 'ci-runner', 'jenkins', 'gitlab-runner'];

/** An /etc/passwd with the usual system users, the site's service accounts and a few people. */
export function passwdFile(ctx: PageContext): string {
  const { rng } = ctx;
  const lines = [...SYSTEM_USERS];
  let uid = 998;
  for (const service of SERVICES.filter(() => rng.chance(0.5)).slice(0, 3)) {
    const home = ctx.linkFrom(SERVICE_HOME_TEMPLATE).href;
    lines.push(`${service}:x:${uid}:${uid}:${service},,,:${home}:/bin/bash`);
    uid--;
  }
  for (let id = 1001, n = rng.between(3, 6); n > 0; n--, id++) {
    const person = decoyPerson(rng);
    lines.push(`${person.username}:x:${id}:${id}:${person.name},,,:/home/${person.username}:/bin/bash`);
  }
  return `${lines.join('\n')}\n`;
}
