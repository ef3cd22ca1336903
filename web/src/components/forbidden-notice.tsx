import { useMe } from '../auth/auth-context';

/** Shown in place of a page the signed-in role may not see. */
export function ForbiddenNotice() {
  const me = useMe();
  return (
    <div className="notice notice-warning" role="alert" data-testid="forbidden">
      <p>
        Your role (<strong>{me.role}</strong>) does not give access to this page. Ask an admin if you need it.
      </p>
    </div>
  );
}
