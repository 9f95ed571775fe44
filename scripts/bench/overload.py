#!/usr/bin/env python3
"""A steady overload against a running portal: RATE requests per second to one URL for SECONDS (each request
on its own connection, at most RATE x SECONDS of them), and /healthz once a second meanwhile.
    overload.py BASE_URL PATH [RATE=20] [SECONDS=30]
Prints one JSON line: statuses and latencies of the requests, and what /healthz said."""
import json, sys, threading, time, urllib.error, urllib.request

base, path = sys.argv[1], sys.argv[2]
rate = float(sys.argv[3]) if len(sys.argv) > 3 else 20
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 30
results, health, lock = [], {}, threading.Lock()

def get(url, timeout=60):
    t = time.time()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            r.read(); status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    except Exception as e:
        status = type(e).__name__
    return status, (time.time() - t) * 1000

def one():
    status, ms = get(base + path)
    with lock: results.append((status, ms))

def probe():
    end = time.time() + seconds
    while time.time() < end:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=10) as r:
                key = f"{r.status} {json.loads(r.read())['status']}"
        except urllib.error.HTTPError as e:
            key = f"{e.code} {json.loads(e.read()).get('status', '')}"
        except Exception as e:
            key = type(e).__name__
        with lock: health[key] = health.get(key, 0) + 1
        time.sleep(1)

threads = [threading.Thread(target=probe)]
threads[0].start()
start = time.time()
for i in range(int(rate * seconds)):
    delay = start + i / rate - time.time()
    if delay > 0: time.sleep(delay)
    t = threading.Thread(target=one); t.start(); threads.append(t)
for t in threads: t.join()

statuses = {}
for s, _ in results: statuses[str(s)] = statuses.get(str(s), 0) + 1
ok = sorted(ms for s, ms in results if s == 200)
q = lambda p: round(ok[min(len(ok) - 1, int(len(ok) * p))], 1) if ok else None
print(json.dumps({"requests": len(results), "statuses": statuses, "ok_ms": {"p50": q(0.5), "p95": q(0.95), "max": q(1.0)},
                  "max_ms": round(max(ms for _, ms in results), 1), "healthz": health}))
