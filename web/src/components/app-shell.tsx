import { type ReactNode, useState } from 'react';
import { useAuth, useMe } from '../auth/auth-context';
import type { Theme } from '../hooks/use-theme';
import { href } from '../router/hash-route';
import { NAV_ITEMS } from './nav-items';
import { ThemeToggle } from './theme-toggle';

/** The frame of every signed-in page: brand, navigation (a menu on small screens), theme, who is signed in. */
export function AppShell({
  current,
  theme,
  onToggleTheme,
  children,
}: {
  /** The first segment of the route, to mark the current page. */
  readonly current: string;
  readonly theme: Theme;
  readonly onToggleTheme: () => void;
  readonly children: ReactNode;
}) {
  const auth = useAuth();
  const me = useMe();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = NAV_ITEMS.filter((item) => item.permission === undefined || auth.can(item.permission));
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={href('overview')}>
          <span className="brand-mark" aria-hidden="true">
            ∞
          </span>
          infinisec
        </a>
        <button
          type="button"
          className="button-ghost menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav id="main-nav" className={menuOpen ? 'nav open' : 'nav'} aria-label="Main">
          {items.map((item) => (
            <a
              key={item.route}
              href={href(item.route)}
              aria-current={item.route === current ? 'page' : undefined}
              onClick={() => setMenuOpen(false)}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <div className="account">
          <span className="whoami" data-testid="whoami">
            {me.name} <span className="badge role">{me.role}</span>
          </span>
          <ThemeToggle theme={theme} onToggle={onToggleTheme} />
          <button type="button" className="button-ghost" onClick={() => void auth.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
