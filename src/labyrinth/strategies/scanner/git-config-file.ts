import type { PageContext } from '../page-context.js';

/** An exposed `.git/config` whose remote is a canary internal URL, with maze paths as include and mirror. */
export function gitConfigFile(ctx: PageContext): string {
  const [include, mirror] = ctx.links(2);
  const branch = ctx.rng.pick(['main', 'master', 'production']);
  return [
    '[core]',
    '\trepositoryformatversion = 0',
    '\tfilemode = true',
    '\tbare = false',
    '\tlogallrefupdates = true',
    '[remote "origin"]',
    `\turl = ${ctx.canary('internal-url')}`,
    '\tfetch = +refs/heads/*:refs/remotes/origin/*',
    `[branch "${branch}"]`,
    '\tremote = origin',
    `\tmerge = refs/heads/${branch}`,
    '[user]',
    '\tname = Deploy Bot',
    `\temail = ${ctx.canary('email')}`,
    `# read-only mirror: ${mirror!.href}`,
    '[include]',
    `\tpath = ${include!.href}`,
    '',
  ].join('\n');
}
