#!/usr/bin/env python3
"""Slow clients against a running portal: N connections ask for exports and then read nothing (a 4 KB
receive window, so that the kernel cannot take the whole file for them), while one client asks /api/lieux
every 100 ms. Reports the latencies and statuses of /api/lieux and what became of the slow clients.
    slow-clients.py HOST PORT [CLIENTS=200] [SECONDS=60] [COMMAND printing the busy database connections]
Prints one JSON line. Bounded: every socket has a time-out, the run stops after SECONDS."""
import http.client, json, select, socket, subprocess, sys, time

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

# At the end: the database connections still busy (a command given as 5th argument), the connections the
# server still holds open, and what the slow clients got first (a 200 that began, or a 503), read at once.
busy = subprocess.run(sys.argv[5], shell=True, capture_output=True, text=True).stdout.strip() if len(sys.argv) > 5 else None
held = subprocess.run(["ss", "-Htn", "state", "established", f"( sport = :{port} )"], capture_output=True, text=True).stdout
held = len([l for l in held.splitlines() if l.strip()]) - 1  # less the /api/lieux client's
outcome, pending = {}, list(slow)
deadline = time.time() + 3
while pending and time.time() < deadline:
    ready, _, _ = select.select(pending, [], [], 0.2)
    for s in ready:
        try:
            head = s.recv(64).split(b"\r\n", 1)[0].decode(errors="replace")
            status = head.split(" ")[1] if head.startswith("HTTP/") else "fermé"
        except OSError:
            status = "coupé"
        outcome[status] = outcome.get(status, 0) + 1
        pending.remove(s)
outcome["rien"] = len(pending)
for s in slow: s.close()

latencies.sort()
q = lambda p: round(latencies[min(len(latencies) - 1, int(len(latencies) * p))], 1)
print(json.dumps({"slow_clients": clients, "api_requests": len(latencies), "api_statuses": statuses,
                  "api_ms": {"p50": q(0.5), "p95": q(0.95), "p99": q(0.99), "max": round(latencies[-1], 1)},
                  "slow_clients_first_answer": outcome, "server_connections_open": held, "database_busy": busy}))
