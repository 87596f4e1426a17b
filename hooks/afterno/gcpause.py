"""Pause Python's cyclic garbage collector while the content is loaded or rendered.

Loading and rendering allocate hundreds of thousands of small objects that all stay alive (or
are freed by reference counting), so the collector's repeated passes over a growing heap find
nothing to free: at 100 times the real content they cost about half the time of loading. The
pause is scoped to our own work and restores the collector afterwards, so MkDocs' own build runs
exactly as it would without the hooks.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_gc_passes(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate ``function`` so that it runs with the cyclic garbage collector off (if it was on)."""

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused
