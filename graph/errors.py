"""The one kind of error a user can cause and fix: a bad option, a missing store, a query that is
not in the library. The command line prints its message and exits 2; any other exception is a
bug, shown with its traceback."""


class UserError(ValueError):
    """Something the user asked for cannot be done as asked; the message says what and why."""
