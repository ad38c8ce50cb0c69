"""Load test of the HTTP API on loopback: requests/s and p50/p99 latency with 8 concurrent clients.

    python bench/bench_server.py [--requests 400] [--clients 8]

Builds an archive of the corpus, starts `planex serve` on 127.0.0.1 (a free port), and sends a bounded
number of requests per endpoint from concurrent clients. The floor is GET /healthz measured in the same
run (the HTTP stack alone); each endpoint prints its ratio to that floor. Loopback only; it stops by itself.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "c23_huyen_nho_quan_thi_dua_cchc_cds.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(base: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def _measure(n: int, clients: int, call: Callable[[httpx.Client], int]) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) of n calls spread over `clients` threads, each with its own connection."""
    def worker(count: int) -> list[float]:
        times = []
        with httpx.Client(timeout=60) as c:
            for _ in range(count):
                t = time.perf_counter()
                status = call(c)
                times.append(time.perf_counter() - t)
                if status >= 400:
                    raise SystemExit(f"request failed with {status}")
        return times

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        parts = list(pool.map(worker, [n // clients] * clients))
    wall = time.perf_counter() - started
    lat = sorted(x for p in parts for x in p)
    return len(lat) / wall, statistics.median(lat) * 1000, lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "out")
        subprocess.run([sys.executable, "-m", "extractor", "batch", str(ROOT / "corpus"), "--out", str(out)],
                       cwd=ROOT, check=True, capture_output=True)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--out", str(out), "--port", str(port)],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait(base)
            body = SAMPLE.read_bytes()
            cases: list[tuple[str, Callable[[httpx.Client], int]]] = [
                ("GET /healthz (floor)", lambda c: c.get(f"{base}/healthz").status_code),
                ("GET /v1/documents?q=…", lambda c: c.get(f"{base}/v1/documents",
                                                           params={"q": "ke hoach thi dua"}).status_code),
                ("GET /v1/documents/1", lambda c: c.get(f"{base}/v1/documents/1").status_code),
                ("POST /v1/extract (21.6 KB plan)", lambda c: c.post(
                    f"{base}/v1/extract", files={"file": (SAMPLE.name, body, "text/plain")}).status_code),
            ]
            print(f"{args.clients} concurrent clients, {args.requests} requests each endpoint, loopback")
            print(f"{'endpoint':<34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'floor/x':>8}")
            floor = None
            for name, call in cases:
                rps, p50, p99 = _measure(args.requests, args.clients, call)
                floor = floor or rps
                print(f"{name:<34} {rps:>8.0f} {p50:>8.1f} {p99:>8.1f} {floor / rps:>8.1f}")
        finally:
            server.terminate()
            server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
