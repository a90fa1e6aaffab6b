#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output: the share of CPU samples whose stack
contains a frame of each layer (a sample counts once per layer), and the hottest top frames."""
import collections
import re
import sys

# metrics, health checks and request ids (the ledger's interfaces.operations)
OPERATIONS = re.compile(r"io\.smallrye\.metrics|io\.micrometer|io\.openliberty\.microprofile\.(metrics|health)"
                        r"|com\.ibm\.ws\.microprofile\.(metrics|health)|io\.esledger\.interfaces\.operations")

LAYERS = [
    ("JWT / security (Liberty)", re.compile(r"com\.ibm\.ws\.security|io\.openliberty\.security|org\.jose4j")),
    ("GraphQL (SmallRye, graphql-java)", re.compile(r"io\.smallrye\.graphql|graphql\.")),
    ("ledger: interfaces", re.compile(r"io\.esledger\.interfaces")),
    ("ledger: application/domain", re.compile(r"io\.esledger\.(application|domain)")),
    ("ledger: event store", re.compile(r"io\.esledger\.infrastructure")),
    ("Elasticsearch client / HTTP", re.compile(r"co\.elastic|org\.apache\.http|org\.elasticsearch\.client")),
    ("JSON (Jackson, JSON-B, JSON-P)", re.compile(r"com\.fasterxml|org\.eclipse\.yasson|org\.eclipse\.parsson|org\.glassfish\.json")),
    ("CDI (Weld)", re.compile(r"org\.jboss\.weld")),
    ("web container / channel", re.compile(r"com\.ibm\.ws\.webcontainer|com\.ibm\.ws\.http|com\.ibm\.io|com\.ibm\.ws\.tcpchannel")),
    ("metrics / health / request ids", OPERATIONS),
]

samples, stack = [], []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.strip()
    if line.startswith("jdk.ExecutionSample"):
        if stack:
            samples.append(stack)
        stack = []
    elif re.match(r"^[\w$.]+\.[\w$<>]+\(", line):
        stack.append(line.split("(")[0])
if stack:
    samples.append(stack)

total = len(samples)
print(f"{total} CPU samples")
for name, pattern in LAYERS:
    n = sum(1 for s in samples if any(pattern.search(f) for f in s))
    print(f"  {100.0 * n / max(total, 1):5.1f} %  {name}")
# Work a layer does itself: a sample counts when, walking from its leaf, a frame of the layer comes before
# the servlet filter chain — so a request the layer wraps (RequestTelemetry is the outermost filter of every
# GraphQL request) is not counted as its cost.
CHAIN = re.compile(r"WebAppFilterChain\.(doFilter|invokeTarget)")
# bearer-token verification: Liberty's web security collaborator runs the MicroProfile JWT trust association
# (parse, signature, claims, subject; it also reads the mp.jwt.* configuration on every request) before the
# filter chain
TOKENS = re.compile(r"com\.ibm\.ws\.webcontainer\.security|com\.ibm\.ws\.security|io\.openliberty\.security"
                    r"|org\.jose4j")


def own_work(pattern):
    n = 0
    for s in samples:
        for f in s:
            if CHAIN.search(f):
                break
            if pattern.search(f):
                n += 1
                break
    return n


for pattern, what in ((OPERATIONS, "operations work itself (metrics, health, request ids; "
                                   "not the request an operations filter wraps)"),
                      (TOKENS, "bearer-token verification itself (Liberty's security collaborator and "
                               "MicroProfile JWT, before the filter chain)")):
    print(f"  {100.0 * own_work(pattern) / max(total, 1):5.1f} %  {what}")
top = collections.Counter(s[0] for s in samples if s)
print("hottest top frames:")
for frame, n in top.most_common(25):
    print(f"  {100.0 * n / total:5.1f} %  {frame}")
ledger = collections.Counter()
for s in samples:
    first = next((f for f in s if f.startswith("io.esledger")), None)
    if first:
        ledger[first] += 1
print("innermost ledger frame of each sample:")
for frame, n in ledger.most_common(15):
    print(f"  {100.0 * n / total:5.1f} %  {frame}")
