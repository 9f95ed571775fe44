#!/usr/bin/env python3
"""Slow clients against a running portal: N connections ask for exports and then read nothing (a 4 KB
receive window, so that the kernel cannot take the whole file for them), while one client asks /api/lieux
every 100 ms. Reports the latencies and statuses of /api/lieux and what became of the slow clients.
    slow-clients.py HOST PORT [CLIENTS=200] [SECONDS=60]
Prints one JSON line. Bounded: every socket has a time-out, the run stops after SECONDS."""
import http.client, json, socket, sys, threading, time

host, port = sys.argv[1], int(sys.argv[2])
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 200
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 60
exports = ["/exports/lieux.csv", "/exports/lieux-services.csv", "/exports/lieux.geojson", "/exports/couverture-communes.csv"]

slow = []
for i in range(clients):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.settimeout(10)
    s.connect((host, port))
    s.sendall(f"GET {exports[i % len(exports)]} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Encoding: identity\r\n\r\n".encode())
    slow.append(s)

latencies, statuses = [], {}
end = time.time() + seconds
api = http.client.HTTPConnection(host, port, timeout=30)
while time.time() < end:
    t = time.time()
    try:
        api.request("GET", "/api/lieux?limit=20")
        r = api.getresponse(); r.read()
        statuses[r.status] = statuses.get(r.status, 0) + 1
    except Exception as e:
        statuses[type(e).__name__] = statuses.get(type(e).__name__, 0) + 1
        api = http.client.HTTPConnection(host, port, timeout=30)
    latencies.append((time.time() - t) * 1000)
    time.sleep(max(0, 0.1 - (time.time() - t)))

# What the slow clients got: the first bytes of their answer (status line), then whether the server cut them.
outcome = {}
for s in slow:
    try:
        s.settimeout(2)
        head = s.recv(4096).split(b"\r\n", 1)[0].decode(errors="replace")
        status = head.split(" ")[1] if head.startswith("HTTP/") else "rien"
        s.settimeout(5)
        total, cut = 0, False
        while True:
            b = s.recv(1 << 20)
            if not b:
                cut = True  # closed by the server (a 503 ends there too)
                break
            total += len(b)
    except ConnectionResetError:
        cut = True
    except socket.timeout:
        pass
    key = f"{status} {'coupé' if cut else 'ouvert'}"
    outcome[key] = outcome.get(key, 0) + 1
    s.close()

latencies.sort()
q = lambda p: round(latencies[min(len(latencies) - 1, int(len(latencies) * p))], 1)
print(json.dumps({"slow_clients": clients, "api_requests": len(latencies), "api_statuses": statuses,
                  "api_ms": {"p50": q(0.5), "p95": q(0.95), "p99": q(0.99), "max": round(latencies[-1], 1)},
                  "slow_clients_outcome": outcome}))
