// The JavaScript half of .ci/esdk-check: the AWS Encryption SDK for JavaScript (@aws-crypto/client-node)
// with its KMS keyrings against a running Trent. Usage:
//   node esdk.mjs setup ENDPOINT DIR     creates the keys of the cross-check, writes DIR/keys.tsv
//   node esdk.mjs encrypt ENDPOINT DIR   writes a message per scenario into DIR (NAME.ct, NAME.pt, NAME.ec.tsv)
//   node esdk.mjs disable ENDPOINT DIR   disables the key of the "revoked" messages
//   node esdk.mjs decrypt ENDPOINT DIR   decrypts the messages of the other library in DIR, prints ok/FAIL lines
// The scenarios and their names are the same as in .ci/esdk-java (EsdkCheck.java).
import {
  buildClient, CommitmentPolicy, KmsKeyringNode, AwsKmsMrkAwareSymmetricKeyringNode,
  AwsKmsMrkAwareSymmetricDiscoveryKeyringNode, getClient, KMS,
} from "@aws-crypto/client-node";
import { KMSClient, CreateKeyCommand, ReplicateKeyCommand, DisableKeyCommand } from "@aws-sdk/client-kms";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import crypto from "node:crypto";
import path from "node:path";
import { Checks } from "./harness.mjs";

const [command, endpoint, dir] = process.argv.slice(2);
const ACCOUNT = "111122223333";
const PRIMARY_REGION = "eu-central-1";
const REPLICA_REGION = "eu-west-1";
const credentials = { accessKeyId: ACCOUNT, secretAccessKey: "secret" };
const kmsIn = (region) => new KMS({ endpoint, region, credentials, maxAttempts: 1 });
const clientProvider = getClient(KMS, { endpoint, credentials, maxAttempts: 1 });
const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
// Plain tab-separated "name<TAB>value" lines, which the Java side reads without a JSON library.
const toTsv = (map) => Object.entries(map).map(([k, v]) => `${k}\t${v}\n`).join("");
const fromTsv = (file) => Object.fromEntries(readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => l.split("\t")));
const readKeys = () => fromTsv(path.join(dir, "..", "keys.tsv"));

async function setup() {
  const kms = new KMSClient({ endpoint, region: PRIMARY_REGION, credentials, maxAttempts: 1 });
  const arn = async (input) => (await kms.send(new CreateKeyCommand(input))).KeyMetadata.Arn;
  const keys = {
    first: await arn({ Description: "ESDK cross-check: generator" }),
    second: await arn({ Description: "ESDK cross-check: second key of the multi-keyring" }),
    unrelated: await arn({ Description: "ESDK cross-check: a key no message is encrypted under" }),
    revoked: await arn({ Description: "ESDK cross-check: disabled after encrypting, before decrypting" }),
    mrkPrimary: await arn({ Description: "ESDK cross-check: multi-Region primary", MultiRegion: true }),
  };
  const replica = await kms.send(new ReplicateKeyCommand({ KeyId: keys.mrkPrimary, ReplicaRegion: REPLICA_REGION }));
  keys.mrkReplica = replica.ReplicaKeyMetadata.Arn;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "keys.tsv"), toTsv(keys));
}

async function encryptAll() {
  const keys = readKeys();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "origin"), "JavaScript\n");
  const write = async (name, keyring, encryptionContext) => {
    const plaintext = crypto.randomBytes(10000 + crypto.randomInt(1000));
    const { result } = await encrypt(keyring, plaintext, { encryptionContext });
    writeFileSync(path.join(dir, `${name}.ct`), result);
    writeFileSync(path.join(dir, `${name}.pt`), plaintext);
    writeFileSync(path.join(dir, `${name}.ec.tsv`), toTsv(encryptionContext));
  };
  await write("multi", new KmsKeyringNode({ clientProvider, generatorKeyId: keys.first, keyIds: [keys.second] }),
    { purpose: "cross-check", origin: "javascript" });
  await write("revoked", new KmsKeyringNode({ clientProvider, generatorKeyId: keys.revoked }),
    { purpose: "revoked", origin: "javascript" });
  await write("mrk", new AwsKmsMrkAwareSymmetricKeyringNode({ client: kmsIn(PRIMARY_REGION), keyId: keys.mrkPrimary }),
    { purpose: "multi-region", origin: "javascript" });
}

async function disable() {
  const kms = new KMSClient({ endpoint, region: PRIMARY_REGION, credentials, maxAttempts: 1 });
  await kms.send(new DisableKeyCommand({ KeyId: readKeys().revoked }));
}

async function decryptAll() {
  const keys = readKeys();
  const from = readFileSync(path.join(dir, "origin"), "utf8").trim();
  const c = new Checks();
  const read = (name) => ({
    ciphertext: readFileSync(path.join(dir, `${name}.ct`)),
    plaintext: readFileSync(path.join(dir, `${name}.pt`)),
    context: fromTsv(path.join(dir, `${name}.ec.tsv`)),
  });
  const opens = (name, label, keyring) => c.check(`JavaScript decrypts the ${from} ${name} message with ${label}`, async () => {
    const m = read(name);
    const { plaintext, messageHeader } = await decrypt(keyring, m.ciphertext);
    return Buffer.from(plaintext).equals(m.plaintext)
      && Object.entries(m.context).every(([k, v]) => messageHeader.encryptionContext[k] === v);
  });
  // why: a pattern the library's error must match, so that a refusal for another reason (Trent down,
  // say) does not pass.
  const refuses = async (name, label, keyring, why) => {
    let because = "";
    await c.check(`JavaScript refuses the ${from} ${name} message with ${label}`, async () => {
      try {
        await decrypt(keyring, read(name).ciphertext);
      } catch (e) {
        because = `${e.name}: ${e.message.replace(/\s+/g, " ").slice(0, 300)}`;
        return why.test(e.message);
      }
      return false;
    });
    if (because) console.log(`     because ${because}`);
  };
  const noMatch = /unencryptedDataKey has not been set/;
  const filter = (account) => ({ accountIDs: [account], partition: "aws" });

  await opens("multi", "a KMS keyring of the generator key",
    new KmsKeyringNode({ clientProvider, keyIds: [keys.first] }));
  await opens("multi", "a KMS keyring of the second key only",
    new KmsKeyringNode({ clientProvider, keyIds: [keys.second] }));
  await opens("multi", "a discovery keyring for the account",
    new KmsKeyringNode({ clientProvider, discovery: true, discoveryFilter: filter(ACCOUNT) }));
  await refuses("multi", "a KMS keyring of an unrelated key",
    new KmsKeyringNode({ clientProvider, keyIds: [keys.unrelated] }), noMatch);
  await refuses("multi", "a discovery keyring for another account",
    new KmsKeyringNode({ clientProvider, discovery: true, discoveryFilter: filter("444455556666") }), noMatch);
  await refuses("revoked", "a KMS keyring of its key, now disabled in Trent",
    new KmsKeyringNode({ clientProvider, keyIds: [keys.revoked] }), /DisabledException|is disabled/);
  await opens("mrk", `an MRK-aware keyring of the replica in ${REPLICA_REGION}`,
    new AwsKmsMrkAwareSymmetricKeyringNode({ client: kmsIn(REPLICA_REGION), keyId: keys.mrkReplica }));
  await opens("mrk", `an MRK-aware discovery keyring in ${REPLICA_REGION}`,
    new AwsKmsMrkAwareSymmetricDiscoveryKeyringNode({ client: kmsIn(REPLICA_REGION), region: REPLICA_REGION, discoveryFilter: filter(ACCOUNT) }));
  await refuses("mrk", "a KMS keyring of the replica that is not MRK-aware",
    new KmsKeyringNode({ clientProvider, keyIds: [keys.mrkReplica] }), noMatch);
  return c.failed === 0 ? 0 : 1;
}

try {
  if (command === "setup") await setup();
  else if (command === "encrypt") await encryptAll();
  else if (command === "disable") await disable();
  else if (command === "decrypt") process.exitCode = await decryptAll();
  else throw new Error(`unknown command ${command}`);
} catch (e) {
  console.log(`FAIL JavaScript ${command} stopped: ${e?.name}: ${e?.message}`);
  process.exitCode = 1;
}
