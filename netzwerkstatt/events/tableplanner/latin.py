"""A pair of orthogonal Latin squares by search, for g groups of g without a finite field.

Two orthogonal Latin squares of order n give n groups of n for four rounds:
the rows, the columns, the symbols of the first square and those of the
second (a transversal design TD(4, n)). For prime powers `designs` has the
affine plane; for n = 10 (Bose, Shrikhande & Parker 1959 showed such pairs
exist) we look for an orthogonal mate of a random Latin square: a mate
exists exactly when the square's cells split into n disjoint transversals
(cells in every row and column with every symbol once). We list all
transversals by depth-first search and pick n disjoint ones by Knuth's
Algorithm X; a square without a mate is replaced by another random one.
"""

import random
import time

Square = list[list[int]]


def orthogonal_pair(
    order: int, *, rng: random.Random, deadline: float
) -> tuple[Square, Square] | None:
    """Two orthogonal Latin squares of the order, or None if none turned up in time."""
    while time.monotonic() < deadline:
        square = random_latin_square(order, rng)
        mate = orthogonal_mate(square, deadline)
        if mate is not None:
            return square, mate
    return None


def random_latin_square(order: int, rng: random.Random) -> Square:
    """Row by row, each row a random perfect matching of columns to the symbols they lack.

    (A Latin rectangle always extends by a row, by Hall's theorem.)"""
    square: Square = []
    for _ in range(order):
        missing = [set(range(order)) - {row[c] for row in square} for c in range(order)]
        square.append(_random_matching(missing, rng))
    return square


def _random_matching(allowed: list[set[int]], rng: random.Random) -> list[int]:
    """A perfect matching of columns to allowed symbols by augmenting paths, in random order."""
    order = len(allowed)
    owner = [-1] * order  # symbol -> column

    def augment(column: int, seen: set[int]) -> bool:
        options = list(allowed[column])
        rng.shuffle(options)
        for symbol in options:
            if symbol not in seen:
                seen.add(symbol)
                if owner[symbol] < 0 or augment(owner[symbol], seen):
                    owner[symbol] = column
                    return True
        return False

    columns = list(range(order))
    rng.shuffle(columns)
    for column in columns:
        augment(column, set())
    row = [0] * order
    for symbol, column in enumerate(owner):
        row[column] = symbol
    return row


def orthogonal_mate(square: Square, deadline: float) -> Square | None:
    """A Latin square orthogonal to `square`, or None if it has none (or time ran out)."""
    order = len(square)
    transversals = _transversals(square, deadline)
    chosen = _disjoint(transversals, order, deadline)
    if chosen is None:
        return None
    mate = [[0] * order for _ in range(order)]
    for symbol, transversal in enumerate(chosen):
        for row, column in enumerate(transversal):
            mate[row][column] = symbol
    return mate


class _OutOfTime(Exception):  # noqa: N818 -- a signal to unwind, not an error
    pass


def _transversals(square: Square, deadline: float) -> list[tuple[int, ...]]:
    """Every transversal as the column chosen in each row (none if time runs out)."""
    order = len(square)
    found: list[tuple[int, ...]] = []
    columns: list[int] = []
    nodes = 0

    def extend(row: int, used_columns: int, used_symbols: int) -> None:
        nonlocal nodes
        nodes += 1
        if nodes % 8192 == 0 and time.monotonic() >= deadline:
            raise _OutOfTime
        if row == order:
            found.append(tuple(columns))
            return
        for column in range(order):
            symbol = square[row][column]
            if not (used_columns >> column) & 1 and not (used_symbols >> symbol) & 1:
                columns.append(column)
                extend(row + 1, used_columns | 1 << column, used_symbols | 1 << symbol)
                columns.pop()

    try:
        extend(0, 0, 0)
    except _OutOfTime:
        return []
    return found


def _disjoint(transversals: list[tuple[int, ...]], order: int, deadline: float):
    """`order` transversals covering every cell once (Algorithm X, fewest options first)."""
    cells_of = [[row * order + column for row, column in enumerate(t)] for t in transversals]
    covering: dict[int, set[int]] = {cell: set() for cell in range(order * order)}
    for index, cells in enumerate(cells_of):
        for cell in cells:
            covering[cell].add(index)
    chosen: list[int] = []

    def solve() -> bool:
        if not covering:
            return True
        if time.monotonic() >= deadline:
            return False
        cell = min(covering, key=lambda c: len(covering[c]))
        for index in list(covering[cell]):
            chosen.append(index)
            removed = _select(covering, cells_of, index)
            if solve():
                return True
            _deselect(covering, cells_of, index, removed)
            chosen.pop()
            if time.monotonic() >= deadline:
                break
        return False

    return [transversals[i] for i in chosen] if solve() else None


def _select(covering, cells_of, index):
    removed = []
    for cell in cells_of[index]:
        for other in covering[cell]:
            for other_cell in cells_of[other]:
                if other_cell != cell:
                    covering[other_cell].discard(other)
        removed.append(covering.pop(cell))
    return removed


def _deselect(covering, cells_of, index, removed):
    for cell in reversed(cells_of[index]):
        covering[cell] = removed.pop()
        for other in covering[cell]:
            for other_cell in cells_of[other]:
                if other_cell != cell:
                    covering[other_cell].add(other)
