// The browser check of Trent's web console (/_trent/ui/), run by .ci/console-check: Trent from the
// built jar, keys made through the AWS SDK for JavaScript v3, the console opened in headless Chromium
// (Debian's /usr/bin/chromium) with playwright-core. It finds the keys, filters them, follows one to
// its page (policy, aliases, tags, grants, material versions), schedules that key's deletion through
// the SDK, moves Trent's clock 8 days on through the console's clock control and sees the key gone;
// then the request log, the fault controls and the admin token prompt. Screenshots go to
// target/console-screenshots/. Prints "Web console: N passed, M failed".
import { chromium } from "playwright-core";
import {
  KMSClient, CreateKeyCommand, CreateAliasCommand, TagResourceCommand, CreateGrantCommand,
  EnableKeyRotationCommand, ScheduleKeyDeletionCommand, DescribeKeyCommand, EncryptCommand,
  CreateCustomKeyStoreCommand,
} from "@aws-sdk/client-kms";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { startTrent, Checks, errorOf } from "../js/harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const shots = path.join(root, "target", "console-screenshots");
const ACCOUNT = "111122223333";
const REGION = "eu-central-1";
const OTHER_REGION = "ap-southeast-2";
const credentials = { accessKeyId: ACCOUNT, secretAccessKey: "secret" };
const TIMEOUT = 10000;

const c = new Checks();
mkdirSync(shots, { recursive: true });
const trent = await startTrent();
const kms = new KMSClient({ endpoint: trent.endpoint, region: REGION, credentials, maxAttempts: 1 });
const other = new KMSClient({ endpoint: trent.endpoint, region: OTHER_REGION, credentials, maxAttempts: 1 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(TIMEOUT);
const consoleErrors = [];
page.on("pageerror", (e) => consoleErrors.push(String(e)));
const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
const ui = `${trent.endpoint}/_trent/ui/`;
/** Opens a key's page and waits for that key (not the page shown before) to be on it. */
const openKey = async (key) => {
  await page.goto(`${ui}#/key?account=${ACCOUNT}&region=${REGION}&id=${key.KeyId}`);
  await page.locator("#key-arn", { hasText: key.Arn }).waitFor();
};

try {
  // ---- keys made through the SDK ----
  const create = async (client, input) => (await client.send(new CreateKeyCommand(input))).KeyMetadata;
  const doomed = await create(kms, { Description: "console check: deleted through the clock" });
  await kms.send(new CreateAliasCommand({ AliasName: "alias/console-doomed", TargetKeyId: doomed.KeyId }));
  await kms.send(new TagResourceCommand({ KeyId: doomed.KeyId, Tags: [{ TagKey: "team", TagValue: "console" }] }));
  const signer = await create(kms, { Description: "console check: signing key", KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
  await kms.send(new CreateAliasCommand({ AliasName: "alias/console-signer", TargetKeyId: signer.KeyId }));
  const rotating = await create(kms, { Description: "console check: rotating key with a grant" });
  await kms.send(new EnableKeyRotationCommand({ KeyId: rotating.KeyId, RotationPeriodInDays: 90 }));
  await kms.send(new CreateGrantCommand({
    KeyId: rotating.KeyId, GranteePrincipal: `arn:aws:iam::${ACCOUNT}:role/console-app`, Operations: ["Encrypt", "Decrypt"],
    Name: "console-grant",
  }));
  await kms.send(new EncryptCommand({ KeyId: rotating.KeyId, Plaintext: Buffer.from("for the request log") }));
  const elsewhere = await create(other, { Description: "console check: another Region" });

  // ---- accounts and Regions ----
  await page.goto(ui);
  const scopeRow = page.locator(`#scopes-table tr[data-account="${ACCOUNT}"][data-region="${REGION}"]`);
  await c.check("the console lists the account and Region holding the keys, with its 3 keys", async () => {
    await scopeRow.waitFor();
    return (await scopeRow.innerText()).includes("3 keys");
  });
  await c.check("the console lists the other Region's key too", async () => {
    const row = page.locator(`#scopes-table tr[data-account="${ACCOUNT}"][data-region="${OTHER_REGION}"]`);
    await row.waitFor();
    return (await row.innerText()).includes("1 key");
  });
  await shot("01-accounts-and-regions");

  // ---- the key list ----
  await scopeRow.getByRole("link", { name: "3 keys" }).click();
  await page.locator("#keys-table").waitFor();
  const row = (key) => page.locator(`#keys-table tr[data-key-id="${key.KeyId}"]`);
  await c.check("the key list shows every key of the Region", async () => {
    for (const key of [doomed, signer, rotating]) {
      if (!(await row(key).isVisible())) return false;
    }
    return !(await row(elsewhere).count());
  });
  await c.check("the key list shows state, spec, usage and alias", async () => {
    const text = await row(signer).innerText();
    return ["Enabled", "ECC_NIST_P256", "SIGN_VERIFY", "alias/console-signer"].every((t) => text.includes(t));
  });
  await c.check("the key list shows rotation and tags", async () =>
    (await row(rotating).innerText()).includes("every 90 days") && (await row(doomed).innerText()).includes("team=console"));
  await shot("02-keys");
  await page.fill("#key-filter", "signer");
  await c.check("the filter box keeps only the matching key", async () =>
    (await row(signer).isVisible()) && !(await row(doomed).isVisible()) && !(await row(rotating).isVisible())
    && (await page.locator("#keys-count").innerText()).startsWith("1 of 3"));
  await shot("03-keys-filtered");
  await page.fill("#key-filter", "");

  // ---- a key's page ----
  await row(doomed).getByRole("link", { name: doomed.KeyId }).click();
  await page.locator("#key-arn").waitFor();
  await c.check("the key's page names the key by its ARN", async () => (await page.locator("#key-arn").innerText()) === doomed.Arn);
  await c.check("the key's page shows its policy, formatted", async () => {
    const policy = await page.locator("#key-policy").innerText();
    const parsed = JSON.parse(policy);
    return policy.includes('\n  "Version": "2012-10-17"') && JSON.stringify(parsed).includes(`arn:aws:iam::${ACCOUNT}:root`);
  });
  await c.check("the key's page shows its alias, tag and one material version", async () =>
    (await page.locator("#aliases-table").innerText()).includes("alias/console-doomed")
    && (await page.locator("#tags-table").innerText()).includes("console")
    && (await page.locator("#materials-table tbody tr").count()) === 1);
  await shot("04-key-page");
  await openKey(rotating);
  await c.check("a key's page shows its grants and rotation", async () =>
    (await page.locator("#grants-table").innerText()).includes(`arn:aws:iam::${ACCOUNT}:role/console-app`)
    && (await page.locator("#rotation-enabled").innerText()) === "enabled"
    && (await page.locator("#key-last-use").innerText()).includes("Encrypt"));
  await shot("05-key-grants-rotation");

  // ---- custom key stores, never with their secret ----
  const PASSWORD = "console-kmsuser-secret";
  const { CustomKeyStoreId: storeId } = await kms.send(new CreateCustomKeyStoreCommand({
    CustomKeyStoreName: "console-hsm", CloudHsmClusterId: "cluster-consolecheck", KeyStorePassword: PASSWORD,
    TrustAnchorCertificate: "-----BEGIN CERTIFICATE-----\nMIIC...console\n-----END CERTIFICATE-----",
  }));
  await page.goto(`${ui}#/stores?account=${ACCOUNT}&region=${REGION}`);
  await c.check("the custom key stores page lists the key store, disconnected, without its password", async () => {
    await page.locator("#stores-table").waitFor();
    const text = await page.locator("#stores-table").innerText();
    return text.includes(storeId) && text.includes("console-hsm") && text.includes("DISCONNECTED")
      && !(await page.content()).includes(PASSWORD);
  });
  await shot("06-custom-key-stores");

  // ---- a deletion that the clock completes ----
  await kms.send(new ScheduleKeyDeletionCommand({ KeyId: doomed.KeyId, PendingWindowInDays: 7 }));
  await openKey(doomed);
  await c.check("the key's page shows the pending deletion and its date", async () =>
    (await page.locator("#key-title").innerText()).includes("PendingDeletion")
    && (await page.locator('#key-details dd[data-member="DeletionDate"]').count()) === 1);
  await shot("07-pending-deletion");

  await page.goto(`${ui}#/controls`);
  await page.locator("#clock-box > *").first().waitFor();
  const clockControl = await page.locator("#advance-form").count() === 1;
  await c.check("the console has the clock control (GET /_trent/clock)", async () => clockControl);
  if (clockControl) {
    const before = await page.locator("#clock-now").innerText();
    await page.fill("#advance-amount", "8");
    await page.selectOption("#advance-unit", "days");
    await page.click("#advance-button");
    await page.locator("#clock-outcome", { hasText: "now" }).waitFor();
    await c.check("advancing the clock 8 days through the console moves Trent's clock", async () => {
      const after = new Date(await page.locator("#clock-now").innerText());
      return Math.round((after - new Date(before)) / 86400000) === 8;
    });
    await shot("08-clock-advanced");
    await page.goto(`${ui}#/keys?account=${ACCOUNT}&region=${REGION}`);
    await page.locator("#keys-table").waitFor();
    await c.check("after 8 days the deleted key is gone from the key list", async () =>
      (await row(doomed).count()) === 0 && (await row(signer).count()) === 1);
    await shot("09-key-deleted");
    await page.goto(`${ui}#/key?account=${ACCOUNT}&region=${REGION}&id=${doomed.KeyId}`);
    await c.check("the deleted key's page says it does not exist", async () =>
      (await page.locator("#key-missing").innerText()).includes("does not exist"));
    await c.check("the SDK agrees: DescribeKey answers NotFoundException", async () =>
      (await errorOf(() => kms.send(new DescribeKeyCommand({ KeyId: doomed.KeyId }))))?.name === "NotFoundException");
  }

  // ---- the request log ----
  await page.goto(`${ui}#/requests`);
  await page.locator("#requests-holder > *").first().waitFor();
  await c.check("the live request log shows the SDK's requests (GET /_trent/requests)", async () => {
    await page.locator("#requests-table").waitFor({ timeout: 3000 });
    const text = await page.locator("#requests-table").innerText();
    return text.includes("CreateKey") && text.includes("ScheduleKeyDeletion");
  });
  await c.check("the request log's filter keeps one operation", async () => {
    await page.fill("#requests-operation", "Encrypt");
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll("#requests-table tbody tr")];
      return rows.length > 0 && rows.every((r) => r.cells[1].textContent === "Encrypt");
    }, null, { timeout: 5000 });
    return true;
  });
  await shot("10-request-log");

  // ---- faults ----
  await page.goto(`${ui}#/controls`);
  await page.locator("#faults-box > *").first().waitFor();
  const faultControl = await page.locator("#fault-form").count() === 1;
  await c.check("the console has the fault controls (GET /_trent/faults)", async () => faultControl);
  if (faultControl) {
    await page.fill("#fault-operations", "Encrypt");
    await page.selectOption("#fault-error", "ThrottlingException");
    await page.fill("#fault-rate", "1");
    await page.click("#fault-add");
    await page.locator("#faults-table").waitFor();
    await c.check("a fault added in the console makes Encrypt fail with ThrottlingException", async () =>
      (await errorOf(() => kms.send(new EncryptCommand({ KeyId: rotating.KeyId, Plaintext: Buffer.from("x") }))))?.name
        === "ThrottlingException");
    await shot("11-fault");
    await page.click("#faults-clear");
    await page.locator("#no-faults").waitFor();
    await c.check("clearing the faults in the console makes Encrypt work again", async () =>
      (await errorOf(() => kms.send(new EncryptCommand({ KeyId: rotating.KeyId, Plaintext: Buffer.from("x") })))) === null);
  }

  await c.check("the console ran without a script error", async () => {
    if (consoleErrors.length) console.log(consoleErrors.join("\n"));
    return consoleErrors.length === 0;
  });
} catch (e) {
  await c.check(`the check ran to its end (${e?.message})`, () => false);
  await shot("99-failure").catch(() => {});
} finally {
  await browser.close();
  await trent.stop();
}

// ---- the admin token: the page asks for it once and sends it ----
const help = spawnSync("java", ["-jar", path.join(root, "target", "trent.jar"), "--help"], { encoding: "utf8" });
const hasToken = `${help.stdout}${help.stderr}`.includes("--admin-token");
await c.check("Trent has --admin-token", async () => hasToken);
if (hasToken) {
  const TOKEN = "console-check-token";
  const guarded = await startTrent(["--admin-token", TOKEN]);
  const tokenBrowser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true });
  try {
    const client = new KMSClient({ endpoint: guarded.endpoint, region: REGION, credentials, maxAttempts: 1 });
    const key = (await client.send(new CreateKeyCommand({ Description: "behind the admin token" }))).KeyMetadata;
    const tokenPage = await tokenBrowser.newPage();
    tokenPage.setDefaultTimeout(TIMEOUT);
    const sent = [];
    tokenPage.on("request", (r) => { if (r.url().includes("/_trent/api/")) sent.push(r.headers().authorization); });
    await tokenPage.goto(`${guarded.endpoint}/_trent/ui/#/keys?account=${ACCOUNT}&region=${REGION}`);
    await c.check("with --admin-token the console asks for the token", async () => {
      await tokenPage.locator("#token-dialog[open]").waitFor();
      return true;
    });
    await tokenPage.screenshot({ path: path.join(shots, "12-admin-token.png") });
    await tokenPage.fill("#token-input", TOKEN);
    await tokenPage.click("#token-submit");
    await c.check("with the token entered the console shows the keys and sends Authorization: Bearer", async () => {
      await tokenPage.locator(`#keys-table tr[data-key-id="${key.KeyId}"]`).waitFor();
      return sent.includes(`Bearer ${TOKEN}`);
    });
  } catch (e) {
    await c.check(`the admin token check ran to its end (${e?.message})`, () => false);
  } finally {
    await tokenBrowser.close();
    await guarded.stop();
  }
}

console.log(`screenshots in ${path.relative(root, shots)}/`);
process.exit(c.report("Web console"));
