// Parameter-name parts that say "this is a path": a URL there is only ever an inclusion attempt.
const PATH_PARTS = new Set([
  'path',
  'dir',
  'directory',
  'root',
  'folder',
  'include',
  'inc',
  'require',
  'base',
  'basedir',
  'abspath',
]);
// Parts that name a page, template or file the application loads by name.
const LOAD_PARTS = new Set([
  'file',
  'filename',
  'page',
  'pg',
  'template',
  'tpl',
  'doc',
  'document',
  'load',
  'module',
  'mod',
  'conf',
  'config',
  'lang',
  'language',
  'theme',
  'skin',
  'layout',
  'class',
  'home',
  'prefix',
]);

// Parts that say the URL is a link, a redirect target or a media file: a `return_path` or an `avatar_path`
// holds a URL honestly.
const LINK_PARTS = new Set([
  'return',
  'redirect',
  'callback',
  'next',
  'back',
  'success',
  'cancel',
  'continue',
  'goto',
  'target',
  'url',
  'uri',
  'link',
  'href',
  'image',
  'img',
  'avatar',
  'icon',
  'logo',
  'photo',
  'thumb',
  'thumbnail',
  'media',
  'asset',
  'static',
  'cdn',
  'upload',
  'download',
  'share',
  'webhook',
  'site',
  'web',
]);

/** How strongly a parameter name suggests that its value is included as code: path, load or none. */
export type IncludeName = 'path' | 'load' | 'none';

/**
 * Reads the parameter name from a location (`query._CONF[path]` → `_CONF[path]`) and classifies its parts
 * (`mosConfig_absolute_path` → `path`, `page` → `load`).
 * @example includeName('query.mosConfig_absolute_path') // 'path'
 */
export function includeName(location: string): IncludeName {
  const name = location.slice(location.lastIndexOf('.') + 1).toLowerCase();
  const parts = name.split(/[^a-z]+|(?<=[a-z])(?=path$)/);
  let found: IncludeName = 'none';
  let link = false;
  for (const part of parts) {
    if (PATH_PARTS.has(part)) found = 'path';
    else if (LOAD_PARTS.has(part) && found === 'none') found = 'load';
    link ||= LINK_PARTS.has(part);
  }
  if (found === 'none' && /(?:path|dir|root)$/.test(name)) found = 'path';
  return found === 'path' && link ? 'load' : found;
}
