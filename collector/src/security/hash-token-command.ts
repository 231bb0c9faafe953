/**
 * `maidian-collector hash-token [token]`: prints the `sha256:<hex>` form of a token to put in
 * the config as `"tokenHash"`. The token is read from the argument or, better (it then stays out
 * of the shell history), from the first line of standard input. Without either, a new random
 * token is made and printed with its hash.
 */
import { randomBytes } from 'node:crypto';
import { hashToken } from './token-hash.js';

const MIN_LENGTH = 16;

/** Runs the command; returns the exit code. */
export async function runHashToken(args: string[], stdin: NodeJS.ReadStream = process.stdin): Promise<number> {
  let token = args[0];
  if (token === undefined && !stdin.isTTY) token = (await readAll(stdin)).split(/\r?\n/)[0];
  if (token === undefined || token === '') {
    token = randomBytes(24).toString('base64url');
    process.stdout.write(`token: ${token}\ntokenHash: ${hashToken(token)}\n`);
    return 0;
  }
  if (token.length < MIN_LENGTH) {
    process.stderr.write(`maidian-collector hash-token: the token is ${token.length} characters; tokens must be at least ${MIN_LENGTH}\n`);
    return 1;
  }
  process.stdout.write(`${hashToken(token)}\n`);
  return 0;
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}
