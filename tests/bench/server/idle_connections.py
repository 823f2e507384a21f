#!/usr/bin/python3
"""Idle connections benchmark: open --idle TCP connections to the server and keep them open (half
only connected, half after sending a partial request header, like a slow or stalled client), then
time --probes fresh `GET /healthz` requests, each on a new connection, from connect() to the end of
the response. Goal of the server issue: 300 idle connections, a new client still answered within
100 ms. Prints a RESULT line (milliseconds) for scripts/bench-server.sh. Python 3 stdlib only.

    idle_connections.py --port 8080 [--idle 300] [--probes 50]
"""
import argparse
import re
import select
import socket
import statistics
import sys
import time

PARTIAL = b'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '  # never finished
PROBE = b'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'
# Well inside the server's 30 s request_read_deadline, so the partial ones are still held, not cut.
HOLD_SECONDS = 1.0


def open_idle(port, count):
    conns = []
    for i in range(count):
        s = socket.create_connection(('127.0.0.1', port), timeout=5)
        if i % 2:
            s.sendall(PARTIAL)
        conns.append(s)
    return conns


def probe(port):
    start = time.perf_counter()
    with socket.create_connection(('127.0.0.1', port), timeout=5) as s:
        s.sendall(PROBE)
        data = b''
        while chunk := s.recv(65536):
            data += chunk
    elapsed = (time.perf_counter() - start) * 1000
    if not data.startswith(b'HTTP/1.1 200'):
        sys.exit(f'idle_connections.py: unexpected answer {data[:80]!r}')
    return elapsed


def still_open(conns):
    """Connections the server has not closed: not readable, or readable without EOF."""
    readable, _, _ = select.select(conns, [], [], 0)
    closed = sum(1 for s in readable if s.recv(1, socket.MSG_PEEK) == b'')
    return len(conns) - closed


def open_connections_gauge(port):
    """The server's own count (GET /metrics), or None when it has no such metric."""
    with socket.create_connection(('127.0.0.1', port), timeout=5) as s:
        s.sendall(b'GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
        data = b''
        while chunk := s.recv(65536):
            data += chunk
    m = re.search(rb'^onboard_http_open_connections (\S+)$', data, re.M)
    return int(float(m.group(1))) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--port', type=int, required=True)
    ap.add_argument('--idle', type=int, default=300)
    ap.add_argument('--probes', type=int, default=50)
    args = ap.parse_args()
    conns = open_idle(args.port, args.idle)
    time.sleep(HOLD_SECONDS)
    gauge = open_connections_gauge(args.port)
    times = []
    for _ in range(args.probes):
        times.append(probe(args.port))
        time.sleep(0.02)  # fresh clients arriving one by one, not a burst
    open_after = still_open(conns)
    for s in conns:
        s.close()
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f'RESULT idle={args.idle} still_open={open_after} server_open_connections={gauge} probes={len(times)} '
          f'p50_ms={statistics.median(times):.2f} p99_ms={p99:.2f} max_ms={times[-1]:.2f}')


if __name__ == '__main__':
    main()
