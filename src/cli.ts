import 'reflect-metadata';
import { processIo } from './cli/cli-io';
import { runCli } from './cli/run-cli';

void runCli(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
