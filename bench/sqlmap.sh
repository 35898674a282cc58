#!/usr/bin/env bash
# SQL injection probe: starts one node on a fresh database, signs up a workspace, gives it rows (a campaign, a
# contact, a lead, a note, a deal, a task, a template) through the API, then runs sqlmap (the Debian package) in
# batch mode with a valid access token against every GET operation with parameters in the node's own OpenAPI
# document (/v3/api-docs: every query parameter and every path id marked as an injection point) and against the JSON
# bodies of the main write endpoints. A path id whose list has no row is a random UUID: the page is then a 404,
# which sqlmap is told to accept as the normal answer (--ignore-code 404) so the parameter is still tested. One sqlmap at a time, two threads. The per-workspace API limits stay on but
# raised (MC_API_LIMITS_BURST / MC_API_LIMITS_PER_MINUTE) so that sqlmap sees the product and not 429s.
# usage: bench/sqlmap.sh [level=1] [risk=1] [seconds-per-target=300]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server); a fresh database is created for the run.
# Output: target/sqlmap/summary.txt (one line per target) and target/sqlmap/<n>.log (sqlmap's own output per
# target); the totals are printed at the end (they are copied by hand into docs/security.md).
# MC_SQLMAP_ONLY=<regex> keeps the targets whose "METHOD url" matches; MC_SQLMAP_LIST=1 only lists the targets.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
level=${1:-1}; risk=${2:-1}; per_target=${3:-300}
command -v sqlmap > /dev/null || { echo "sqlmap is not installed (apt-get install -y sqlmap)" >&2; exit 1; }

build_and_create_database
MC_API_LIMITS_ENABLED=true start_node MC_API_LIMITS_BURST=1000000 MC_API_LIMITS_PER_MINUTE=100000000 MC_LLM_BASE_URL=
rm -rf target/sqlmap && mkdir -p target/sqlmap
echo "sqlmap $(sqlmap --version 2> /dev/null | head -1), level $level, risk $risk, node on port $port"
python3 - "http://127.0.0.1:$port" "$level" "$risk" "$per_target" target/sqlmap << 'PYTHON'
import json, os, re, subprocess, sys, time, uuid, urllib.error, urllib.parse, urllib.request

base, level, risk, per_target, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
email, password = "sqlmap-%s@revo.example" % uuid.uuid4().hex[:8], "Sqlmap-Passw0rd-1"


def call(method, path, token=None, body=None, timeout=120):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            text = r.read().decode("utf-8", "replace")
            return r.status, (json.loads(text) if text.strip().startswith(("{", "[")) else text)
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8", "replace")
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text


def login():
    status, body = call("POST", "/api/v1/auth/login", body={"email": email, "password": password})
    assert status == 200, (status, body)
    return body["accessToken"]


status, body = call("POST", "/api/v1/auth/signup", body={"email": email, "password": password,
                                                         "workspaceName": "sqlmap workspace"})
assert status == 201, (status, body)
token = login()
me = call("GET", "/api/v1/me", token)[1]
ids = {"ownerId": me.get("id") or me.get("userId"), "userId": me.get("id") or me.get("userId")}


def seed(name, path, payload):
    status, body = call("POST", path, token, payload)
    print("seed %-9s POST %s -> %s%s" % (name, path, status, "" if status < 300 else " " + json.dumps(body)), flush=True)
    if isinstance(body, dict) and body.get("id"):
        ids[name + "Id"] = body["id"]
    return body


seed("campaign", "/api/v1/campaigns", {"name": "Spring launch", "description": "sqlmap seed"})
seed("contact", "/api/v1/contacts", {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
                                     "company": "Analytical Engines", "phone": "+14155550100"})
seed("lead", "/api/v1/leads", {"campaignId": ids.get("campaignId"), "contactId": ids.get("contactId")})
seed("note", "/api/v1/contacts/%s/notes" % ids.get("contactId"), {"text": "Called, interested"})
seed("deal", "/api/v1/deals", {"contactId": ids.get("contactId"), "name": "Engines deal", "amount": 1000,
                               "currency": "EUR"})
seed("task", "/api/v1/tasks", {"title": "Follow up with Ada", "description": "sqlmap seed", "column": "BACKLOG"})
seed("template", "/api/v1/templates", {"title": "Intro", "content": {"subject": "Hello {{firstName}}",
                                                                     "body": "Hi {{firstName}}, hello."}})

status, doc = call("GET", "/v3/api-docs", token, timeout=600)  # built on first use: slow on a busy host
assert status == 200, status
listed = {}


def first_id(path):
    """The id of the first row a list endpoint answers (cached), or None."""
    if path not in listed:
        status, body = call("GET", path + "?limit=1", token)
        rows = body.get("data") if isinstance(body, dict) else body if isinstance(body, list) else None
        listed[path] = (rows[0].get("id") if status == 200 and rows and isinstance(rows[0], dict) else None)
    return listed[path]


def schema_of(p):
    s = p.get("schema", {})
    if "$ref" in s:
        s = doc["components"]["schemas"][s["$ref"].split("/")[-1]]
    return s


def sample(name, s):
    if s.get("enum"):
        return str(s["enum"][0])
    t, f = s.get("type"), s.get("format")
    if t == "array":
        return sample(name, s.get("items", {}))
    if t in ("integer", "number"):
        return "1"
    if t == "boolean":
        return "true"
    if f == "uuid" or name.endswith("Id"):
        return ids.get(name) or str(uuid.uuid4())
    if f == "date-time":
        return "2026-01-01T00:00:00Z"
    if f == "date" or name in ("from", "to", "date"):
        return "2026-01-01"
    return {"sort": "createdAt", "order": "desc", "q": "ada", "cursor": "a"}.get(name, "a")


targets = []
for path, ops in sorted(doc["paths"].items()):
    op = ops.get("get")
    if not op or not path.startswith("/api/"):
        continue
    params = [p for p in (ops.get("parameters", []) + op.get("parameters", [])) if p.get("in") in ("path", "query")]
    if not params:
        continue
    url, names = path, []
    for p in params:
        if p["in"] != "path":
            continue
        s = schema_of(p)
        value = None
        if s.get("format") == "uuid" or p["name"] == "id" or p["name"].endswith("Id"):
            value = first_id(url[: url.index("{" + p["name"] + "}")].rstrip("/")) or ids.get(p["name"])
        url = url.replace("{%s}" % p["name"], urllib.parse.quote(value or sample(p["name"], s)) + "*")
        names.append(p["name"] if value or not (s.get("format") == "uuid" or p["name"].endswith("Id") or
                                                p["name"] == "id") else p["name"] + "[no row: 404]")
    query = [(p["name"], sample(p["name"], schema_of(p))) for p in params if p["in"] == "query"]
    names += [n for n, _ in query]
    if query:
        url += "?" + "&".join("%s=%s*" % (n, urllib.parse.quote(v)) for n, v in query)
    targets.append(("GET", url, None, names))

cid, lid, did, tid = (ids.get(k) for k in ("contactId", "leadId", "dealId", "taskId"))
bodies = [
    ("POST", "/api/v1/contacts", {"firstName": "Grace", "lastName": "Hopper", "email": "grace@example.com",
                                  "company": "Navy", "title": "Admiral", "phone": "+14155550101"}),
    ("PATCH", "/api/v1/contacts/%s" % cid, {"firstName": "Ada", "company": "Engines Ltd", "title": "Countess"}),
    ("POST", "/api/v1/contacts/%s/notes" % cid, {"text": "Left a voicemail"}),
    ("POST", "/api/v1/campaigns", {"name": "Autumn", "description": "second", "objective": "meetings"}),
    ("PATCH", "/api/v1/campaigns/%s" % ids.get("campaignId"), {"name": "Spring launch 2", "description": "edited"}),
    ("POST", "/api/v1/leads", {"campaignId": ids.get("campaignId"),
                               "contact": {"firstName": "Alan", "email": "alan@example.com", "company": "Bletchley"}}),
    ("PATCH", "/api/v1/leads/%s" % lid, {"status": "ENRICHED"}),
    ("POST", "/api/v1/deals", {"contactId": cid, "name": "Engines deal", "amount": 2000, "currency": "EUR"}),
    ("PATCH", "/api/v1/deals/%s" % did, {"name": "Engines deal 2", "nextStep": "call"}),
    ("POST", "/api/v1/tasks", {"title": "Second task", "description": "d", "column": "BACKLOG"}),
    ("PATCH", "/api/v1/tasks/%s" % tid, {"title": "Renamed task", "description": "e"}),
    ("POST", "/api/v1/templates", {"title": "Second", "content": {"subject": "Hi", "body": "Hello there"}}),
]
for method, path, payload in bodies:
    targets.append((method, path, payload, sorted(payload)))

print("targets: %d GET operations with parameters (of %d paths in /v3/api-docs), %d JSON bodies"
      % (sum(1 for t in targets if t[0] == "GET"), len(doc["paths"]), len(bodies)), flush=True)
if os.environ.get("MC_SQLMAP_ONLY"):
    targets = [t for t in targets if re.search(os.environ["MC_SQLMAP_ONLY"], t[0] + " " + t[1])]
if os.environ.get("MC_SQLMAP_LIST") == "1":
    for t in targets:
        print("%-5s %s %s" % (t[0], t[1], json.dumps(t[2]) if t[2] else ""))
    sys.exit(0)
totals = {"targets": 0, "parameters": 0, "clean": 0, "injectable": 0, "timeouts": 0, "errors": 0, "http500": 0,
          "rejected_candidates": 0}
started = time.time()
with open(out + "/summary.txt", "w") as summary:
    for n, (method, url, payload, names) in enumerate(targets, 1):
        cmd = ["sqlmap", "-u", base + url, "-H", "Authorization: Bearer " + login(), "--batch",
               "--level", level, "--risk", risk, "--technique", "BEUST", "--threads", "2",
               "--output-dir", out + "/session", "--flush-session", "--disable-coloring", "--ignore-code", "404"]
        if payload is not None:
            cmd += ["--method", method, "--data", json.dumps(payload)]
        t0 = time.time()
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=per_target)
            log, verdict = res.stdout, None
        except subprocess.TimeoutExpired as e:
            log, verdict = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or ""), "TIMEOUT"
        open("%s/%d.log" % (out, n), "w").write(" ".join(cmd[:4]) + " 'Authorization: Bearer <token>' " + " ".join(cmd[5:]) + "\n" + log)
        tested = set(re.findall(r"testing if .*?parameter '([^']+)' is dynamic", log)) | set(
            re.findall(r"parameter '([^']+)' does not seem to be injectable", log))
        # a candidate sqlmap itself then rejects ("false positive or unexploitable") is counted, not reported
        rejected = log.count("false positive or unexploitable injection point detected")
        http500 = sum(int(x) for x in re.findall(r"500 \(Internal Server Error\) - (\d+) times", log))
        if verdict is None:
            if "sqlmap identified the following injection point" in log:
                verdict = "INJECTABLE"
            elif "all tested parameters do not appear to be injectable" in log:
                verdict = "clean"
            else:
                verdict = "ERROR"
        totals["targets"] += 1
        totals["parameters"] += len(tested)
        totals["http500"] += http500
        totals["rejected_candidates"] += rejected
        totals[{"clean": "clean", "INJECTABLE": "injectable", "TIMEOUT": "timeouts", "ERROR": "errors"}[verdict]] += 1
        line = "%3d %-10s %-5s %-70s params=%d(%s) 500s=%d rejected=%d %.0fs" % (
            n, verdict, method, url, len(tested), ",".join(names), http500, rejected, time.time() - t0)
        print(line, flush=True)
        summary.write(line + "\n")
print("TOTAL %s in %.0f s" % (" ".join("%s=%d" % kv for kv in totals.items()), time.time() - started))
PYTHON
