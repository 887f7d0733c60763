#!/usr/bin/env python3
"""Drafts and sends N outgoing requests to the partner through the API, as fast as it takes
them, from CONNECTIONS threads. Prints the API's own latency (draft + send) p50/p99 in ms.
Standard library only; 127.0.0.1 only."""
import http.client
import json
import os
import sys
import threading
import time

port = int(os.environ["BE_PORT"])
token = os.environ["BE_TOKEN"]
case_id = os.environ["BE_CASE"]
total = int(os.environ.get("REQUESTS", "2000"))
connections = int(os.environ.get("CONNECTIONS", "8"))
progress_file = os.environ.get("PROGRESS_FILE")

lock = threading.Lock()
next_index = 0
latencies = []
errors = []


def call(conn, method, path, body):
    conn.request(method, path, body=json.dumps(body), headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data)


def worker():
    global next_index
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        with lock:
            if next_index >= total or errors:
                return
            index = next_index
            next_index += 1
        started = time.monotonic()
        try:
            draft = call(conn, "POST", "/v1/requests", {
                "direction": "outgoing", "kind": "information_request", "caseId": case_id, "counterpartState": "NL",
                "counterpartOffice": "NL-ARO", "channel": "arca", "urgent": True, "urgencyReason": "bench: funds about to leave",
                "directlyAccessible": True, "informationSought": f"bench: balances of account {index}"})
            call(conn, "POST", f"/v1/requests/{draft['id']}/events", {"action": "send"})
        except Exception as error:  # noqa: BLE001 - reported and ends the run
            with lock:
                errors.append(str(error))
            return
        elapsed = (time.monotonic() - started) * 1000
        with lock:
            latencies.append(elapsed)
            if progress_file and len(latencies) % 100 == 0:
                with open(progress_file, "w") as out:
                    out.write(str(len(latencies)))


threads = [threading.Thread(target=worker) for _ in range(connections)]
started = time.monotonic()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
seconds = time.monotonic() - started
if errors:
    print("send.py: " + errors[0], file=sys.stderr)
    sys.exit(1)
latencies.sort()
p50 = latencies[(len(latencies) + 1) // 2 - 1]
p99 = latencies[(len(latencies) * 99 + 99) // 100 - 1]
print(f"{len(latencies)} {seconds:.2f} {p50:.2f} {p99:.2f}")
