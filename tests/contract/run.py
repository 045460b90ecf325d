"""schemathesis against the served contract: the check `make contract` runs as part of `make test`.

Starts the server (target/debug/citizen-diplomat, from `make build`) on a fresh SQLite file seeded with the
demo, signs in as the demo citizen and staff member, and runs schemathesis three times — as the public (no
token), as the citizen and as staff — with the settings of schemathesis.toml beside this file: a fixed seed,
a bounded number of examples, and the checks that matter here (no 5xx; status codes, content types and
response bodies as the contract says). Any finding fails the check. The server is stopped at the end, even
on failure; each run's full output is kept in target/contract/.

Usage: python3 tests/contract/run.py [--bin PATH] [--schemathesis PATH] [--only ROLE] [-- SCHEMATHESIS FLAGS]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"
OUTPUT = ROOT / "target" / "contract"
DEMO_PASSWORD = "demo-password-1405"
ROLES = ("public", "citizen", "staff")
ROLE_FLAGS = {
    # Without a token, operations that need one answer 401 whatever the input: hundreds of cases each for one
    # answer, a third of the check's time. tests/api/operations.rs checks that each documents its 401, and the
    # 401 is the same problem+json as every other refusal the runs check.
    "public": ["--exclude-by", '/security == [{"bearer": []}]'],
}
# Each run's own bound, far above its usual time: a hung run fails instead of blocking CI.
RUN_TIMEOUT_SECONDS = 300
START_TIMEOUT_SECONDS = 60
# How much of a run's findings the console shows (a traceback can be 200 kB).
FINDINGS_SHOWN = 8000


class Server:
    """`citizen-diplomat serve` on 127.0.0.1:0; its JSON log goes to a file, and its `listening` line
    tells the port."""

    def __init__(self, binary: Path, env: dict[str, str], log_path: Path):
        self.log_path = log_path
        self.process = subprocess.Popen(
            [str(binary), "serve"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.port: int | None = None
        self._ready = threading.Event()
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self) -> None:
        assert self.process.stderr is not None
        with open(self.log_path, "w", encoding="utf-8") as log:
            for line in self.process.stderr:
                log.write(line)
                log.flush()
                if self.port is None:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue
                    fields = entry.get("fields", {})
                    if fields.get("message") == "listening" and "port" in fields:
                        self.port = int(fields["port"])
                        self._ready.set()
        self._ready.set()

    def wait_until_listening(self) -> str:
        self._ready.wait(START_TIMEOUT_SECONDS)
        if self.port is None:
            raise SystemExit(f"contract: the server did not start; see {self.log_path}")
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        # SIGTERM: the server finishes what is in flight and stops; SIGKILL if it does not within 15 s.
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def call(base: str, method: str, path: str, token: str | None = None, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        raise SystemExit(f"contract: set-up {method} {path} answered {error.code}: {error.read()[:300]!r}")


def login(base: str, email: str) -> str:
    return call(base, "POST", "/api/v1/auth/login", body={"email": email, "password": DEMO_PASSWORD})["accessToken"]


def first_id(page: dict, what: str) -> str:
    items = page.get("items") or []
    if not items:
        raise SystemExit(f"contract: the demo has no {what}")
    return items[0]["id"]


def demo_ids(base: str, staff: str, citizen: str) -> dict[str, dict[str, str]]:
    """The ids each run uses: shared ones (the register, a reviewer…) and, per role, a call and an idea
    that role may act on."""
    open_call = first_id(call(base, "GET", "/api/v1/calls?phase=open"), "open call")
    in_review = first_id(call(base, "GET", "/api/v1/calls?phase=in_review"), "call in review")
    decided = first_id(call(base, "GET", "/api/v1/calls?phase=decided"), "decided call")
    own = call(base, "GET", f"/api/v1/ideas?mine=true&callId={open_call}&limit=100", citizen)
    own_open = [i for i in own["items"] if i["state"] in ("draft", "submitted")] or own["items"]
    shared = {
        "CD_CITY_ID": first_id(call(base, "GET", "/api/v1/cities"), "city"),
        "CD_PARTNERSHIP_ID": first_id(call(base, "GET", "/api/v1/partnerships"), "partnership"),
        "CD_ACTIVITY_ID": first_id(call(base, "GET", "/api/v1/activities"), "activity"),
        "CD_NETWORK_ID": first_id(call(base, "GET", "/api/v1/networks"), "network"),
        "CD_REVIEWER_ID": first_id(call(base, "GET", "/api/v1/reviewers", staff), "reviewer"),
        "CD_USER_ID": call(base, "GET", "/api/v1/me", citizen)["id"],
        "CD_ASSIGNMENT_ID": first_id(call(base, "GET", f"/api/v1/calls/{in_review}/assignments", staff), "assignment"),
    }
    return {
        # The public reads the decided call and one of its selected ideas.
        "public": shared
        | {
            "CD_CALL_ID": decided,
            "CD_IDEA_ID": first_id(call(base, "GET", f"/api/v1/calls/{decided}/ideas"), "selected idea"),
        },
        # The citizen works on an own idea in the open call.
        "citizen": shared | {"CD_CALL_ID": open_call, "CD_IDEA_ID": first_id({"items": own_open}, "own idea")},
        # Staff work on the call in review (assignments, ranking, decisions) and one of its ideas.
        "staff": shared
        | {
            "CD_CALL_ID": in_review,
            "CD_IDEA_ID": first_id(call(base, "GET", f"/api/v1/calls/{in_review}/ideas", staff), "idea in review"),
        },
    }


# From schemathesis' summary: "6087 generated, 2 found 2 unique failures" and its last line,
# "=== 2 failures, 4 warnings in 69.43s ===".
CASES_LINE = re.compile(r"^\s*(\d+) generated", re.M)
OUTCOME_LINE = re.compile(r"^=+ (.+?) in [\d.]+s =+$", re.M)


def run_schemathesis(
    tool: Path, base: str, role: str, token: str | None, ids: dict[str, str], extra: list[str]
) -> tuple[bool, str]:
    command = [
        str(tool),
        "--config-file",
        str(CONFIG),
        "--no-color",
        "run",
        f"{base}/api/openapi.json",
        "--url",
        base,
    ]
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
    command += ROLE_FLAGS.get(role, []) + extra
    output = OUTPUT / f"{role}.txt"
    started = time.monotonic()
    with open(output, "w", encoding="utf-8") as out:
        try:
            code = subprocess.run(
                command,
                env=os.environ | ids,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=OUTPUT,
                timeout=RUN_TIMEOUT_SECONDS,
            ).returncode
        except subprocess.TimeoutExpired:
            code = None
    seconds = time.monotonic() - started
    text = output.read_text(encoding="utf-8")
    # The findings, as schemathesis reports them, go to the console; the rest stays in the file.
    for section, body in re.findall(r"=+ (FAILURES|ERRORS) =+\n(.*?)(?=\n=+ [A-Z]+ =+\n)", text, re.S):
        if len(body) > FINDINGS_SHOWN:
            body = f"{body[:FINDINGS_SHOWN]}\n[… cut; the whole of it is in {output.relative_to(ROOT)}]"
        print(f"--- {role}: {section.lower()} ---\n{body.rstrip()}\n---")
    cases = CASES_LINE.search(text)
    outcome = OUTCOME_LINE.findall(text)
    if code == 0:
        verdict = "passed"
    elif code is None:
        verdict = f"FAILED: no result within {RUN_TIMEOUT_SECONDS} s"
    else:
        verdict = f"FAILED: {outcome[-1] if outcome else f'schemathesis exited with {code}'}"
    cases = cases.group(1) if cases else "?"
    return code == 0, f"contract: {role:<7} {verdict} ({cases} cases, {seconds:.0f} s; {output.relative_to(ROOT)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", type=Path, default=ROOT / "target" / "debug" / "citizen-diplomat")
    parser.add_argument("--schemathesis", type=Path, default=ROOT / ".venv" / "bin" / "schemathesis")
    parser.add_argument("--only", choices=ROLES, action="append", help="run as this role only (repeatable)")
    parser.add_argument("extra", nargs="*", help="after --: more schemathesis flags, e.g. -- -n 100 to dig deeper")
    args = parser.parse_args()
    roles = args.only or list(ROLES)
    # Absolute: schemathesis runs in target/contract/.
    args.bin, args.schemathesis = args.bin.absolute(), args.schemathesis.absolute()
    for path in (args.bin, args.schemathesis):
        if not path.exists():
            raise SystemExit(f"contract: {path} is missing (`make build`, and the Makefile installs schemathesis)")

    started = time.monotonic()
    if OUTPUT.exists():
        shutil.rmtree(OUTPUT)
    OUTPUT.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="contract-"))
    env = {
        key: value
        for key, value in os.environ.items()
        # The server's settings come from here alone, never from the caller's environment.
        if key not in ("DATABASE_URL", "JWT_SECRET", "JWT_SECRET_FILE", "CORS_ALLOWED_ORIGINS", "TRUSTED_PROXIES")
    } | {
        "DATABASE_URL": f"sqlite://{work / 'contract.sqlite3'}?mode=rwc",
        "DATA_DIR": str(work / "data"),
        "LISTEN_ADDR": "127.0.0.1:0",
        "STATIC_DIR": str(work / "no-spa"),
        "LOG_FORMAT": "json",
        "RUST_LOG": "info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn",
        # schemathesis signs in with made-up credentials from one address: no lockout may end the runs.
        "LOGIN_MAX_FAILURES_PER_ACCOUNT": "1000000",
        "LOGIN_MAX_FAILURES_PER_CLIENT": "1000000",
        # The demo's staff sign in with a password alone, so the staff run reaches every staff operation.
        "REQUIRE_SECOND_FACTOR": "false",
        "REQUIRE_EMAIL_VERIFICATION": "false",
    }
    seeded = subprocess.run([str(args.bin), "seed", "--demo"], env=env, capture_output=True, text=True)
    if seeded.returncode != 0:
        print(seeded.stdout + seeded.stderr, file=sys.stderr)
        raise SystemExit("contract: seeding the demo failed")

    server = Server(args.bin, env, OUTPUT / "server.log")
    results = []
    try:
        base = server.wait_until_listening()
        staff = login(base, "staff@demo.example")
        citizen = login(base, "citizen@demo.example")
        ids = demo_ids(base, staff, citizen)
        print(f"contract: the server on {base}, demo seeded; schemathesis as: {', '.join(roles)}")
        for role in roles:
            # A fresh token just before each run: the runs before it may not spoil it.
            token = None if role == "public" else login(base, f"{role}@demo.example")
            results.append(run_schemathesis(args.schemathesis, base, role, token, ids[role], args.extra))
            print(results[-1][1], flush=True)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    passed = sum(1 for ok, _ in results if ok)
    failed = len(results) - passed
    print(f"contract: {time.monotonic() - started:.0f} s in all; the server's log: {server.log_path.relative_to(ROOT)}")
    print(f"contract: {passed} passed, {failed} failed")
    return 0 if failed == 0 and len(results) == len(roles) else 1


if __name__ == "__main__":
    sys.exit(main())
