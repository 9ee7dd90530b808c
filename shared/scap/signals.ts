/**
 * Signal names by number (1..31). Real-time signals (32..64) have no name.
 * Source: scap-flags.md §4 (libsinsp sinsp_signal.h); identical in sysdig 0.29.3.
 */
const signalNames: ReadonlyArray<string | undefined> = [
  undefined,
  'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1',
  'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP',
  'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH',
  'SIGIO', 'SIGPWR', 'SIGSYS',
];

/** The signal's name (`SIGKILL`), or undefined for unnamed/unknown numbers. */
export function signalName(sig: number): string | undefined {
  return signalNames[sig];
}
