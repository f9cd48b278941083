"""FileSaveStatus, what TOP.save() returns, and waiting for asynchronous saves."""
import atexit
import os
import warnings

from . import _td


class FileSaveStatus(str):
    """The path a TOP.save() wrote (or is writing), as a str, with the save's outcome.

    isCompleted() tells whether the file is done; wait(timeout=None) waits for it and raises the
    save's exception if it failed; error is that exception (None if the save succeeded or is still
    running). A failed asynchronous save that nobody asks about is reported with a RuntimeWarning.
    """

    __slots__ = ("_status",)

    def __new__(cls, path, status):
        self = super().__new__(cls, path)
        self._status = status
        return self

    def isCompleted(self):
        """True once the file was written (or the save failed)."""
        return self._status.done

    def wait(self, timeout=None):
        """Wait until the save finished (or timeout seconds passed); return whether it finished.
        Raises the save's exception if it failed."""
        finished = self._status.wait(timeout)
        if finished:
            exc = self._status.exception()
            if exc is not None:
                raise exc
        return finished

    @property
    def error(self):
        """The exception the save failed with, or None."""
        return self._status.exception()

    def __reduce__(self):
        return (str, (str(self),))


def waitForSaves():
    """Wait for every asynchronous save still running. Failures of saves whose FileSaveStatus was
    dropped are raised here as warnings (RuntimeWarning) so they are never silent."""
    for message in _td._wait_saves():
        warnings.warn("asynchronous save failed: " + message, RuntimeWarning, stacklevel=2)


_td._set_file_save_status(FileSaveStatus)
atexit.register(waitForSaves)
# A forked child drops the saves its parent still had pending (the parent writes them) instead of
# waiting for a worker thread that did not survive the fork.
os.register_at_fork(before=_td._fork_before, after_in_parent=lambda: _td._fork_after(False),
                    after_in_child=lambda: _td._fork_after(True))
