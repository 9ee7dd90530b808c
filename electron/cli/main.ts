/**
 * `syscope` command line: one file a subcommand under commands/, each exporting its summary,
 * usage, options and `run(args): Promise<number>` (the exit status). Help and unknown options
 * are answered here, the same for every command (dispatch.ts). Every failure that reaches this
 * dispatcher is printed as one line, never as a stack trace, with the status of its kind
 * (exitStatus.ts).
 */
import { exitStatusOf } from './exitStatus';
import { errorLine } from './errorLine';
import { commandList, runCommand, type DispatchedCommand } from './dispatch';

export type Command = DispatchedCommand;

type Loader = () => Promise<{ command: Command }>;

// Add a subcommand here and in commands/<name>.ts; the lazy import keeps start-up fast.
const commands: Record<string, Loader> = {
  serve: () => import('./commands/serve'),
  info: () => import('./commands/info'),
  sample: () => import('./commands/sample'),
  view: () => import('./commands/view'),
  tiles: () => import('./commands/tiles'),
  events: () => import('./commands/events'),
  streams: () => import('./commands/streams'),
  tree: () => import('./commands/tree'),
  dump: () => import('./commands/dump'),
  write: () => import('./commands/write'),
  export: () => import('./commands/export'),
  report: () => import('./commands/report'),
  fields: () => import('./commands/fields'),
  count: () => import('./commands/count'),
  index: () => import('./commands/index'),
};

async function usage(): Promise<string> {
  const loaded = await Promise.all(Object.entries(commands).map(async ([name, load]) => [name, (await load()).command.summary] as const));
  return commandList(loaded);
}

export async function main(argv: string[]): Promise<number> {
  let [name, ...rest] = argv;
  // `syscope help view` is `syscope view --help`.
  if (name === 'help' && rest.length > 0) {
    if (!commands[rest[0]]) {
      console.error(`syscope help: unknown command '${rest[0]}' (one of: ${Object.keys(commands).join(', ')})`);
      return 2;
    }
    [name, rest] = [rest[0], ['--help']];
  }
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    console.log(await usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`syscope: unknown command '${name}' (one of: ${Object.keys(commands).join(', ')})`);
    return 2;
  }
  const { command } = await load();
  return runCommand(command, rest);
}

// EPIPE (output piped into `head`) is a normal way for a reader to stop listening.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

const argv = process.argv.slice(2);
main(argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(errorLine(argv[0], err)); process.exitCode = exitStatusOf(err); },
);
