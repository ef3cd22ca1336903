import { href } from '../router/hash-route';

/** A route the dashboard does not know. */
export function NotFoundPage() {
  return (
    <section className="notice notice-warning" role="alert">
      <p>
        There is no such page. <a href={href('overview')}>Go to the overview</a>.
      </p>
    </section>
  );
}
