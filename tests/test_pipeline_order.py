"""The parallel ingest's bounded reorder buffer (pipeline.in_input_order).

The writer writes in input order; the workers must not wait for it while a
slow document is at the head of the line, but must not run unboundedly
ahead either (prepared documents are held in memory).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from unionkg.pipeline import PREFETCH_PER_JOB, in_input_order


class _Get:
    """``Pool.apply_async``'s interface over a ``concurrent.futures.Future``; counts the results taken."""

    taken = 0

    def __init__(self, future: Future[int]):
        self.future = future

    def get(self) -> int:
        result = self.future.result(timeout=30)
        _Get.taken += 1
        return result


@pytest.mark.parametrize("window", [1, 2, 4, 16])
def test_results_come_in_input_order_with_at_most_window_in_flight(window: int) -> None:
    submitted: list[int] = []
    yielded: list[int] = []
    in_flight: list[int] = []  # submitted, result not taken yet, at each submission
    _Get.taken = 0
    with ThreadPoolExecutor(2) as pool:

        def submit(item: int) -> _Get:
            submitted.append(item)
            in_flight.append(len(submitted) - _Get.taken)
            return _Get(pool.submit(lambda: item * 10))

        for result in in_input_order(submit, range(25), window):
            yielded.append(result)
    assert yielded == [i * 10 for i in range(25)]
    assert submitted == list(range(25))
    assert max(in_flight) == min(window, 25)


def test_a_slow_first_item_does_not_stop_the_others_until_the_window_is_full() -> None:
    window = 6
    release_head = threading.Event()
    done: list[int] = []
    lock = threading.Lock()

    def work(item: int) -> int:
        if item == 0:
            assert release_head.wait(timeout=30)
        with lock:
            done.append(item)
        return item

    with ThreadPoolExecutor(2) as pool:

        def submit(item: int) -> _Get:
            return _Get(pool.submit(work, item))

        results = in_input_order(submit, range(20), window)
        waiter = threading.Thread(target=lambda: results.__next__(), daemon=True)
        waiter.start()  # the consumer waits for the head
        # Meanwhile the second worker goes on with every other item of the window, and no further.
        for _ in range(300):
            with lock:
                if len(done) == window - 1:
                    break
            threading.Event().wait(0.01)
        with lock:
            assert sorted(done) == list(range(1, window))
        release_head.set()
        waiter.join(timeout=30)
        assert list(results) == list(range(1, 20))


def test_an_empty_input_submits_nothing() -> None:
    def submit(item: object) -> _Get:
        raise AssertionError("nothing to submit")

    assert list(in_input_order(submit, [], 4)) == []


def test_the_window_per_worker_covers_a_document_several_times_slower_than_the_others() -> None:
    # 2 workers: while one is on a slow document, the other prepares the next window - 1.
    assert PREFETCH_PER_JOB * 2 - 1 >= 8
