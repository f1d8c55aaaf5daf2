// Command-line arguments, parsed by node:util's parseArgs (strict: an unknown flag or a stray
// argument is an error, not silently ignored), with messages that name the command.
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses `args` for `command`; an error names the command and the offending flag or argument. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new Error(`${command}: unknown flag ${quoted}`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new Error(`${command}: unexpected argument '${quoted}'`);
    throw new Error(`${command}: ${message}`);
  }
}
