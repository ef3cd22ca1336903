import { useAuth } from '../auth/auth-context';
import type { Permission } from '../auth/permissions';
import { ApiKeysPanel } from '../components/api-keys-panel';
import { ConfigSection } from '../components/config-section';
import { ForbiddenNotice } from '../components/forbidden-notice';
import { MfaPanel } from '../components/mfa-panel';
import { PageHeader } from '../components/page-header';
import { PasswordForm } from '../components/password-form';
import { PrivacyPanel } from '../components/privacy-panel';
import { UsersPanel } from '../components/users-panel';
import { href } from '../router/hash-route';

/** The sections of the settings, each with the permission it needs to be seen. */
const SECTIONS = [
  { route: 'account', label: 'My account' },
  { route: 'config', label: 'Configuration', permission: 'config:read' },
  { route: 'users', label: 'Users and roles', permission: 'users:read' },
  { route: 'keys', label: 'API keys', permission: 'apikeys:read' },
  { route: 'privacy', label: 'Privacy', permission: 'privacy:manage' },
] as const satisfies readonly { route: string; label: string; permission?: Permission }[];

/**
 * Settings: the person's own account and MFA, the configuration, users, API keys and data subject requests,
 * as the role allows.
 */
export function SettingsPage({ section = 'account' }: { readonly section?: string }) {
  const auth = useAuth();
  const visible = SECTIONS.filter((s) => !('permission' in s) || auth.can(s.permission));
  const current = SECTIONS.find((s) => s.route === section);
  const allowed = current !== undefined && visible.includes(current);
  return (
    <section>
      <PageHeader title="Settings" />
      <nav className="tabs" aria-label="Settings">
        {visible.map((s) => (
          <a
            key={s.route}
            href={href('settings', s.route)}
            aria-current={s.route === section ? 'page' : undefined}
          >
            {s.label}
          </a>
        ))}
      </nav>
      {!allowed ? (
        <ForbiddenNotice />
      ) : section === 'config' ? (
        <ConfigSection />
      ) : section === 'users' ? (
        <UsersPanel />
      ) : section === 'keys' ? (
        <ApiKeysPanel />
      ) : section === 'privacy' ? (
        <PrivacyPanel />
      ) : (
        <div className="stack">
          <MfaPanel />
          <PasswordForm />
        </div>
      )}
    </section>
  );
}
