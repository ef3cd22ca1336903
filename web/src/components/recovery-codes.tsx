/** The recovery codes, shown this once. */
export function RecoveryCodes({
  codes,
  onDone,
}: {
  readonly codes: readonly string[];
  readonly onDone: () => void;
}) {
  return (
    <div className="panel" role="status">
      <h2>Two-factor sign-in is on</h2>
      <p>
        Keep these recovery codes somewhere safe: each signs you in once without the app. They are shown only
        now.
      </p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code} className="mono">
            {code}
          </li>
        ))}
      </ul>
      <button type="button" className="button-primary" onClick={onDone}>
        I have saved them
      </button>
    </div>
  );
}
