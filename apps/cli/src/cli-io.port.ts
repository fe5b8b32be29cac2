// The streams the CLI writes to; injected so the commands can be run in-process.

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };
