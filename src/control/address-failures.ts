/** Failed sign-ins counted per address, to stop one address from trying many accounts. */
export interface AddressFailures {
  /** Milliseconds the address must wait, or 0 when it may try. */
  wait(ip: string, now: number): number;
  fail(ip: string, now: number): void;
}

/** How many failures an address may have in a window, and how many addresses are tracked at most. */
export interface AddressFailureLimits {
  readonly max: number;
  readonly windowMs: number;
  readonly tracked: number;
}

/**
 * A fixed window of failures per address. Past `max` failures in `windowMs`, the address waits until the window
 * ends. At most `tracked` addresses are remembered; the oldest window is forgotten first, so memory is bounded.
 * @example const failures = createAddressFailures({ max: 20, windowMs: 600_000, tracked: 10_000 });
 */
export function createAddressFailures(limits: AddressFailureLimits): AddressFailures {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    wait(ip, now) {
      const window = windows.get(ip);
      if (window === undefined || now - window.start >= limits.windowMs) return 0;
      return window.count >= limits.max ? window.start + limits.windowMs - now : 0;
    },
    fail(ip, now) {
      const window = windows.get(ip);
      if (window !== undefined && now - window.start < limits.windowMs) {
        window.count++;
        return;
      }
      windows.delete(ip);
      windows.set(ip, { start: now, count: 1 });
      if (windows.size > limits.tracked) windows.delete(windows.keys().next().value!);
    },
  };
}
