/** Shown while something loads. */
export function LoadingState({ label = 'Loading…' }: { readonly label?: string }) {
  return (
    <p className="state state-loading" role="status">
      {label}
    </p>
  );
}
