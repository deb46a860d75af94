"""Ctrl-C while spaCy starts its worker processes leaves no worker behind and still interrupts the run.

Each case runs in a process of its own, which leaves with os._exit as the CLI does after Ctrl-C
(workers.leave_now): in the pytest process, spaCy's interrupted work queue would keep a feeder thread
writing into a pipe no stopped worker reads, and the interpreter would wait for it at exit.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CHILDREN = Path("/proc/self/task")

PREAMBLE = '''
import json, multiprocessing.popen_fork, os, signal, sys, time
from pathlib import Path
from claimcheck.extract import iter_statements
from claimcheck.models import Article
from claimcheck.workers import stop_workers_on_interrupt

CHILDREN = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
ARTICLES = [
    Article(source=f"{number}.txt", text="The council approved the bridge budget on Monday. " * 20,
            content_hash=f"{number:064x}")
    for number in range(20)
]

def live_children():
    return [int(pid) for pid in CHILDREN.read_text().split()]

def run():
    try:
        with stop_workers_on_interrupt():
            for _ in iter_statements(ARTICLES, n_process=2):
                pass
    except KeyboardInterrupt:
        return True
    return False
'''

WORKER_FORKED_AS_CTRL_C_ARRIVES = PREAMBLE + '''
# A terminal's Ctrl-C reaches the process group; a worker forked just after it never gets it, and the
# handler can run before multiprocessing has listed the new worker as a child: the signal is sent then.
launch = multiprocessing.popen_fork.Popen._launch
forked = []

def launch_then_ctrl_c(self, process_obj):
    launch(self, process_obj)
    forked.append(self.pid)
    if len(forked) == 1:
        os.kill(os.getpid(), signal.SIGINT)

multiprocessing.popen_fork.Popen._launch = launch_then_ctrl_c
interrupted = run()
deadline = time.monotonic() + 2
while any(pid in live_children() for pid in forked) and time.monotonic() < deadline:
    time.sleep(0.05)
left = [pid for pid in forked if pid in live_children()]
for pid in left:
    os.kill(pid, signal.SIGKILL)
print(json.dumps({"interrupted": interrupted, "forked": len(forked), "left": len(left)}), flush=True)
os._exit(0)
'''

CTRL_C_INSIDE_AN_AT_FORK_HOOK = PREAMBLE + '''
# logging releases its lock in an at-fork hook after each fork; a Ctrl-C handled there raised into
# nothing ("Exception ignored"), the workers were stopped and the run went on waiting for them.
forks = [0]

def ctrl_c_inside_the_second_fork_hook():
    forks[0] += 1
    if forks[0] == 2:
        os.kill(os.getpid(), signal.SIGINT)
        sum(range(1000))  # the handler runs here, inside the hook, where Python drops what it raises

os.register_at_fork(after_in_parent=ctrl_c_inside_the_second_fork_hook)
interrupted = run()
print(json.dumps({"interrupted": interrupted, "forks": forks[0]}), flush=True)
os._exit(0)
'''


def _run(code: str) -> tuple[dict, str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux") or not CHILDREN.exists(), reason="lists children via /proc")
def test_ctrl_c_handled_while_a_worker_is_being_started_stops_that_worker_too():
    found, _ = _run(WORKER_FORKED_AS_CTRL_C_ARRIVES)

    assert found["interrupted"] and found["forked"] >= 1
    assert found["left"] == 0, "a worker outlived the interruption"


def test_ctrl_c_handled_inside_an_at_fork_hook_still_interrupts_the_run():
    found, stderr = _run(CTRL_C_INSIDE_AN_AT_FORK_HOOK)

    assert found == {"interrupted": True, "forks": 2}
    assert "Exception ignored" not in stderr
