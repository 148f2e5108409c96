"""Closing what a test's file response holds open."""


def release(response) -> None:
    """Read a streamed response to its end, so the test client closes the file it serves.

    Not `response.close()`: that also sends `request_finished`, whose handler closes the
    test's database connection, which on PostgreSQL breaks every later query of the test.
    The test client's own closing at the end of the stream keeps the connection.
    """
    if response.streaming:
        for _chunk in response.streaming_content:
            pass
