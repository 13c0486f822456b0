"""Checks a rapk log (format v1, v2 or v3) without rapk: every line's hash, the chain through event
lines and commit records, each commit record's count of events; prints the head. Python 3, standard
library.

    python3 verify_log.py plan.ndjson [expected-head]

A v3 line's hash is the sha256 of its own bytes before its last `,"hash":"`: nothing to rewrite.
For v1 and v2 lines, hashed over a canonical form, it agrees with rapk on every number and string
rapk writes because it writes them as JavaScript's JSON.stringify does (see js_number: 1e-7, not
Python's 1e-07). It checks the chain, not the signatures (that takes an Ed25519 library) nor the
plan's rules. Exit 0 when the log checks out.
"""
import hashlib
import json
import math
import sys
from decimal import Decimal

GENESIS = "0" * 64


def js_number(x):
    """A number as JavaScript writes it (ECMAScript Number::toString): shortest digits, exponent from 1e21 and below 1e-6."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int) and abs(x) < 10**21:
        return str(x)
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        raise ValueError("JSON cannot hold NaN or Infinity")
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    _, digits, exponent = Decimal(repr(abs(x))).as_tuple()
    digits = "".join(map(str, digits))
    stripped = digits.rstrip("0")
    exponent += len(digits) - len(stripped)
    digits = stripped
    k = len(digits)
    n = k + exponent  # the value is 0.digits * 10^n
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
    return sign + mantissa + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def canonical(value):
    """Sorted keys, no whitespace, strings as JSON.stringify writes them (json.dumps with ensure_ascii=False agrees)."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    return "{" + ",".join(json.dumps(key, ensure_ascii=False) + ":" + canonical(value[key]) for key in sorted(value)) + "}"


def sha256hex(value):
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()


def verify(path, expected_head=None):
    prev, head, open_events, versions = GENESIS, GENESIS, 0, 0
    with open(path, "rb") as log:
        for number, raw in enumerate(log, 1):
            if not raw.endswith(b"\n"):
                return f"line {number}: has no line break after it (a write cut short)"
            raw = raw[:-1]
            line = json.loads(raw.decode("utf-8"))
            stored = line.pop("hash")
            line.pop("signature", None)  # outside the hash: they sign the hash
            line.pop("signatures", None)
            if line["prev"] != prev:
                return f"line {number}: prev is not the hash of the line before"
            if line.get("format") == "rapk/3":  # the bytes as written, up to ,"hash":
                computed = hashlib.sha256(raw[: raw.rindex(b',"hash":"')]).hexdigest()
            else:
                computed = sha256hex(line)
            if computed != stored:
                return f"line {number}: hash does not match the line's content"
            prev = stored
            if "commit" in line:  # v2, v3: closes its version's events
                if line["events"] != open_events:
                    return f"line {number}: commit record counts {line['events']} events, the version has {open_events}"
                open_events, head, versions = 0, stored, versions + 1
            elif "format" in line:  # v2, v3 event
                open_events += 1
            else:  # v1 event: each counts as committed
                head = stored
                versions = max(versions, line["version"])
    if open_events:
        return f"the last {open_events} event line(s) have no commit record: the log is cut inside a version"
    if expected_head is not None and head != expected_head:
        return f"the log ends at head {head}, not at {expected_head}"
    print(f"ok: {versions} versions, head {head}")
    return None


if __name__ == "__main__":
    problem = verify(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    if problem:
        print(problem, file=sys.stderr)
        sys.exit(1)
