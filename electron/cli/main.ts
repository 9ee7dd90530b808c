/**
 * `syscope` command line: one file a subcommand under commands/, each exporting
 * `run(args): Promise<number>` (the exit status). Every failure that reaches this
 * dispatcher is printed as one line, never as a stack trace, with the status of its kind
 * (exitStatus.ts).
 */
import { exitStatusOf } from './exitStatus';
import { errorLine } from './errorLine';

export interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

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

function usage(): string {
  return ['usage: syscope <command> [options]', '', 'commands:', ...Object.keys(commands).map((c) => `  ${c}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`syscope: unknown command '${name}' (one of: ${Object.keys(commands).join(', ')})`);
    return 2;
  }
  const { command } = await load();
  return command.run(rest);
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
