// Asks for a password on the terminal without echoing it. Without a terminal there is nobody
// to ask, so the command must say how to pass it instead of hanging on stdin.
import { ClienteleError } from '../domain/errors.js';

function ask(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new ClienteleError('bad_request', 'Cancelled; no user was added.', 'password'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function promptNewPassword(option: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new ClienteleError('bad_request', `No ${option} given and no terminal to ask for one: pass ${option} (at least 10 characters).`, 'password');
  }
  const password = await ask('Password (at least 10 characters): ');
  const again = await ask('Same password again: ');
  if (password !== again) throw new ClienteleError('bad_request', 'The two passwords differ; no user was added.', 'password');
  return password;
}
