import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/**
 * Calls `onChange` (debounced) when the file changes. The folder is watched, not the file, so that editors
 * that save by writing a new file and renaming it over the old one are seen too.
 */
export function watchConfigFile(file: string, onChange: () => void, debounceMs = 100): () => void {
  const path = resolve(file);
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    // A writer that truncates, then stalls, would be read half-written: wait until size and mtime hold still.
    const signature = () => {
      try {
        const stat = statSync(path);
        return `${stat.size}:${stat.mtimeMs}`;
      } catch {
        return 'missing';
      }
    };
    const settle = (seen: string) => {
      const now = signature();
      if (now === seen) onChange();
      else timer = setTimeout(() => settle(now), debounceMs);
    };
    watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(timer);
      const seen = signature();
      timer = setTimeout(() => settle(seen), debounceMs);
    });
  } catch {
    // A folder that cannot be watched leaves SIGHUP as the way to reload.
    return () => {};
  }
  watcher.on('error', () => watcher?.close());
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
