// What the Node.js checks share: starting Trent from the built jar on a free port, and counting
// checks into the "N passed, M failed" report line.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const jar = path.join(root, "target", "trent.jar");

/** Starts `java -jar target/trent.jar --port 0 [args]` and resolves to { endpoint, stop }. */
export function startTrent(args = []) {
  if (!existsSync(jar)) throw new Error(`no ${jar}: run mvn -B verify first`);
  const trent = spawn("java", ["-jar", jar, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      trent.kill();
      reject(new Error(`Trent did not start:\n${output}`));
    }, 30000);
    const onData = (chunk) => {
      output += chunk;
      const found = /listening on (http:\/\/[0-9.:]+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve({
          endpoint: found[1],
          stop: () => new Promise((done) => { trent.once("exit", done); trent.kill(); }),
        });
      }
    };
    trent.stdout.on("data", onData);
    trent.stderr.on("data", onData);
    trent.once("exit", (code) => { clearTimeout(timer); reject(new Error(`Trent exited (${code}):\n${output}`)); });
  });
}

export class Checks {
  passed = 0;
  failed = 0;

  /** Runs condition (sync or async); the check holds when it returns a truthy value. */
  async check(name, condition) {
    let ok;
    try {
      ok = await condition();
    } catch (e) {
      ok = false;
      name = `${name}: ${e?.name}: ${e?.message}`;
    }
    if (ok) {
      this.passed++;
      console.log(`ok   ${name}`);
    } else {
      this.failed++;
      console.log(`FAIL ${name}`);
    }
  }

  report(label) {
    console.log(`${label}: ${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 ? 0 : 1;
  }
}

/** The AWS error a call fails with: { name, status, message }; null if it succeeds. */
export async function errorOf(call) {
  try {
    await call();
  } catch (e) {
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  return null;
}
