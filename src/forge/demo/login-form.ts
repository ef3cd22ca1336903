import { DEMO_USER } from './demo-user.js';
import { html, type SafeHtml } from './safe-html.js';

/** The login form, keeping the typed username and showing an error when there is one. */
export function renderLoginForm(options: { username?: string; error?: string } = {}): SafeHtml {
  return html`${options.error && html`<p class="error" role="alert">${options.error}</p>`}
<form action="/login" method="post">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" value="${options.username ?? ''}" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p class="hint">This is a demo: sign in as <code>${DEMO_USER.username}</code> with password
<code>${DEMO_USER.password}</code>.</p>`;
}
