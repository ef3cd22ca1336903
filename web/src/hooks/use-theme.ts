import { useCallback, useEffect, useState } from 'react';

/** A colour theme. */
export type Theme = 'light' | 'dark';

const KEY = 'infinisec.theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function storedTheme(): Theme | undefined {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : undefined;
}

/**
 * The theme: the one chosen with the toggle (remembered in localStorage), or else the system's, followed as it
 * changes. Sets `data-theme` on <html>, which the stylesheet reads.
 */
export function useTheme(): { theme: Theme; toggle(): void } {
  const [chosen, setChosen] = useState<Theme | undefined>(storedTheme);
  const [system, setSystem] = useState<Theme>(() => (darkQuery().matches ? 'dark' : 'light'));
  const theme = chosen ?? system;

  useEffect(() => {
    const query = darkQuery();
    const follow = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    setChosen(next);
  }, [theme]);
  return { theme, toggle };
}
