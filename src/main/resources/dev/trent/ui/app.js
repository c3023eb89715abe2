// Trent's web console: one page, plain DOM, no framework and no build step. Views are chosen by the
// URL's fragment (#/keys?account=...&region=...). Everything shown is read from Trent's JSON under
// /_trent/: the inventory (/_trent/api/...) and the test-control endpoints (clock, faults, request log).
// Text from Trent is only ever set as text (never as HTML).

const TOKEN_KEY = "trent-admin-token";
const SCOPE_KEY = "trent-scope";
const CLOCK_POLL_MS = 5000;
const REQUESTS_POLL_MS = 2000;
const FAULT_ERRORS = ["ThrottlingException", "KMSInternalException", "DependencyTimeoutException", "KeyUnavailableException"];

/** An answer other than 2xx from Trent: status and Trent's message. */
class TrentError extends Error {
  constructor(status, message) {
    super(message || `HTTP ${status}`);
    this.status = status;
  }
}

// ---- talking to Trent ------------------------------------------------------------------------

let tokenPrompt = null; // one prompt at a time, whoever asks (polls and views may hit 401 together)

/** Asks for the admin token in the dialog; resolves once one was entered. */
function askToken(refused) {
  if (!tokenPrompt) {
    tokenPrompt = new Promise((resolve) => {
      const dialog = document.getElementById("token-dialog");
      const input = document.getElementById("token-input");
      document.getElementById("token-error").hidden = !refused;
      input.value = "";
      const form = document.getElementById("token-form");
      form.addEventListener("submit", () => {
        sessionStorage.setItem(TOKEN_KEY, input.value.trim());
        tokenPrompt = null;
        resolve();
      }, { once: true });
      dialog.addEventListener("cancel", (e) => e.preventDefault(), { once: true }); // the console needs it
      dialog.showModal();
      input.focus();
    });
  }
  return tokenPrompt;
}

/** Calls Trent; asks for the admin token when Trent wants one (401) and tries again with it. */
async function api(path, { method = "GET", body } = {}) {
  for (;;) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, {
      method, headers, cache: "no-store", body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      await askToken(Boolean(token));
      continue;
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) throw new TrentError(response.status, json?.message ?? text);
    return json;
  }
}

const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "")).toString();

// ---- building the page -----------------------------------------------------------------------

/** An element: h("a", {href: "#/"}, "text", child...). Strings become text nodes. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table: columns are [heading, row => cell]; rows get the attributes rowAttributes(row) gives. */
function table(id, columns, rows, rowAttributes = () => ({})) {
  return h("div", { class: "table-wrap" }, h("table", { id },
    h("thead", {}, h("tr", {}, columns.map(([heading]) => h("th", {}, heading)))),
    h("tbody", {}, rows.map((row) => h("tr", rowAttributes(row), columns.map(([, cell]) => h("td", {}, cell(row))))))));
}

const section = (title, id, ...children) => h("section", { id }, h("h2", {}, title), children);
const muted = (text) => h("span", { class: "muted" }, text);
const dash = () => muted("—");
const message = (kind, text, id) => h("p", { class: kind, id }, text);

function badge(text) {
  const kind = {
    Enabled: "ok", ok: "ok", CONNECTED: "ok", CURRENT: "ok", Disabled: "off", PendingDeletion: "warn",
    PendingReplicaDeletion: "warn", PendingImport: "warn", Unavailable: "bad", Creating: "off", Updating: "off",
    FAILED: "bad", DISCONNECTED: "off", CONNECTING: "warn", PENDING_ROTATION: "warn", NON_CURRENT: "off",
  }[text] ?? (String(text).endsWith("Exception") ? "bad" : "off");
  return h("span", { class: `badge ${kind}` }, text);
}

// ---- dates -----------------------------------------------------------------------------------

let trentNow = null; // Trent's clock as last read, for "in 7 days"; null while unknown

function date(iso) {
  if (!iso) return dash();
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return String(iso);
  const text = when.toISOString().replace("T", " ").replace(/\.000Z$|Z$/, "").replace(/(\.\d+)$/, "") + " UTC";
  const relative = trentNow ? h("span", { class: "muted relative" }, ` (${relativeTo(when, trentNow)})`) : null;
  return h("time", { datetime: iso, title: iso }, text, relative);
}

function relativeTo(when, now) {
  const seconds = Math.round((when - now) / 1000);
  const abs = Math.abs(seconds);
  const [amount, unit] = abs >= 86400 ? [abs / 86400, "day"] : abs >= 3600 ? [abs / 3600, "hour"]
    : abs >= 60 ? [abs / 60, "minute"] : [abs, "second"];
  const n = Math.round(amount * 10) / 10;
  const phrase = `${n} ${unit}${n === 1 ? "" : "s"}`;
  return seconds >= 0 ? `in ${phrase}` : `${phrase} ago`;
}

// ---- the scope (account and Region) shown ----------------------------------------------------

function rememberedScope() {
  try {
    return JSON.parse(sessionStorage.getItem(SCOPE_KEY)) ?? null;
  } catch {
    return null;
  }
}

/** The scope the URL names, else the one last shown, else Trent's default account and Region. */
async function scopeOf(params) {
  let scope = params.get("account") && params.get("region")
    ? { account: params.get("account"), region: params.get("region") } : rememberedScope();
  if (!scope) scope = (await api("/_trent/api/scopes")).default;
  sessionStorage.setItem(SCOPE_KEY, JSON.stringify(scope));
  showScope(scope);
  return scope;
}

function showScope(scope) {
  document.getElementById("scope-label").textContent = scope ? `${scope.account} · ${scope.region}` : "";
  const suffix = scope ? `?${query(scope)}` : "";
  document.getElementById("nav-keys").href = `#/keys${suffix}`;
  document.getElementById("nav-stores").href = `#/stores${suffix}`;
}

/** A select of every scope holding something (and the one shown); choosing one shows it in the same view. */
async function scopePicker(view, scope) {
  const { scopes } = await api("/_trent/api/scopes");
  const all = scopes.some((s) => s.account === scope.account && s.region === scope.region) ? scopes : [scope, ...scopes];
  return h("label", { class: "picker" }, "Account and Region ",
    h("select", {
      id: "scope-select",
      onchange: (e) => { location.hash = `#/${view}?${e.target.value}`; },
    }, all.map((s) => h("option", {
      value: query({ account: s.account, region: s.region }),
      selected: s.account === scope.account && s.region === scope.region,
    }, `${s.account} · ${s.region}${s.keys === undefined ? "" : ` (${s.keys} keys)`}`))));
}

// ---- views -----------------------------------------------------------------------------------

async function scopesView(view) {
  const { default: initial, scopes } = await api("/_trent/api/scopes");
  showScope(rememberedScope());
  const link = (s, page, text) => h("a", { href: `#/${page}?${query({ account: s.account, region: s.region })}` }, text);
  view.replaceChildren(
    h("h1", {}, "Accounts and Regions"),
    scopes.length === 0
      ? h("div", {}, message("muted", "Trent holds no keys, aliases or custom key stores yet.", "no-scopes"),
        h("p", {}, "Create a key, then reload:"),
        h("pre", {}, `aws --endpoint-url ${location.origin} kms create-key`),
        h("p", {}, link(initial, "keys", `Keys of the default account ${initial.account} in ${initial.region}`)))
      : table("scopes-table", [
        ["Account", (s) => s.account],
        ["Region", (s) => s.region],
        ["Keys", (s) => link(s, "keys", `${s.keys} key${s.keys === 1 ? "" : "s"}`)],
        ["Aliases", (s) => s.aliases],
        ["Custom key stores", (s) => (s.customKeyStores ? link(s, "stores", String(s.customKeyStores)) : "0")],
      ], scopes, (s) => ({ dataset: { account: s.account, region: s.region } })));
}

function rotationSummary(rotation) {
  if (!rotation?.KeyRotationEnabled) return muted("off");
  return h("span", {}, `every ${rotation.RotationPeriodInDays} days, next `, date(rotation.NextRotationDate));
}

function multiRegionSummary(metadata) {
  return metadata.MultiRegion ? metadata.MultiRegionConfiguration?.MultiRegionKeyType ?? "yes" : dash();
}

function tagsSummary(tags) {
  return tags.length ? tags.map((t) => h("span", { class: "tag" }, `${t.TagKey}=${t.TagValue}`)) : dash();
}

async function keysView(view, params) {
  const scope = await scopeOf(params);
  const [data, picker] = await Promise.all([api(`/_trent/api/keys?${query(scope)}`), scopePicker("keys", scope)]);
  const keyLink = (k) => h("a", { href: `#/key?${query({ ...scope, id: k.KeyMetadata.KeyId })}`, class: "key-link" },
    k.KeyMetadata.KeyId);
  const rows = table("keys-table", [
    ["Key ID", keyLink],
    ["Aliases", (k) => (k.Aliases.length ? k.Aliases.join(", ") : dash())],
    ["State", (k) => badge(k.KeyMetadata.KeyState)],
    ["Spec", (k) => k.KeyMetadata.KeySpec],
    ["Usage", (k) => k.KeyMetadata.KeyUsage],
    ["Origin", (k) => k.KeyMetadata.Origin],
    ["Manager", (k) => k.KeyMetadata.KeyManager],
    ["Rotation", (k) => rotationSummary(k.Rotation)],
    ["Versions", (k) => k.MaterialVersions],
    ["Multi-Region", (k) => multiRegionSummary(k.KeyMetadata)],
    ["Created", (k) => date(k.KeyMetadata.CreationDate)],
    ["Deletion", (k) => date(k.KeyMetadata.DeletionDate)],
    ["Tags", (k) => tagsSummary(k.Tags)],
  ], data.keys, (k) => ({
    dataset: {
      keyId: k.KeyMetadata.KeyId,
      // what the filter box matches: every word must occur somewhere in here
      search: [k.KeyMetadata.KeyId, k.KeyMetadata.Arn, k.KeyMetadata.Description, k.KeyMetadata.KeyState,
        k.KeyMetadata.KeySpec, k.KeyMetadata.KeyUsage, k.KeyMetadata.Origin, k.KeyMetadata.KeyManager,
        k.KeyMetadata.CustomKeyStoreId, ...k.Aliases,
        ...k.Tags.map((t) => `${t.TagKey}=${t.TagValue}`)].join(" ").toLowerCase(),
    },
  }));
  const count = h("span", { id: "keys-count", class: "muted" });
  const filter = h("input", {
    id: "key-filter", type: "search", placeholder: "Filter: id, alias, description, state, spec, tag…",
    "aria-label": "Filter keys", value: params.get("q") ?? "",
  });
  const apply = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows.querySelector("tbody").rows) {
      const match = words.every((w) => row.dataset.search.includes(w));
      row.hidden = !match;
      if (match) shown++;
    }
    count.textContent = `${shown} of ${data.keys.length} key${data.keys.length === 1 ? "" : "s"}`;
  };
  filter.addEventListener("input", apply);
  view.replaceChildren(
    h("h1", {}, "Keys"),
    h("div", { class: "toolbar" }, picker, filter, count,
      h("button", { type: "button", onclick: () => render() }, "Refresh")),
    data.keys.length ? rows : message("muted", `No keys in account ${scope.account}, Region ${scope.region}.`, "no-keys"));
  apply();
}

/** KeyMetadata as a list of its members, in AWS's order; nested values readable. */
function details(metadata) {
  const value = (name, v) => {
    if (v === null || v === undefined) return dash();
    if (typeof v === "boolean") return v ? "true" : "false";
    if (/Date$|^ValidTo$/.test(name)) return date(v);
    if (name === "KeyState") return badge(v);
    if (Array.isArray(v)) return v.length ? v.join(", ") : dash();
    if (name === "MultiRegionConfiguration") {
      return h("span", {}, `${v.MultiRegionKeyType}; primary ${v.PrimaryKey?.Region}`,
        v.ReplicaKeys?.length ? `; replicas ${v.ReplicaKeys.map((r) => r.Region).join(", ")}` : "; no replicas");
    }
    if (typeof v === "object") return h("code", {}, JSON.stringify(v));
    return String(v);
  };
  return h("dl", { class: "details", id: "key-details" },
    Object.entries(metadata).map(([name, v]) => [h("dt", {}, name), h("dd", { dataset: { member: name } }, value(name, v))]));
}

function formattedPolicy(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text; // as stored, if it is not JSON after all
  }
}

const shortId = (id) => h("code", { title: id }, id.length > 16 ? `${id.slice(0, 12)}…` : id);

async function keyView(view, params) {
  const scope = await scopeOf(params);
  const id = params.get("id");
  let key;
  try {
    key = await api(`/_trent/api/keys/${encodeURIComponent(id)}?${query(scope)}`);
  } catch (e) {
    if (e.status !== 404) throw e;
    view.replaceChildren(h("h1", {}, "Key"), message("error", e.message, "key-missing"),
      h("p", {}, h("a", { href: `#/keys?${query(scope)}` }, "Back to the keys")));
    return;
  }
  const m = key.KeyMetadata;
  const name = key.Aliases.length ? key.Aliases[0].AliasName : m.KeyId;
  view.replaceChildren(
    h("p", { class: "crumbs" }, h("a", { href: `#/keys?${query(scope)}` }, `Keys of ${scope.account} · ${scope.region}`), " / ", name),
    h("h1", { id: "key-title" }, name, " ", badge(m.KeyState)),
    h("p", { class: "arn" }, h("code", { id: "key-arn" }, m.Arn)),
    m.Description ? h("p", {}, m.Description) : null,
    section("Details", "key-details-section", details(m)),
    section(`Key policy (${key.PolicyName})`, "key-policy-section", h("pre", { id: "key-policy", class: "policy" }, formattedPolicy(key.Policy))),
    section("Aliases", "key-aliases", key.Aliases.length ? table("aliases-table", [
      ["Alias", (a) => a.AliasName], ["ARN", (a) => h("code", {}, a.AliasArn)],
      ["Created", (a) => date(a.CreationDate)], ["Updated", (a) => date(a.LastUpdatedDate)],
    ], key.Aliases) : message("muted", "No aliases.")),
    section("Tags", "key-tags", key.Tags.length
      ? table("tags-table", [["Key", (t) => t.TagKey], ["Value", (t) => t.TagValue]], key.Tags)
      : message("muted", "No tags.")),
    section("Grants", "key-grants", key.Grants.length ? table("grants-table", [
      ["Grant ID", (g) => shortId(g.GrantId)],
      ["Name", (g) => g.Name || dash()],
      ["Grantee", (g) => g.GranteePrincipal ?? g.GranteeServicePrincipal ?? dash()],
      ["Retiring", (g) => g.RetiringPrincipal ?? g.RetiringServicePrincipal ?? dash()],
      ["Operations", (g) => g.Operations.join(", ")],
      ["Constraints", (g) => (g.Constraints ? h("code", {}, JSON.stringify(g.Constraints)) : dash())],
      ["Issuing account", (g) => g.IssuingAccount],
      ["Created", (g) => date(g.CreationDate)],
    ], key.Grants) : message("muted", "No grants.")),
    section("Rotation", "key-rotation", h("dl", { class: "details" },
      h("dt", {}, "Automatic rotation"), h("dd", { id: "rotation-enabled" }, key.Rotation.KeyRotationEnabled ? "enabled" : "disabled"),
      h("dt", {}, "Period"), h("dd", {}, key.Rotation.RotationPeriodInDays ? `${key.Rotation.RotationPeriodInDays} days` : dash()),
      h("dt", {}, "Next rotation"), h("dd", {}, date(key.Rotation.NextRotationDate)),
      h("dt", {}, "On-demand rotation started"), h("dd", {}, date(key.Rotation.OnDemandRotationStartDate)))),
    section("Key material versions", "key-materials", table("materials-table", [
      ["Material ID", (v) => shortId(v.KeyMaterialId)],
      ["State", (v) => badge(v.KeyMaterialState)],
      ["Created", (v) => date(v.CreationDate)],
      ["Became current", (v) => (v.RotationType ? h("span", {}, `${v.RotationType} `, date(v.RotationDate)) : muted("first material"))],
      ["Import", (v) => (v.ImportState ? `${v.ImportState}${v.KeyMaterialDescription ? ` (${v.KeyMaterialDescription})` : ""}` : dash())],
      ["Expires", (v) => (v.ExpirationModel === "KEY_MATERIAL_EXPIRES" ? date(v.ValidTo) : v.ExpirationModel ? muted("never") : dash())],
    ], key.Materials)),
    section("Last cryptographic use", "key-last-use", key.LastUsage?.Operation
      ? h("p", {}, key.LastUsage.Operation, " at ", date(key.LastUsage.Timestamp), " ", muted(`request ${key.LastUsage.KmsRequestId}`))
      : message("muted", "Not used since it was created.")),
    section("Recent requests", "key-requests", await recentRequests(m, scope)));
}

/** The request log's latest requests naming the key; the log is the test-control API's. */
async function recentRequests(metadata, scope) {
  let data;
  try {
    data = await api(`/_trent/requests?${query({ keyId: metadata.KeyId, ...scope, limit: 25 })}`);
  } catch (e) {
    if (e.status === 404) return message("muted", "The request log is not available in this Trent.", "requests-unavailable");
    throw e;
  }
  return data.requests.length ? requestsTable(data.requests, "key-requests-table")
    : message("muted", "No requests logged for this key.");
}

function requestsTable(requests, id) {
  return table(id, [
    ["Time", (r) => date(r.time)],
    ["Operation", (r) => r.operation],
    ["Account · Region", (r) => `${r.account ?? "?"} · ${r.region ?? "?"}`],
    ["Principal", (r) => (r.principal ? h("code", {}, r.principal) : dash())],
    ["Key", (r) => (r.keyId ? h("code", {}, r.keyId) : dash())],
    ["Result", (r) => badge(r.result)],
    ["Latency", (r) => (r.latencyMillis === undefined ? dash() : `${Number(r.latencyMillis).toFixed(1)} ms`)],
    ["Request ID", (r) => (r.requestId ? h("code", {}, r.requestId) : dash())],
  ], requests);
}

async function storesView(view, params) {
  const scope = await scopeOf(params);
  const [data, picker] = await Promise.all([api(`/_trent/api/custom-key-stores?${query(scope)}`), scopePicker("stores", scope)]);
  const proxy = (s) => {
    const p = s.XksProxyConfiguration;
    if (!p) return dash();
    return h("span", {}, `${p.Connectivity} ${p.UriEndpoint ?? ""}${p.UriPath ?? ""}`,
      p.VpcEndpointServiceName ? ` via ${p.VpcEndpointServiceName}` : "", p.AccessKeyId ? h("br") : null,
      p.AccessKeyId ? muted(`access key id ${p.AccessKeyId}`) : null);
  };
  view.replaceChildren(
    h("h1", {}, "Custom key stores"),
    h("div", { class: "toolbar" }, picker),
    data.CustomKeyStores.length ? table("stores-table", [
      ["ID", (s) => s.CustomKeyStoreId],
      ["Name", (s) => s.CustomKeyStoreName],
      ["Type", (s) => s.CustomKeyStoreType],
      ["Connection", (s) => h("span", {}, badge(s.ConnectionState), s.ConnectionErrorCode ? ` ${s.ConnectionErrorCode}` : "")],
      ["CloudHSM cluster", (s) => s.CloudHsmClusterId ?? dash()],
      ["External key store proxy", proxy],
      ["Keys", (s) => h("a", { href: `#/keys?${query({ ...scope, q: s.CustomKeyStoreId })}` }, String(s.KeyCount))],
      ["Created", (s) => date(s.CreationDate)],
    ], data.CustomKeyStores) : message("muted", `No custom key stores in account ${scope.account}, Region ${scope.region}.`, "no-stores"));
}

async function requestsView(view, params, life) {
  const field = (name, label, attributes = {}) => h("label", {}, `${label} `,
    h("input", { name, id: `requests-${name}`, value: params.get(name) ?? "", size: 14, ...attributes }));
  const result = h("select", { name: "result", id: "requests-result" },
    ["", "ok", "error"].map((v) => h("option", { value: v, selected: v === (params.get("result") ?? "") }, v || "any")));
  const limit = h("input", { name: "limit", type: "number", min: 1, max: 1000, value: params.get("limit") ?? 100, size: 5 });
  const paused = h("input", { type: "checkbox", id: "requests-paused" });
  const status = h("span", { class: "muted", id: "requests-status" });
  const form = h("form", { class: "toolbar", id: "requests-filter" },
    field("operation", "Operation", { placeholder: "Encrypt" }), field("account", "Account"),
    field("region", "Region"), field("keyId", "Key"), h("label", {}, "Result ", result), h("label", {}, "Last ", limit),
    h("label", {}, paused, " pause"), status);
  const holder = h("div", { id: "requests-holder" });
  view.replaceChildren(h("h1", {}, "Request log"), form, holder);
  form.addEventListener("submit", (e) => e.preventDefault());
  const poll = async () => {
    if (!life.alive() || paused.checked) return;
    const filter = Object.fromEntries(new FormData(form));
    try {
      const data = await api(`/_trent/requests?${query(filter)}`);
      if (!life.alive()) return;
      holder.replaceChildren(data.requests.length ? requestsTable(data.requests, "requests-table")
        : message("muted", "No requests match.", "no-requests"));
      status.textContent = `updated ${new Date().toLocaleTimeString()}`;
    } catch (e) {
      if (!life.alive()) return;
      holder.replaceChildren(e.status === 404
        ? message("muted", "The request log is not available in this Trent (GET /_trent/requests answered 404).", "requests-unavailable")
        : message("error", e.message));
    }
  };
  form.addEventListener("input", poll);
  await poll();
  life.every(REQUESTS_POLL_MS, poll);
}

function secondsOf(amount, unit) {
  return Math.round(Number(amount) * { days: 86400, hours: 3600, minutes: 60, seconds: 1 }[unit]);
}

async function controlsView(view) {
  const clockBox = h("div", { id: "clock-box" });
  const faultsBox = h("div", { id: "faults-box" });
  view.replaceChildren(h("h1", {}, "Clock and faults"),
    section("Clock", "clock-section", clockBox), section("Faults", "faults-section", faultsBox));
  await Promise.all([showClockControls(clockBox), showFaults(faultsBox)]);
}

async function showClockControls(box) {
  let clock;
  try {
    clock = await api("/_trent/clock");
  } catch (e) {
    box.replaceChildren(e.status === 404
      ? message("muted", "The clock control is not available in this Trent (GET /_trent/clock answered 404).", "clock-unavailable")
      : message("error", e.message));
    return;
  }
  showClock(clock);
  const outcome = h("p", { id: "clock-outcome", class: "muted" });
  const change = async (body) => {
    try {
      const changed = await api("/_trent/clock", { method: "POST", body });
      showClock(changed);
      await showClockControls(box);
      document.getElementById("clock-outcome").textContent = `Trent's clock is now ${changed.now}.`;
    } catch (e) {
      outcome.className = "error";
      outcome.textContent = e.message;
    }
  };
  const amount = h("input", { id: "advance-amount", type: "number", min: 0, step: "any", value: 1, size: 6 });
  const unit = h("select", { id: "advance-unit" }, ["days", "hours", "minutes", "seconds"].map((u) => h("option", { value: u }, u)));
  const instant = h("input", { id: "set-instant", type: "text", value: clock.now, size: 26, placeholder: "2027-01-01T00:00:00Z" });
  const quick = (label, seconds) => h("button", { type: "button", class: "quick", onclick: () => change({ advanceSeconds: seconds }) }, label);
  box.replaceChildren(
    h("dl", { class: "details" },
      h("dt", {}, "Now"), h("dd", { id: "clock-now" }, clock.now),
      h("dt", {}, "Offset from real time"), h("dd", { id: "clock-offset" }, `${clock.offsetSeconds} s`)),
    h("form", {
      class: "toolbar", id: "advance-form",
      onsubmit: (e) => { e.preventDefault(); change({ advanceSeconds: secondsOf(amount.value, unit.value) }); },
    }, h("label", {}, "Advance by ", amount), unit, h("button", { type: "submit", id: "advance-button" }, "Advance"),
    quick("+1 hour", 3600), quick("+1 day", 86400), quick("+7 days", 7 * 86400), quick("+30 days", 30 * 86400)),
    h("form", {
      class: "toolbar", id: "set-form",
      onsubmit: (e) => { e.preventDefault(); change({ set: instant.value.trim() }); },
    }, h("label", {}, "Set to ", instant), h("button", { type: "submit", id: "set-button" }, "Set")),
    h("p", { class: "muted" }, "Scheduled deletions, rotations and expiries of imported material happen as the clock passes them."),
    outcome);
}

async function showFaults(box) {
  let data;
  try {
    data = await api("/_trent/faults");
  } catch (e) {
    box.replaceChildren(e.status === 404
      ? message("muted", "Fault injection is not available in this Trent (GET /_trent/faults answered 404).", "faults-unavailable")
      : message("error", e.message));
    return;
  }
  const outcome = h("p", { id: "faults-outcome" });
  const act = async (call) => {
    try {
      await call();
      await showFaults(box);
    } catch (e) {
      outcome.className = "error";
      outcome.textContent = e.message;
    }
  };
  const list = (value) => value.split(",").map((s) => s.trim()).filter(Boolean);
  const operations = h("input", { id: "fault-operations", placeholder: "Encrypt, Decrypt (empty: all)", size: 24 });
  const keyIds = h("input", { id: "fault-keys", placeholder: "key ids (empty: all)", size: 20 });
  const accounts = h("input", { id: "fault-accounts", placeholder: "accounts (empty: all)", size: 16 });
  const error = h("select", { id: "fault-error" }, h("option", { value: "" }, "no error"), FAULT_ERRORS.map((e) => h("option", { value: e }, e)));
  const rate = h("input", { id: "fault-rate", type: "number", min: 0, max: 1, step: "any", value: 1, size: 5 });
  const latency = h("input", { id: "fault-latency", type: "number", min: 0, value: 0, size: 7 });
  const close = h("input", { id: "fault-close", type: "checkbox" });
  const join = (values) => (values?.length ? values.join(", ") : muted("all"));
  box.replaceChildren(
    data.faults.length ? table("faults-table", [
      ["ID", (f) => f.id],
      ["Operations", (f) => join(f.operations)],
      ["Keys", (f) => join(f.keyIds)],
      ["Accounts", (f) => join(f.accounts)],
      ["Error", (f) => (f.error ? badge(f.error) : dash())],
      ["Rate", (f) => f.rate],
      ["Latency", (f) => (f.latencyMillis ? `${f.latencyMillis} ms` : dash())],
      ["Closes connection", (f) => (f.closeConnection ? "yes" : "no")],
      ["", (f) => h("button", { type: "button", onclick: () => act(() => api(`/_trent/faults/${encodeURIComponent(f.id)}`, { method: "DELETE" })) }, "Clear")],
    ], data.faults) : message("muted", "No faults: every request is answered normally.", "no-faults"),
    h("form", {
      class: "toolbar", id: "fault-form",
      onsubmit: (e) => {
        e.preventDefault();
        act(() => api("/_trent/faults", {
          method: "POST",
          body: {
            operations: list(operations.value), keyIds: list(keyIds.value), accounts: list(accounts.value),
            error: error.value || null, rate: Number(rate.value), latencyMillis: Number(latency.value),
            closeConnection: close.checked,
          },
        }));
      },
    }, h("label", {}, "Operations ", operations), h("label", {}, "Keys ", keyIds), h("label", {}, "Accounts ", accounts),
    h("label", {}, "Error ", error), h("label", {}, "Rate ", rate), h("label", {}, "Latency (ms) ", latency),
    h("label", {}, close, " close connection"), h("button", { type: "submit", id: "fault-add" }, "Add fault")),
    h("p", {}, h("button", {
      type: "button", id: "faults-clear", disabled: data.faults.length === 0,
      onclick: () => act(() => api("/_trent/faults", { method: "DELETE" })),
    }, "Clear all faults")),
    outcome);
}

// ---- the header's clock ------------------------------------------------------------------------

function showClock(clock) {
  trentNow = clock ? new Date(clock.now) : null;
  const label = document.getElementById("clock-label");
  label.textContent = clock ? `${clock.now.replace("T", " ").replace(/\.\d+Z$|Z$/, "")} UTC` : "clock n/a";
  label.classList.toggle("moved", Boolean(clock?.offsetSeconds));
  if (clock?.offsetSeconds) label.title = `Trent's clock, ${clock.offsetSeconds} s from real time`;
}

async function pollClock() {
  try {
    showClock(await api("/_trent/clock"));
  } catch {
    showClock(null);
  }
}

// ---- routing -----------------------------------------------------------------------------------

const views = { "": scopesView, keys: keysView, key: keyView, stores: storesView, requests: requestsView, controls: controlsView };
let generation = 0;
let timers = [];

/** Shows the view the URL's fragment names; a view's timers stop when another is shown. */
async function render() {
  const mine = ++generation;
  timers.forEach(clearInterval);
  timers = [];
  const [name, search] = location.hash.replace(/^#\/?/, "").split("?");
  const params = new URLSearchParams(search ?? "");
  const view = document.getElementById("view");
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("active", link.dataset.nav === (name === "key" ? "keys" : name || "scopes"));
  }
  const life = {
    alive: () => mine === generation,
    every: (ms, task) => { if (mine === generation) timers.push(setInterval(task, ms)); },
  };
  const show = views[name];
  if (!show) {
    view.replaceChildren(h("h1", {}, "Not found"), h("p", {}, h("a", { href: "#/" }, "Accounts and Regions")));
    return;
  }
  await pollClock(); // first: dates are shown relative to Trent's clock
  // drawn off-page, then swapped in: a view that finished after the user moved on is dropped
  const draft = h("div", {});
  try {
    await show(draft, params, life);
  } catch (e) {
    draft.replaceChildren(h("h1", {}, "Error"), message("error", e.message, "view-error"));
  }
  if (life.alive()) {
    view.replaceChildren(...draft.childNodes); // polling views write into their own elements, now on the page
  }
}

window.addEventListener("hashchange", render);
showScope(rememberedScope());
render();
setInterval(pollClock, CLOCK_POLL_MS);
