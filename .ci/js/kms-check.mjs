// The AWS SDK for JavaScript v3 (@aws-sdk/client-kms) against Trent started from the built jar:
// the scenarios of .ci/boto3-check, with signatures and RSA encryption checked by node:crypto.
// Prints "JavaScript SDK v3: N passed, M failed"; exits 1 when anything failed.
import {
  KMSClient, CreateKeyCommand, EncryptCommand, DecryptCommand, ReEncryptCommand, GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand, GenerateRandomCommand, GetPublicKeyCommand, SignCommand,
  VerifyCommand, CreateAliasCommand, ListAliasesCommand, UpdateAliasCommand, DeleteAliasCommand,
  DescribeKeyCommand, CreateGrantCommand, ListGrantsCommand, ListRetirableGrantsCommand,
  RetireGrantCommand, RevokeGrantCommand, ListKeysCommand, DisableKeyCommand, EnableKeyCommand,
  ScheduleKeyDeletionCommand, NotFoundException, DisabledException, paginateListKeys,
  paginateListAliases,
} from "@aws-sdk/client-kms";
import crypto from "node:crypto";
import { startTrent, Checks, errorOf } from "./harness.mjs";

const c = new Checks();
const text = (s) => new TextEncoder().encode(s);
const same = (a, b) => Buffer.from(a).equals(Buffer.from(b));

function client(endpoint, account = "111122223333", region = "eu-central-1") {
  return new KMSClient({
    endpoint, region, maxAttempts: 1,
    credentials: { accessKeyId: account, secretAccessKey: "secret" },
  });
}

async function symmetric(kms) {
  const key = (await kms.send(new CreateKeyCommand({ Description: "JavaScript check" }))).KeyMetadata;
  await c.check("CreateKey makes a symmetric ENCRYPT_DECRYPT key in eu-central-1", () =>
    key.KeySpec === "SYMMETRIC_DEFAULT" && key.KeyUsage === "ENCRYPT_DECRYPT"
    && key.Arn === `arn:aws:kms:eu-central-1:111122223333:key/${key.KeyId}` && key.CreationDate instanceof Date);
  const context = { purpose: "js", team: "ci" };
  const enc = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: text("Attack at dawn"), EncryptionContext: context }));
  await c.check("Encrypt answers the key ARN and the algorithm", () =>
    enc.KeyId === key.Arn && enc.EncryptionAlgorithm === "SYMMETRIC_DEFAULT");
  await c.check("Decrypt with the same context returns the plaintext and the key ARN", async () => {
    const dec = await kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: { team: "ci", purpose: "js" } }));
    return same(dec.Plaintext, text("Attack at dawn")) && dec.KeyId === key.Arn;
  });
  await c.check("Decrypt with another context is InvalidCiphertextException, HTTP 400", async () => {
    const e = await errorOf(() => kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: { purpose: "other" } })));
    return e?.name === "InvalidCiphertextException" && e.status === 400;
  });
  await c.check("ReEncrypt moves the ciphertext to a new context", async () => {
    const re = await kms.send(new ReEncryptCommand({ CiphertextBlob: enc.CiphertextBlob, SourceEncryptionContext: context,
      DestinationKeyId: key.KeyId, DestinationEncryptionContext: { stage: "two" } }));
    const dec = await kms.send(new DecryptCommand({ CiphertextBlob: re.CiphertextBlob, EncryptionContext: { stage: "two" } }));
    return same(dec.Plaintext, text("Attack at dawn")) && re.SourceKeyId === key.Arn;
  });
}

async function dataKeys(kms) {
  const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata.KeyId;
  const context = { file: "report.pdf" };
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: "AES_256", EncryptionContext: context }));
  await c.check("GenerateDataKey AES_256 returns 32 bytes of plaintext", () => dk.Plaintext.length === 32);
  const back = (await kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob, EncryptionContext: context }))).Plaintext;
  await c.check("the encrypted data key decrypts to the same data key", () => same(back, dk.Plaintext));
  await c.check("the data key seals and the decrypted data key opens with AES-256-GCM (node:crypto)", () => {
    const iv = crypto.randomBytes(12);
    const seal = crypto.createCipheriv("aes-256-gcm", dk.Plaintext, iv);
    const sealed = Buffer.concat([seal.update("envelope payload"), seal.final()]);
    const open = crypto.createDecipheriv("aes-256-gcm", back, iv).setAuthTag(seal.getAuthTag());
    return Buffer.concat([open.update(sealed), open.final()]).toString() === "envelope payload";
  });
  await c.check("GenerateDataKey NumberOfBytes=64 returns 64 bytes that decrypt back", async () => {
    const dk64 = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, NumberOfBytes: 64 }));
    const plain = (await kms.send(new DecryptCommand({ CiphertextBlob: dk64.CiphertextBlob }))).Plaintext;
    return dk64.Plaintext.length === 64 && same(plain, dk64.Plaintext);
  });
  await c.check("GenerateDataKeyWithoutPlaintext returns no plaintext; it decrypts to 16 bytes", async () => {
    const blind = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: "AES_128" }));
    const plain = (await kms.send(new DecryptCommand({ CiphertextBlob: blind.CiphertextBlob }))).Plaintext;
    return blind.Plaintext === undefined && plain.length === 16;
  });
  await c.check("GenerateRandom returns 48 bytes", async () =>
    (await kms.send(new GenerateRandomCommand({ NumberOfBytes: 48 }))).Plaintext.length === 48);
}

async function publicKeyOf(kms, keyId) {
  const der = (await kms.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey;
  return crypto.createPublicKey({ key: Buffer.from(der), format: "der", type: "spki" });
}

async function rsa(kms) {
  const key = (await kms.send(new CreateKeyCommand({ KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" }))).KeyMetadata;
  const publicKey = await publicKeyOf(kms, key.KeyId);
  await c.check("GetPublicKey returns a 2048-bit RSA SubjectPublicKeyInfo", () =>
    publicKey.asymmetricKeyType === "rsa" && publicKey.asymmetricKeyDetails.modulusLength === 2048);
  const message = text("JavaScript signs this");
  for (const [algorithm, padding] of [
    ["RSASSA_PSS_SHA_256", { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }],
    ["RSASSA_PKCS1_V1_5_SHA_256", { padding: crypto.constants.RSA_PKCS1_PADDING }],
  ]) {
    const { Signature } = await kms.send(new SignCommand({ KeyId: key.KeyId, Message: message, MessageType: "RAW", SigningAlgorithm: algorithm }));
    await c.check(`Verify accepts the ${algorithm} signature`, async () =>
      (await kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: message, Signature, SigningAlgorithm: algorithm }))).SignatureValid === true);
    await c.check(`the ${algorithm} signature verifies with the public key (node:crypto)`, () =>
      crypto.verify("sha256", message, { key: publicKey, ...padding }, Signature));
    await c.check(`Verify of another message is KMSInvalidSignatureException (${algorithm})`, async () =>
      (await errorOf(() => kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: text("tampered"), Signature, SigningAlgorithm: algorithm }))))?.name
      === "KMSInvalidSignatureException");
  }
  await c.check("a DIGEST signature verifies over the raw message with the public key", async () => {
    const digest = crypto.createHash("sha256").update(message).digest();
    const { Signature } = await kms.send(new SignCommand({ KeyId: key.KeyId, Message: digest, MessageType: "DIGEST", SigningAlgorithm: "RSASSA_PKCS1_V1_5_SHA_256" }));
    return crypto.verify("sha256", message, { key: publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, Signature);
  });
  await c.check("a ciphertext made locally with the RSA public key (OAEP SHA-256) decrypts in KMS", async () => {
    const encKey = (await kms.send(new CreateKeyCommand({ KeySpec: "RSA_3072", KeyUsage: "ENCRYPT_DECRYPT" }))).KeyMetadata;
    const sealed = crypto.publicEncrypt({ key: await publicKeyOf(kms, encKey.KeyId), padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
      Buffer.from("outside KMS"));
    const dec = await kms.send(new DecryptCommand({ KeyId: encKey.KeyId, CiphertextBlob: sealed, EncryptionAlgorithm: "RSAES_OAEP_SHA_256" }));
    return Buffer.from(dec.Plaintext).toString() === "outside KMS";
  });
}

async function ecc(kms) {
  const key = (await kms.send(new CreateKeyCommand({ KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" }))).KeyMetadata;
  await c.check("an ECC_NIST_P256 key signs with ECDSA_SHA_256", () =>
    key.SigningAlgorithms.length === 1 && key.SigningAlgorithms[0] === "ECDSA_SHA_256");
  const publicKey = await publicKeyOf(kms, key.KeyId);
  await c.check("its public key is on P-256", () => publicKey.asymmetricKeyDetails.namedCurve === "prime256v1");
  const message = text("JavaScript signs this with ECDSA");
  const { Signature } = await kms.send(new SignCommand({ KeyId: key.KeyId, Message: message, SigningAlgorithm: "ECDSA_SHA_256" }));
  await c.check("Verify accepts the ECDSA signature", async () =>
    (await kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: message, Signature, SigningAlgorithm: "ECDSA_SHA_256" }))).SignatureValid === true);
  await c.check("the ECDSA signature (DER) verifies with the public key (node:crypto)", () =>
    crypto.verify("sha256", message, publicKey, Signature));
  await c.check("the public key rejects the signature over another message", () =>
    !crypto.verify("sha256", text("tampered"), publicKey, Signature));
  await c.check("Verify of another message is KMSInvalidSignatureException", async () =>
    (await errorOf(() => kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: text("tampered"), Signature, SigningAlgorithm: "ECDSA_SHA_256" }))))?.name
    === "KMSInvalidSignatureException");
}

async function aliasNames(kms, input = {}) {
  return (await kms.send(new ListAliasesCommand(input))).Aliases.map((a) => a.AliasName);
}

async function aliases(kms) {
  const first = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
  const second = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
  const name = "alias/js-check";
  await kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: first.KeyId }));
  await c.check("ListAliases KeyId shows the new alias only", async () =>
    JSON.stringify(await aliasNames(kms, { KeyId: first.KeyId })) === JSON.stringify([name]));
  await c.check("ListAliases gives the alias ARN, target and dates", async () => {
    const listed = (await kms.send(new ListAliasesCommand({}))).Aliases.filter((a) => a.AliasName === name);
    return listed.length === 1 && listed[0].TargetKeyId === first.KeyId
      && listed[0].AliasArn === `arn:aws:kms:eu-central-1:111122223333:${name}` && listed[0].CreationDate instanceof Date;
  });
  await c.check("DescribeKey by alias finds the key", async () =>
    (await kms.send(new DescribeKeyCommand({ KeyId: name }))).KeyMetadata.KeyId === first.KeyId);
  await c.check("CreateAlias for an existing name is AlreadyExistsException", async () =>
    (await errorOf(() => kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: second.KeyId }))))?.name === "AlreadyExistsException");
  await kms.send(new UpdateAliasCommand({ AliasName: name, TargetKeyId: second.KeyId }));
  await c.check("UpdateAlias points the alias at the second key", async () =>
    (await kms.send(new DescribeKeyCommand({ KeyId: name }))).KeyMetadata.KeyId === second.KeyId
    && (await aliasNames(kms, { KeyId: first.KeyId })).length === 0);
  await c.check("Encrypt by alias uses the key it points at", async () =>
    (await kms.send(new EncryptCommand({ KeyId: name, Plaintext: text("by alias") }))).KeyId === second.Arn);
  await kms.send(new DeleteAliasCommand({ AliasName: name }));
  await c.check("DeleteAlias removes it", async () => !(await aliasNames(kms)).includes(name));
  await c.check("DescribeKey by the deleted alias is NotFoundException", async () =>
    (await errorOf(() => kms.send(new DescribeKeyCommand({ KeyId: name }))))?.name === "NotFoundException");
  await c.check("CreateAlias with an aws/ name is NotAuthorizedException", async () =>
    (await errorOf(() => kms.send(new CreateAliasCommand({ AliasName: "alias/aws/mine", TargetKeyId: first.KeyId }))))?.name
    === "NotAuthorizedException");
}

async function grants(kms) {
  const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
  const grantee = "arn:aws:iam::111122223333:role/app";
  const retiree = "arn:aws:iam::111122223333:role/ops";
  const made = await kms.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: grantee, RetiringPrincipal: retiree,
    Operations: ["Encrypt", "Decrypt", "GenerateDataKey"], Name: "js-check", Constraints: { EncryptionContextSubset: { team: "ci" } } }));
  await c.check("CreateGrant returns a 64-hex grant id and a grant token", () =>
    /^[0-9a-f]{64}$/.test(made.GrantId) && made.GrantToken.length > 0);
  await c.check("ListGrants shows the grant with its constraints and principals", async () => {
    const listed = (await kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants;
    const g = listed[0];
    return listed.length === 1 && g.GrantId === made.GrantId && g.KeyId === key.Arn && g.Name === "js-check"
      && JSON.stringify(g.Constraints) === JSON.stringify({ EncryptionContextSubset: { team: "ci" } })
      && g.GranteePrincipal === grantee && g.RetiringPrincipal === retiree && g.CreationDate instanceof Date
      && JSON.stringify([...g.Operations].sort()) === JSON.stringify(["Decrypt", "Encrypt", "GenerateDataKey"]);
  });
  await c.check("ListRetirableGrants shows it for the retiring principal", async () =>
    (await kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: retiree }))).Grants.some((g) => g.GrantId === made.GrantId));
  await c.check("Encrypt with the grant token works", async () =>
    (await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: text("x"), EncryptionContext: { team: "ci" }, GrantTokens: [made.GrantToken] }))).KeyId === key.Arn);
  await kms.send(new RetireGrantCommand({ GrantToken: made.GrantToken }));
  await c.check("RetireGrant by token removes it", async () =>
    (await kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants.length === 0);
  const second = await kms.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: grantee, Operations: ["DescribeKey"],
    Constraints: { EncryptionContextEquals: { a: "b" } } }));
  await kms.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: second.GrantId }));
  await c.check("RevokeGrant removes it", async () =>
    (await kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants.length === 0);
  await c.check("RevokeGrant of a revoked grant is NotFoundException", async () =>
    (await errorOf(() => kms.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: second.GrantId }))))?.name === "NotFoundException");
}

async function paging(kms) {
  // A fresh account: these are its only customer managed keys.
  const made = [];
  for (let i = 0; i < 7; i++) made.push((await kms.send(new CreateKeyCommand({ Description: `page ${i}` }))).KeyMetadata.KeyId);
  const seen = [];
  const sizes = [];
  let marker;
  for (let pages = 0; pages < 10; pages++) {
    const page = await kms.send(new ListKeysCommand({ Limit: 3, Marker: marker }));
    sizes.push(page.Keys.length);
    seen.push(...page.Keys.map((k) => k.KeyId));
    if (!page.Truncated) {
      await c.check("the last ListKeys page has no NextMarker", () => page.NextMarker === undefined);
      break;
    }
    marker = page.NextMarker;
  }
  const sorted = (a) => JSON.stringify([...a].sort());
  await c.check("ListKeys Limit=3 pages through all 7 keys once, in pages of 3, 3 and 1", () =>
    sorted(seen) === sorted(made) && JSON.stringify(sizes) === "[3,3,1]");
  await c.check("paginateListKeys with pageSize 2 sees every key once", async () => {
    const all = [];
    for await (const page of paginateListKeys({ client: kms, pageSize: 2 }, {})) all.push(...page.Keys.map((k) => k.KeyId));
    return sorted(all) === sorted(made);
  });
  const names = [0, 1, 2, 3, 4].map((i) => `alias/page-${i}`);
  for (const name of names) await kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: made[0] }));
  await c.check("ListAliases Limit=2 pages through every alias once, no page over 2", async () => {
    const all = [];
    const pageSizes = [];
    let next;
    for (let pages = 0; pages < 50; pages++) {
      const page = await kms.send(new ListAliasesCommand({ Limit: 2, Marker: next }));
      pageSizes.push(page.Aliases.length);
      all.push(...page.Aliases.map((a) => a.AliasName));
      if (!page.Truncated) break;
      next = page.NextMarker;
    }
    return new Set(all).size === all.length && names.every((n) => all.includes(n))
      && Math.max(...pageSizes) <= 2 && pageSizes.length > 1;
  });
  await c.check("paginateListAliases for one key sees its 5 aliases", async () => {
    const all = [];
    for await (const page of paginateListAliases({ client: kms, pageSize: 2 }, { KeyId: made[0] })) all.push(...page.Aliases.map((a) => a.AliasName));
    return sorted(all) === sorted(names);
  });
  await c.check("ListKeys with a marker that was never issued is InvalidMarkerException", async () =>
    (await errorOf(() => kms.send(new ListKeysCommand({ Marker: "bm90LWEtbWFya2Vy" }))))?.name === "InvalidMarkerException");
}

async function errors(kms, endpoint) {
  const missing = "arn:aws:kms:eu-central-1:111122223333:key/0b2f4a53-28d3-4f9a-b1c4-6a5d0a1e2f3b";
  await c.check("DescribeKey of a missing key throws the SDK's NotFoundException class, HTTP 400, naming the key", async () => {
    try {
      await kms.send(new DescribeKeyCommand({ KeyId: missing }));
    } catch (e) {
      return e instanceof NotFoundException && e.$metadata.httpStatusCode === 400 && e.message.includes(missing)
        && e.$fault === "client";
    }
    return false;
  });
  const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata.KeyId;
  await kms.send(new DisableKeyCommand({ KeyId: keyId }));
  await c.check("Encrypt with a disabled key throws DisabledException, HTTP 400", async () => {
    try {
      await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: text("x") }));
    } catch (e) {
      return e instanceof DisabledException && e.$metadata.httpStatusCode === 400 && e.message.includes(keyId);
    }
    return false;
  });
  await kms.send(new EnableKeyCommand({ KeyId: keyId }));
  await c.check("after EnableKey it encrypts again", async () =>
    (await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: text("x") }))).CiphertextBlob.length > 0);
  await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
  await c.check("Encrypt with a key pending deletion is KMSInvalidStateException", async () =>
    (await errorOf(() => kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: text("x") }))))?.name === "KMSInvalidStateException");
  await c.check("an empty plaintext is ValidationException", async () =>
    (await errorOf(() => kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: new Uint8Array(0) }))))?.name === "ValidationException");
  await c.check("a key in another Region is not found", async () =>
    (await errorOf(() => client(endpoint, "111122223333", "eu-west-1").send(new DescribeKeyCommand({ KeyId: keyId }))))?.name === "NotFoundException");
}

const trent = await startTrent();
try {
  const kms = client(trent.endpoint);
  await symmetric(kms);
  await dataKeys(kms);
  await rsa(kms);
  await ecc(kms);
  await aliases(kms);
  await grants(kms);
  await paging(client(trent.endpoint, "222233334444"));
  await errors(kms, trent.endpoint);
} catch (e) {
  c.failed++;
  console.log(`FAIL the check stopped: ${e?.name}: ${e?.message}`);
} finally {
  await trent.stop();
}
process.exitCode = c.report("JavaScript SDK v3");
