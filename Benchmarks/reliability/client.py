#!/usr/bin/env python3
"""The clients of `make reliability` (issue 11): each scenario drives a running ARCA server on
127.0.0.1 over real HTTP, bounded in time, and prints its figures. Standard library only.

    client.py crash       --seconds S --run R --acked FILE      writes under idempotency keys while the server is killed
    client.py outage      --seconds S --marks FILE --case ID    reads, writes and /readyz while PostgreSQL stops for 10 s
    client.py concurrency                                       If-Match updates and asset moves at once
    client.py hostile     --openapi FILE --case ID              a corpus of hostile input on every write route
    client.py schema-verdict --log FILE --openapi FILE          judges what schemathesis found (no server needed)

The server's base URL is $ARCA_URL, the officer's token $ARCA_TOKEN.
"""
import argparse
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse

URL = urllib.parse.urlparse(os.environ.get("ARCA_URL", "http://127.0.0.1:8091"))
TOKEN = os.environ.get("ARCA_TOKEN", "")


class Client:
    """One keep-alive connection; reconnects after any error, as a real client would."""

    def __init__(self, timeout=30):
        self.timeout = timeout
        self.connection = None

    def send(self, method, path, body=None, headers=None, raw=None):
        """(status, headers, body bytes); status 0 when the server could not be reached."""
        all_headers = {"Authorization": f"Bearer {TOKEN}"}
        if body is not None or raw is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        payload = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(URL.hostname, URL.port, timeout=self.timeout)
            self.connection.request(method, path, body=payload, headers=all_headers)
            response = self.connection.getresponse()
            data = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        except (OSError, http.client.HTTPException):
            if self.connection is not None:
                self.connection.close()
            self.connection = None
            return 0, {}, b""


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# 1. Crash ------------------------------------------------------------------------------------


def crash(args):
    """Writers open cases, each under its own idempotency key, retrying the same key after any
    failure until the server acknowledges it; the keys acknowledged are written to --acked."""
    acked, lock = [], threading.Lock()
    deadline = time.monotonic() + args.seconds
    retries = [0]

    def writer(number):
        client = Client(timeout=10)
        sequence = 0
        while time.monotonic() < deadline:
            sequence += 1
            title = f"Reliability crash {args.run} w{number} n{sequence}"
            body = {"title": title, "offences": ["money_laundering"], "openedOn": "2026-11-02"}
            # A write the client started is seen through: retried under its key until answered.
            give_up = deadline + 30
            while time.monotonic() < give_up:
                status, _, _ = client.send("POST", "/v1/cases", body, {"Idempotency-Key": f"{args.run}-w{number}-n{sequence}"})
                if 200 <= status < 300:
                    with lock:
                        acked.append(title)
                    break
                with lock:
                    retries[0] += 1
                time.sleep(0.05)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(args.writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open(args.acked, "w") as out:
        out.write("".join(title + "\n" for title in acked))
    print(f"crash: {len(acked)} writes acknowledged by the server, {retries[0]} attempts retried after a failure")


# 2. Database outage --------------------------------------------------------------------------


def outage(args):
    """Reads and writes one case, and asks /readyz, every few milliseconds; then reads the
    driver's marks (when PostgreSQL stopped and when it was back) and judges the answers."""
    answers, lock = [], threading.Lock()
    deadline = time.monotonic() + args.seconds
    wall = time.time() - time.monotonic()

    def worker(kind):
        client = Client(timeout=60)
        while time.monotonic() < deadline:
            start = time.monotonic()
            if kind == "read":
                status, headers, _ = client.send("GET", f"/v1/cases/{args.case}")
            elif kind == "write":
                status, headers, _ = client.send(
                    "POST", f"/v1/cases/{args.case}/subjects", {"kind": "legal_person", "name": "Outage Holding BV", "role": "owner"})
            else:
                status, headers, _ = client.send("GET", "/readyz")
            end = time.monotonic()
            with lock:
                answers.append((kind, wall + start, wall + end, status, headers.get("content-type", "")))
            time.sleep(0.02 if kind != "ready" else 0.1)

    threads = [threading.Thread(target=worker, args=(kind,)) for kind in ("read", "read", "write", "write", "ready")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    marks = dict(line.split() for line in open(args.marks))
    # Down: from a second after the stop began (it takes that long) until the start began.
    stopped, starting, back = float(marks["stopped"]), float(marks["starting"]), float(marks["back"])
    during = [a for a in answers if a[1] >= stopped + 1 and a[2] <= starting and a[0] != "ready"]
    ready_during = [a for a in answers if a[1] >= stopped + 1 and a[2] <= starting and a[0] == "ready"]
    unreachable = [a for a in answers if a[3] == 0]
    not_problem = [a for a in during if a[3] != 503 or a[4] != "application/problem+json"]
    slowest = max((a[2] - a[1] for a in during), default=0.0)
    first_ok = min((a[1] for a in answers if a[1] >= back and a[0] != "ready" and 200 <= a[3] < 300), default=None)
    first_ready = min((a[1] for a in answers if a[1] >= back and a[0] == "ready" and a[3] == 200), default=None)
    recovery = (first_ok - back) if first_ok is not None else float("inf")
    ready_recovery = (first_ready - back) if first_ready is not None else float("inf")
    print(f"outage: PostgreSQL down {starting - stopped:.1f} s, back {back - starting:.1f} s after its start began; {len(during)} requests answered meanwhile, "
          f"{len(during) - len(not_problem)} of them 503 problem+json, slowest {slowest * 1000:.0f} ms")
    print(f"outage: /readyz answered {sum(1 for a in ready_during if a[3] == 503)} of {len(ready_during)} times 503 while down")
    print(f"outage: served again {recovery:.2f} s after PostgreSQL was back (/readyz ready after {ready_recovery:.2f} s); "
          f"{len(unreachable)} requests found no server")
    failed = not during or not_problem or unreachable or slowest > 5 or recovery > 5 or any(a[3] != 503 for a in ready_during)
    if not_problem:
        print("outage: answers other than 503 problem+json while down:", sorted({(a[0], a[3], a[4]) for a in not_problem}))
    return 1 if failed else 0


# 4. Concurrency ------------------------------------------------------------------------------


def concurrency(args):
    """Sixteen clients change one case's title against the version they read (retrying on 412),
    and sixteen try moves of one asset at once; no update is lost and the history stays legal."""
    clients, updates = 16, 10
    done, lock = [0], threading.Lock()
    _, _, body = Client().send("POST", "/v1/cases", {"title": "Reliability concurrency case", "offences": ["fraud"], "openedOn": "2026-10-01"})
    case = json.loads(body)["id"]

    def updater(number):
        client = Client()
        for update in range(updates):
            while True:
                status, headers, _ = client.send("GET", f"/v1/cases/{case}")
                etag = headers.get("etag")
                status, _, _ = client.send(
                    "PATCH", f"/v1/cases/{case}", {"title": f"Reliability concurrency case c{number} u{update}"}, {"If-Match": etag})
                if status == 200:
                    with lock:
                        done[0] += 1
                    break
                if status not in (409, 412):
                    print(f"concurrency: an update answered {status}")
                    return

    threads = [threading.Thread(target=updater, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    status, headers, _ = Client().send("GET", f"/v1/cases/{case}")
    version = int(headers["etag"].strip('"'))
    lost = 1 + done[0] - version
    print(f"concurrency: {done[0]} updates acknowledged by {clients} clients, the case is at version {version}: {lost} lost")

    # Each of five assets, identified, may be traced once: sixteen clients try at the same instant.
    rounds, accepted, other = 5, [0], [0]
    broken = 0
    for round in range(rounds):
        _, _, body = Client().send(
            "POST", f"/v1/cases/{case}/assets",
            {"category": "cash", "description": f"Banknotes in safe {round + 1}", "country": "BE", "identifiedOn": "2026-10-02",
             "estimatedValue": {"amount": "8000.00", "currency": "EUR"}})
        asset = json.loads(body)["id"]
        start = threading.Barrier(clients)

        def mover():
            client = Client()
            client.send("GET", "/readyz")
            start.wait()
            status, _, _ = client.send("POST", f"/v1/assets/{asset}/events", {"action": "trace", "occurredOn": "2026-10-03", "reason": "bank records"})
            with lock:
                if 200 <= status < 300:
                    accepted[0] += 1
                elif status != 409:
                    other[0] += 1

        threads = [threading.Thread(target=mover) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        _, _, body = Client().send("GET", f"/v1/assets/{asset}")
        events = json.loads(body)["events"]
        legal = [e.get("action") for e in events] == ["identify", "trace"] and events[1].get("from") == "identified"
        broken += 0 if legal else 1
    print(f"concurrency: {clients} clients traced each of {rounds} assets at the same instant: {accepted[0]} accepted "
          f"(one per asset expected), {broken} histories other than identify then trace, {other[0]} answered other than 2xx or 409")
    return 1 if lost or broken or other[0] or accepted[0] != rounds else 0


# 3. Hostile input ----------------------------------------------------------------------------

HOSTILE = [
    "'; DROP TABLE case_file; --",
    "1' OR '1'='1",
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "e\u0301\u0301\u0301\u0301\u0301\u0301",
    "\u0000\u0007\u001b[31m\u202e",
    "A" * 100_000,
    "${jndi:ldap://127.0.0.1/a}",
    "<script>alert(1)</script>",
    "-1",
    "9" * 400,
    "2026-02-30",
]


def hostile(args):
    """Every write route of the OpenAPI document with: each field of its body set to a hostile
    text, its path ids hostile; then a 10 MB body, JSON nested 100,000 deep, bad UTF-8, raw
    control characters and a body that is not JSON. Every answer must be a 4xx."""
    operations = []
    document = open(args.openapi).read()
    current_path = None
    for line in document.splitlines():
        if line.startswith("  /v1/"):
            current_path = line.strip().rstrip(":")
        elif current_path and line in ("    post:", "    patch:", "    put:"):
            operations.append((line.strip().rstrip(":").upper(), current_path))
        elif line and not line.startswith(" "):
            current_path = None
    client = Client()
    answers = []
    for method, path in operations:
        for text in HOSTILE:
            concrete = path.replace("{id}", urllib.parse.quote(text, safe="")).replace("{event}", urllib.parse.quote(text, safe=""))
            concrete = concrete.replace("{key}", urllib.parse.quote(text, safe="")).replace("{year}", urllib.parse.quote(text, safe=""))
            fields = ["title", "offences", "openedOn", "origin", "kind", "name", "role", "category", "description", "country",
                      "office", "reason", "action", "status", "value", "amount", "identifiedOn", "occurredOn", "step", "on",
                      "memberState", "requestingState", "state", "urgency", "type", "decisionDate", "authority"]
            body = {field: text for field in fields}
            answers.append((method, path, "fields", client.send(method, concrete, body, {"If-Match": "*"})[0]))
        bad_path = path.replace("{id}", args.case).replace("{event}", args.case).replace("{key}", "x").replace("{year}", "2025")
        raws = {
            "10 MB body": b'{"title": "' + b"A" * (10 * 1024 * 1024) + b'"}',
            "deep JSON": b"[" * 100_000 + b"]" * 100_000,
            "bad UTF-8": b'{"title": "\xff\xfe\xc3\x28", "reason": "\xed\xa0\x80"}',
            "raw control characters": b'{"title": "a\x00\x01\x1f", "reason": "b\x07"}',
            "not JSON": b"title=x&reason=y",
        }
        for label, raw in raws.items():
            answers.append((method, path, label, client.send(method, bad_path, raw=raw, headers={"If-Match": "*"})[0]))
    outside = [a for a in answers if not 400 <= a[3] < 500]
    print(f"hostile: {len(answers)} hostile requests on {len(operations)} write routes, {len(answers) - len(outside)} answered 4xx")
    for method, path, label, status in outside[:20]:
        print(f"hostile: {method} {path} ({label}) answered {status}")
    return 1 if outside else 0


# The rules a request the document allows can still break, because they depend on the day or
# on other records, which no schema can state (Docs/RELIABILITY.md, "3. Hostile input").
RULES_OF_THE_MOMENT = {
    "not-in-future": "the day: a date or instant not after now",
    "not-before-last-event": "the asset's recorded history, which does not go back in time",
    "event-date-correction": "the asset's recorded history, which does not go back in time",
    "held-by-then": "the asset's recorded history: the property was held by then",
    "subject-of-case": "other records: a subject of this case",
    "asset-of-case": "other records: an asset of this case",
    "office-exists": "other records: an office that exists",
    "order-step": "the order's recorded steps",
    "freezing-only": "the order's recorded kind (only a freeze's certificate is urgent)",
    "natural-person": "the subject's recorded kind",
    "legal-person": "the subject's recorded kind",
    "victim": "other records: a subject of the case recorded as a victim",
    "order-date": "the order's recorded dates",
    "order-as-recorded": "the order as recorded: the assets it covers, its sum and currency, its kind",
    "from-request": "the recorded kind of the request a case is opened for",
    "unlinked-incoming": "other records: an incoming request or certificate with no case yet",
    "urgent-order-of-case": "other records: a standing urgent freeze of the case",
    "issued-abroad": "the order's recorded issuing state",
    "other-state": "the order's recorded issuing state",
    "certificate-channel": "the order's recorded kind (each kind of certificate has its channel)",
}


def schema_verdict(args):
    """Breaks on every failure schemathesis found except a schema-valid request refused only by
    rules of the moment, and a header it sent although the document's pattern forbids it."""
    log = open(args.log, encoding="utf-8", errors="replace").read()
    document = open(args.openapi, encoding="utf-8").read()
    entity_tags = re.search(r"^    EntityTags:\n(?:      .*\n)*?      pattern: '(.*)'$", document, re.M).group(1)
    found = re.search(r"found (\d+) unique failures", log)
    blocks = re.split(r"^\d+\. Test Case ID: \S+$", log, flags=re.M)[1:]
    of_the_moment, not_sent_as_documented, breaking = {}, 0, []
    for block in blocks:
        checks = re.findall(r"^- (.+)$", block, re.M)
        problems = re.findall(r"^    `(\{.*\})`$", block, re.M)
        curls = re.findall(r"^    curl .*$", block, re.M)
        if len(checks) != 1 or not checks[0].startswith("ST202") or not problems:
            breaking.append(" / ".join(checks) or block.strip()[:200])
            continue
        rules = {error.get("rule") for error in json.loads(problems[-1]).get("errors", [])}
        if rules and rules <= RULES_OF_THE_MOMENT.keys():
            for rule in rules:
                of_the_moment[rule] = of_the_moment.get(rule, 0) + 1
            continue
        if_match = re.search(r"-H 'If-Match: ([^']*)'", curls[-1]) if curls else None
        if rules == {"entity-tag"} and if_match and not re.match(entity_tags, if_match.group(1)):
            not_sent_as_documented += 1
            continue
        breaking.append(f"{checks[0]}: rules {sorted(rules)}")
    ending = re.findall(r"^=+ (.*) =+$", log, re.M)
    if ending and "error" in ending[-1]:
        breaking.append(f"schemathesis met errors: {ending[-1]}")
    if not found or int(found.group(1)) != len(blocks):
        breaking.append(f"schemathesis reported {found.group(1) if found else 'no'} failures, {len(blocks)} read from its log")
    print(f"schema: {len(blocks)} failures read; refused by rules of the day or of other records: "
          + (", ".join(f"{rule} {count}" for rule, count in sorted(of_the_moment.items())) or "none"))
    if not_sent_as_documented:
        print(f"schema: {not_sent_as_documented} If-Match header(s) schemathesis sent as valid although the document's pattern forbids them")
    for failure in breaking:
        print(f"schema: breaks: {failure}")
    return 1 if breaking else 0


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="scenario", required=True)
    p = sub.add_parser("crash")
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--writers", type=int, default=8)
    p.add_argument("--run", required=True)
    p.add_argument("--acked", required=True)
    p = sub.add_parser("outage")
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--marks", required=True)
    p.add_argument("--case", required=True)
    p = sub.add_parser("concurrency")
    p = sub.add_parser("hostile")
    p.add_argument("--openapi", required=True)
    p.add_argument("--case", required=True)
    p = sub.add_parser("schema-verdict")
    p.add_argument("--log", required=True)
    p.add_argument("--openapi", required=True)
    args = parser.parse_args()
    scenarios = {"crash": crash, "outage": outage, "concurrency": concurrency, "hostile": hostile, "schema-verdict": schema_verdict}
    result = scenarios[args.scenario](args)
    sys.exit(result or 0)


if __name__ == "__main__":
    main()
